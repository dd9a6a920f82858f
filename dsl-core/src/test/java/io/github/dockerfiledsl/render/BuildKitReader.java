package io.github.dockerfiledsl.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, test-only reading of Dockerfile text by BuildKit's lexical rules (directives,
 * logical lines, comments, continuation with the escape character, flag words, heredoc bodies,
 * word splitting and quote removal), written from the language checklist rather than from the
 * renderer, to check what the renderer writes. It is not the project's parser: it stops at
 * logical instructions and leaves the meaning of arguments to the caller.
 */
final class BuildKitReader {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*$", Pattern.DOTALL);
  private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");

  /** A heredoc as BuildKit reads it: the name (quotes removed) and the content. */
  record Doc(String name, String content, boolean expand, boolean chomp) {}

  /** One logical instruction: keyword (upper case), flag words, the rest, heredocs. */
  record Logical(String keyword, List<String> flags, String rest, List<Doc> heredocs,
      Logical inner) {}

  /** The result: directives and logical instructions, in order. */
  record Read(Map<String, String> directives, char escape, List<Logical> instructions) {}

  private BuildKitReader() {}

  /** Go's unicode.IsSpace. */
  static boolean goSpace(int c) {
    switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> {
        return true;
      }
      default -> {
        return c >= 0x2000 && c <= 0x200A;
      }
    }
  }

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length() && goSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String trim(String s) {
    String t = trimLeft(s);
    int e = t.length();
    while (e > 0 && goSpace(t.charAt(e - 1))) {
      e--;
    }
    return t.substring(0, e);
  }

  /** Reads a Dockerfile; throws IllegalStateException where BuildKit reports an error. */
  static Read read(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    for (int k = 0; k < lines.size(); k++) {
      String l = lines.get(k);
      if (l.endsWith("\r")) {
        lines.set(k, l.substring(0, l.length() - 1));
      }
    }
    Map<String, String> directives = new LinkedHashMap<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher m = DIRECTIVE.matcher(lines.get(i));
      if (!m.matches()) {
        break;
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      if (!List.of("syntax", "escape", "check").contains(key)) {
        break;
      }
      if (directives.put(key, m.group(2)) != null) {
        throw new IllegalStateException("repeated directive " + key);
      }
      i++;
    }
    String esc = directives.getOrDefault("escape", "\\");
    if (!esc.equals("\\") && !esc.equals("`")) {
      throw new IllegalStateException("bad escape " + esc);
    }
    char escape = esc.charAt(0);
    List<Logical> out = new ArrayList<>();
    while (i < lines.size()) {
      String line = lines.get(i++);
      if (isComment(line)) {
        continue;
      }
      String first = trimLeft(line);
      String cont = continuation(first, escape);
      if (cont == null && first.isEmpty()) {
        continue;
      }
      StringBuilder logical = new StringBuilder(cont == null ? first : cont);
      while (cont != null && i < lines.size()) {
        String next = lines.get(i++);
        if (isComment(next) || trimLeft(next).isEmpty()) {
          continue;
        }
        cont = continuation(next, escape);
        logical.append(cont == null ? next : cont);
      }
      Logical node = node(logical.toString(), escape);
      Logical target = node.inner() != null ? node.inner() : node;
      if (List.of("RUN", "COPY", "ADD").contains(target.keyword())
          && !target.rest().startsWith("[")) {
        List<Doc> docs = new ArrayList<>();
        for (String word : rawWords(target.rest())) {
          Matcher m = HEREDOC.matcher(word);
          if (!m.matches() || m.group(3).isEmpty()) {
            continue;
          }
          String raw = m.group(3);
          String name = raw.replace("\"", "").replace("'", "");
          boolean chomp = !m.group(2).isEmpty();
          StringBuilder body = new StringBuilder();
          boolean terminated = false;
          while (i < lines.size()) {
            String b = lines.get(i++);
            String candidate = chomp ? b.replaceFirst("^\t+", "") : b;
            if (candidate.equals(name)) {
              terminated = true;
              break;
            }
            body.append(b).append('\n');
          }
          if (!terminated) {
            throw new IllegalStateException("unterminated heredoc " + name);
          }
          docs.add(new Doc(name, body.toString(), name.equals(raw), chomp));
        }
        Logical withDocs = new Logical(target.keyword(), target.flags(), target.rest(), docs, null);
        node = node.inner() != null
            ? new Logical(node.keyword(), node.flags(), node.rest(), List.of(), withDocs)
            : withDocs;
      }
      out.add(node);
    }
    return new Read(directives, escape, out);
  }

  private static boolean isComment(String line) {
    return trimLeft(line).startsWith("#");
  }

  /** The line without its continuation, or null when the line does not continue. */
  private static String continuation(String line, char escape) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end == 0 || line.charAt(end - 1) != escape) {
      return null;
    }
    if (end >= 2 && line.charAt(end - 2) == escape) {
      return null;
    }
    return line.substring(0, end - 1);
  }

  private static Logical node(String logical, char escape) {
    String line = trim(logical);
    int k = 0;
    while (k < line.length() && " \t\u000b\f\r".indexOf(line.charAt(k)) < 0) {
      k++;
    }
    String keyword = line.substring(0, k).toUpperCase(Locale.ROOT);
    int r = k;
    while (r < line.length() && " \t\u000b\f\r".indexOf(line.charAt(r)) >= 0) {
      r++;
    }
    List<String> flags = new ArrayList<>();
    String rest = flags(line.substring(r), flags);
    if (keyword.equals("ONBUILD")) {
      Logical inner = node(rest, escape);
      return new Logical(keyword, flags, rest, List.of(), inner);
    }
    return new Logical(keyword, flags, rest, List.of(), null);
  }

  /**
   * Extracts leading {@code --flag} words (quotes removed, backslash escapes) and returns the
   * rest. Like BuildKit, this reads the UTF-8 bytes one at a time and turns each byte into the
   * character of the same number, so a multi-byte character in a flag comes out garbled.
   */
  private static String flags(String text, List<String> flags) {
    byte[] s = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int pos = 0;
    while (true) {
      while (pos < s.length && goSpace(s[pos] & 0xff)) {
        pos++;
      }
      if (!(pos + 1 < s.length && s[pos] == '-' && s[pos + 1] == '-')) {
        return new String(s, pos, s.length - pos, java.nio.charset.StandardCharsets.UTF_8);
      }
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (pos < s.length) {
        char c = (char) (s[pos] & 0xff);
        if (quote == 0 && goSpace(c)) {
          break;
        }
        pos++;
        if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
        } else if (quote != 0 && c == quote) {
          quote = 0;
        } else if (c == '\\' && pos < s.length) {
          word.append((char) (s[pos++] & 0xff));
        } else if (c != '\\') {
          word.append(c);
        }
      }
      if (word.toString().equals("--")) {
        return trimLeft(new String(s, pos, s.length - pos,
            java.nio.charset.StandardCharsets.UTF_8));
      }
      flags.add(word.toString());
    }
  }

  /** Splits at unquoted blanks, keeping quotes and backslashes (heredoc marker detection). */
  static List<String> rawWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean in = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        w.append(c);
        if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          w.append(line.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (goSpace(c)) {
        if (in) {
          words.add(w.toString());
          w.setLength(0);
          in = false;
        }
      } else {
        in = true;
        w.append(c);
        if (c == '\\' && i + 1 < line.length()) {
          w.append(line.charAt(++i));
        } else if (c == '"' || c == '\'') {
          quote = c;
        }
      }
    }
    if (in) {
      words.add(w.toString());
    }
    return words;
  }

  /** BuildKit's word splitting for ENV, LABEL and ARG (quotes and escapes kept in the words). */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean in = false;
    boolean blankOk = false;
    char quote = 0;
    int[] cps = rest.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (quote == 0) {
        if (goSpace(c)) {
          if (in && (blankOk || w.length() > 0)) {
            words.add(w.toString());
          }
          w.setLength(0);
          in = false;
          blankOk = false;
          continue;
        }
        in = true;
        if (c == '\'' || c == '"') {
          quote = (char) c;
          blankOk = true;
        }
        if (c == escape) {
          if (i + 1 == cps.length) {
            continue;
          }
          w.appendCodePoint(c);
          c = cps[++i];
        }
        w.appendCodePoint(c);
      } else {
        char q = quote;
        if (c == quote) {
          quote = 0;
        }
        if (c == escape && q != '\'') {
          if (i + 1 == cps.length) {
            continue;
          }
          w.appendCodePoint(c);
          c = cps[++i];
        }
        w.appendCodePoint(c);
      }
    }
    if (in && (blankOk || w.length() > 0)) {
      words.add(w.toString());
    }
    return words;
  }

  /** Splits at ASCII blanks only, as BuildKit does for FROM, EXPOSE and non-JSON COPY/ADD. */
  static List<String> blankWords(String rest) {
    List<String> out = new ArrayList<>();
    for (String w : rest.split("[\\t\\u000b\\f\\r ]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Removes quotes and escapes from a word as BuildKit's word processing does with no variables
   * set; a variable reference throws, since a literal value must never be expanded.
   */
  static String unquote(String word, char escape) {
    StringBuilder sb = new StringBuilder();
    int[] cps = word.codePoints().toArray();
    int i = 0;
    while (i < cps.length) {
      int c = cps[i++];
      if (c == '\'') {
        while (true) {
          if (i >= cps.length) {
            throw new IllegalStateException("unterminated single quote in " + word);
          }
          int d = cps[i++];
          if (d == '\'') {
            break;
          }
          sb.appendCodePoint(d);
        }
      } else if (c == '"') {
        while (true) {
          if (i >= cps.length) {
            throw new IllegalStateException("unterminated double quote in " + word);
          }
          int d = cps[i++];
          if (d == '"') {
            break;
          }
          if (d == '$') {
            dollar(cps, i, word);
            sb.append('$');
            continue;
          }
          if (d == escape && i < cps.length) {
            int n = cps[i];
            if (n == '"' || n == '$' || n == escape) {
              d = n;
              i++;
            }
          } else if (d == escape) {
            continue;
          }
          sb.appendCodePoint(d);
        }
      } else if (c == escape) {
        if (i < cps.length) {
          sb.appendCodePoint(cps[i++]);
        }
      } else if (c == '$') {
        dollar(cps, i, word);
        sb.append('$');
      } else {
        sb.appendCodePoint(c);
      }
    }
    return sb.toString();
  }

  private static void dollar(int[] cps, int next, String word) {
    if (next < cps.length) {
      int n = cps[next];
      if (n == '{' || n == '_' || Character.isLetterOrDigit(n)) {
        throw new IllegalStateException("variable reference in literal word " + word);
      }
    }
  }
}
