package io.github.dockerfiledsl.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code .dockerignore} matching as BuildKit does it (moby/patternmatcher's {@code New} and
 * {@code MatchesOrParentMatches}, and its {@code ignorefile.ReadAll} for the file's lines): Go
 * {@code filepath.Match} patterns plus {@code **}, later patterns win, {@code !} re-includes, and
 * a path is excluded when it or one of its parent directories matches.
 *
 * <pre>{@code
 * DockerIgnore.of(List.of("docs", "!docs/README.md")).matches("docs/guide.md")  // true
 * DockerIgnore.parse("# comment\n*.log\n").matches("a.log")                  // true
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DockerIgnore {
  private final List<Entry> patterns;

  /** One cleaned pattern, compiled like patternmatcher's {@code compile}. */
  private record Entry(String cleaned, boolean exclusion, Kind kind, Pattern regex) {}

  private enum Kind { EXACT, PREFIX, SUFFIX, REGEX, BAD }

  private DockerIgnore(List<Entry> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * Reads the lines of a {@code .dockerignore} file into patterns the way BuildKit does: a UTF-8
   * byte order mark is dropped, a line whose first character is {@code #} is a comment (a blank
   * before it makes it a pattern), blanks around a pattern and after {@code !} are trimmed, and
   * each pattern is cleaned like a path with a leading {@code /} removed.
   *
   * @param text the file's content
   * @return the patterns, in order
   */
  public static List<String> readLines(String text) {
    Objects.requireNonNull(text, "text == null");
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      if (n == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String p = goTrim(line);
      if (p.isEmpty()) {
        continue;
      }
      boolean invert = p.charAt(0) == '!';
      if (invert) {
        p = goTrim(p.substring(1));
      }
      if (!p.isEmpty()) {
        p = clean(p);
        if (p.length() > 1 && p.charAt(0) == '/') {
          p = p.substring(1);
        }
      }
      out.add(invert ? "!" + p : p);
    }
    return out;
  }

  /**
   * Parses a {@code .dockerignore} file's content.
   *
   * @param text the content
   * @return the matcher
   * @throws IllegalArgumentException for a malformed pattern
   */
  public static DockerIgnore parse(String text) {
    return of(readLines(text));
  }

  /**
   * Creates a matcher from patterns, checking each one as BuildKit does.
   *
   * @param patterns the patterns, such as {@code *.log} or {@code !keep.log}
   * @return the matcher
   * @throws IllegalArgumentException for a lone {@code !} or a pattern Go's {@code
   *     filepath.Match} rejects (such as {@code [} or {@code [a-b-c]}); the message names it
   */
  public static DockerIgnore of(List<String> patterns) {
    List<Entry> out = new ArrayList<>();
    for (String raw : patterns) {
      Objects.requireNonNull(raw, "pattern == null");
      String p = goTrim(raw);
      if (p.isEmpty()) {
        continue;
      }
      p = clean(p);
      boolean exclusion = false;
      if (p.charAt(0) == '!') {
        if (p.length() == 1) {
          throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
        }
        exclusion = true;
        p = p.substring(1);
      }
      String problem = syntaxError(p);
      if (problem != null) {
        throw new IllegalArgumentException("ignore pattern '" + raw + "' is malformed: " + problem);
      }
      out.add(compile(p, exclusion));
    }
    return new DockerIgnore(out);
  }

  /**
   * Returns whether a context path is excluded: later patterns win, and a pattern matching a
   * parent directory matches the path. The context root ({@code .}) is never excluded.
   *
   * @param path a slash-separated path relative to the context
   * @return true if the path is excluded
   * @throws IllegalArgumentException when a pattern the matcher uses turns out malformed (a
   *     character class Go's regular expressions reject, such as {@code [Local-Only]})
   */
  public boolean matches(String path) {
    String file = clean(Objects.requireNonNull(path, "path == null"));
    if (file.equals(".")) {
      return false;
    }
    int slash = file.lastIndexOf('/');
    String parent = slash < 0 ? "." : slash == 0 ? "/" : file.substring(0, slash);
    String[] parentDirs = parent.split("/", -1);
    boolean matched = false;
    for (Entry p : patterns) {
      if (p.exclusion() != matched) {
        continue;
      }
      boolean match = match(p, file);
      if (!match && !parent.equals(".")) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parentDirs.length && !match; i++) {
          if (i > 0) {
            prefix.append('/');
          }
          prefix.append(parentDirs[i]);
          match = match(p, prefix.toString());
        }
      }
      if (match) {
        matched = !p.exclusion();
      }
    }
    return matched;
  }

  /**
   * Returns the patterns as cleaned, with {@code !} for exclusions.
   *
   * @return the patterns
   */
  public List<String> patterns() {
    List<String> out = new ArrayList<>();
    for (Entry e : patterns) {
      out.add(e.exclusion() ? "!" + e.cleaned() : e.cleaned());
    }
    return out;
  }

  private static boolean match(Entry p, String path) {
    switch (p.kind()) {
      case EXACT:
        return path.equals(p.cleaned());
      case PREFIX:
        return path.startsWith(p.cleaned().substring(0, p.cleaned().length() - 2));
      case SUFFIX: {
        String suffix = p.cleaned().substring(2);
        if (path.endsWith(suffix)) {
          return true;
        }
        return !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
      }
      case REGEX:
        return p.regex().matcher(path).matches();
      default:
        throw new IllegalArgumentException("ignore pattern '" + p.cleaned() + "' is malformed");
    }
  }

  /** Returns patternmatcher's match type and regular expression for a clean pattern (tests). */
  static String[] compiled(String pattern) {
    Entry e = compile(pattern, false);
    String type = switch (e.kind()) {
      case EXACT -> "exactMatch";
      case PREFIX -> "prefixMatch";
      case SUFFIX -> "suffixMatch";
      case REGEX -> "regexpMatch";
      case BAD -> "bad";
    };
    return new String[] {type, e.regex() == null ? "" : e.regex().pattern()};
  }

  /** The translation of patternmatcher's {@code compile} for '/' as separator. */
  private static Entry compile(String pattern, boolean exclusion) {
    StringBuilder re = new StringBuilder("^");
    Kind kind = Kind.EXACT;
    boolean inClass = false;
    int n = pattern.length();
    for (int i = 0; i < n; ) {
      int ch = pattern.codePointAt(i);
      int first = i;
      i += Character.charCount(ch);
      if (ch == '*') {
        if (i < n && pattern.charAt(i) == '*') {
          i++;
          if (i < n && pattern.charAt(i) == '/') {
            i++;
          }
          if (i >= n) {
            if (kind == Kind.EXACT) {
              kind = Kind.PREFIX;
            } else {
              re.append(".*");
              kind = Kind.REGEX;
            }
          } else {
            re.append("(.*/)?");
            kind = Kind.REGEX;
          }
          if (first == 0) {
            kind = Kind.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          kind = Kind.REGEX;
        }
      } else if (ch == '?') {
        re.append("[^/]");
        kind = Kind.REGEX;
      } else if (".+()|{}$".indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '\\') {
        if (i < n) {
          int next = pattern.codePointAt(i);
          i += Character.charCount(next);
          re.append('\\').appendCodePoint(next);
          kind = Kind.REGEX;
        } else {
          re.append("\\\\");
        }
      } else if (inClass && (ch == '&' || ch == '[')) {
        // literal in Go's character classes; Java nests '[' and reads "&&" as intersection
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '[' || ch == ']') {
        re.append((char) ch);
        inClass = ch == '[';
        kind = Kind.REGEX;
      } else {
        re.appendCodePoint(ch);
      }
    }
    if (kind != Kind.REGEX) {
      return new Entry(pattern, exclusion, kind, null);
    }
    re.append('$');
    try {
      return new Entry(pattern, exclusion, kind, Pattern.compile(re.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      // as in patternmatcher, the error shows when the pattern is used
      return new Entry(pattern, exclusion, Kind.BAD, null);
    }
  }

  /**
   * Checks a pattern the way Go's {@code filepath.Match} does before matching (every chunk's
   * syntax), returning the problem or null.
   */
  static String syntaxError(String pattern) {
    String rest = pattern;
    while (!rest.isEmpty()) {
      int i = 0;
      while (i < rest.length() && rest.charAt(i) == '*') {
        i++;
      }
      rest = rest.substring(i);
      boolean inRange = false;
      int end = 0;
      scan:
      for (; end < rest.length(); end++) {
        switch (rest.charAt(end)) {
          case '\\':
            if (end + 1 < rest.length()) {
              end++;
            }
            break;
          case '[':
            inRange = true;
            break;
          case ']':
            inRange = false;
            break;
          case '*':
            if (!inRange) {
              break scan;
            }
            break;
          default:
            break;
        }
      }
      String problem = chunkError(rest.substring(0, end));
      if (problem != null) {
        return problem;
      }
      rest = rest.substring(end);
    }
    return null;
  }

  private static String chunkError(String chunk) {
    int i = 0;
    int n = chunk.length();
    while (i < n) {
      char c = chunk.charAt(i);
      if (c == '[') {
        i++;
        if (i < n && chunk.charAt(i) == '^') {
          i++;
        }
        int ranges = 0;
        while (true) {
          if (i < n && chunk.charAt(i) == ']' && ranges > 0) {
            i++;
            break;
          }
          int after = escEnd(chunk, i);
          if (after < 0) {
            return "a character class is not closed or has a bad range";
          }
          i = after;
          if (chunk.charAt(i) == '-') {
            after = escEnd(chunk, i + 1);
            if (after < 0) {
              return "a character class is not closed or has a bad range";
            }
            i = after;
          }
          ranges++;
        }
      } else if (c == '\\') {
        i++;
        if (i >= n) {
          return "it ends with an escaping '\\'";
        }
        i += Character.charCount(chunk.codePointAt(i));
      } else {
        i += Character.charCount(chunk.codePointAt(i));
      }
    }
    return null;
  }

  /** Go's getEsc: the index after one class character, or -1 for a syntax error. */
  private static int escEnd(String chunk, int i) {
    int n = chunk.length();
    if (i >= n || chunk.charAt(i) == '-' || chunk.charAt(i) == ']') {
      return -1;
    }
    if (chunk.charAt(i) == '\\') {
      i++;
      if (i >= n) {
        return -1;
      }
    }
    i += Character.charCount(chunk.codePointAt(i));
    return i >= n ? -1 : i;
  }

  /** Go's strings.TrimSpace. */
  private static String goTrim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && io.github.dockerfiledsl.internal.Checks.isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && io.github.dockerfiledsl.internal.Checks.isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  /** Go's path.Clean. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/", -1)) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(p);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
