package io.github.dockerfiledsl.parse;

import io.github.dockerfiledsl.eval.ShellLexer;
import io.github.dockerfiledsl.eval.SubstitutionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Dockerfile text into BuildKit's AST ({@link Ast}), keeping comments and blank lines.
 *
 * <p>This is the syntactic stage of BuildKit's parser: directives, escape character, logical lines
 * with continuations, heredocs, flags, JSON exec form and the per-instruction argument splitting.
 * It accepts what BuildKit's AST parser accepts (unknown instructions included); {@link
 * AstValidator} adds the checks of BuildKit's instruction stage.
 *
 * <pre>{@code
 * Ast ast = AstParser.parse("Dockerfile", "FROM alpine\nRUN echo hi\n");
 * ast.nodes().get(1).args();   // [echo hi]
 * }</pre>
 */
public final class AstParser {
  /** Longest line BuildKit's scanner accepts, in UTF-8 bytes. */
  public static final int MAX_LINE_BYTES = 65535;

  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "^#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*$",
          Pattern.DOTALL);
  private static final Pattern HEREDOC = Pattern.compile("^([0-9]*)<<(-?)([^<]*)$", Pattern.DOTALL);
  private static final ShellLexer HEREDOC_LINE_LEXER =
      ShellLexer.standard().withRawQuotes(true).withRawEscapes(true).withSkipUnsetEnv(true);
  private static final ShellLexer HEREDOC_WORD_LEXER = ShellLexer.standard().withSkipUnsetEnv(true);
  private static final ShellLexer HEREDOC_WORD_RAW_LEXER =
      HEREDOC_WORD_LEXER.withRawQuotes(true);

  private final String fileName;
  private final String text;
  private final List<String> lines = new ArrayList<>();
  private final List<String> raws = new ArrayList<>();
  private char escape = '\\';
  private boolean directivesDone;
  private final Set<String> seenDirectives = new HashSet<>();

  private AstParser(String fileName, String text) {
    this.fileName = fileName;
    this.text = text;
  }

  /**
   * Parses Dockerfile text.
   *
   * @param fileName the file name for messages, or {@code null}
   * @param text the Dockerfile text
   * @return the AST
   * @throws DockerfileParseException when BuildKit's parser would reject the text
   */
  public static Ast parse(String fileName, String text) {
    Objects.requireNonNull(text, "text == null");
    return new AstParser(fileName, text).run();
  }

  /**
   * Parses Dockerfile text without a file name.
   *
   * @param text the Dockerfile text
   * @return the AST
   * @throws DockerfileParseException when BuildKit's parser would reject the text
   */
  public static Ast parse(String text) {
    return parse(null, text);
  }

  private void split() {
    int start = 0;
    int n = text.length();
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      start = 1;
    }
    int i = start;
    while (i < n) {
      int nl = text.indexOf('\n', i);
      int end = nl < 0 ? n : nl + 1;
      String raw = text.substring(i, end);
      raws.add(raw);
      lines.add(trimNewline(raw));
      i = end;
    }
  }

  private static String trimNewline(String raw) {
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
      end--;
    }
    return end == raw.length() ? raw : raw.substring(0, end);
  }

  private DockerfileParseException error(int line, int column, String message, String expected) {
    String snippet = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    return new DockerfileParseException(fileName, line, column, message, snippet, expected);
  }

  private void checkLength(int index) {
    String line = lines.get(index);
    if (line.length() * 3 > MAX_LINE_BYTES && GoText.utf8Length(line) > MAX_LINE_BYTES) {
      throw error(
          index + 1,
          1,
          "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES,
          "at most " + MAX_LINE_BYTES + " bytes per line");
    }
  }

  private static boolean isComment(String content) {
    String t = GoText.trimLeft(content);
    return !t.isEmpty() && t.charAt(0) == '#';
  }

  private static int firstNonBlankColumn(String line) {
    int i = 0;
    while (i < line.length() && GoText.isSpace(line.charAt(i))) {
      i++;
    }
    return i + 1;
  }

  private AstEntry.Directive possibleDirective(String line, int lineNo) {
    if (directivesDone) {
      return null;
    }
    Matcher m = DIRECTIVE.matcher(line);
    if (!m.matches()) {
      directivesDone = true;
      return null;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!key.equals("syntax") && !key.equals("escape") && !key.equals("check")) {
      directivesDone = true;
      return null;
    }
    int col = firstNonBlankColumn(lines.get(lineNo - 1));
    if (!seenDirectives.add(key)) {
      throw error(
          lineNo, col, "only one " + key + " parser directive can be used", "a single '" + key + "'");
    }
    String value = m.group(2);
    int cr = value.indexOf('\r');
    if (cr >= 0) {
      // Go's regular expression lets '.' match a carriage return, but no directive value can
      // carry one (nor can the model render it back)
      throw error(lineNo, col + m.start(2) + cr,
          "parser directive " + key + " contains a carriage return",
          "a " + key + " value on one line without control characters");
    }
    if (key.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        throw error(
            lineNo,
            col + m.start(2),
            "invalid escape token '" + value + "' does not match ` or \\",
            "'\\' or '`'");
      }
      escape = value.charAt(0);
    }
    return new AstEntry.Directive(key, value, lineNo, lines.get(lineNo - 1));
  }

  /** Returns the line without its continuation character, or null when it does not continue. */
  private String continuation(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end == 0 || line.charAt(end - 1) != escape) {
      return null;
    }
    if (end == 1) {
      return "";
    }
    if (line.charAt(end - 2) == escape) {
      return null;
    }
    return line.substring(0, end - 1);
  }

  private Ast run() {
    split();
    List<AstNode> nodes = new ArrayList<>();
    List<AstEntry> entries = new ArrayList<>();
    List<AstEntry.Directive> directives = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int n = lines.size();
    int i = 0;
    while (i < n) {
      checkLength(i);
      String content = lines.get(i);
      boolean comment = isComment(content);
      String processed = GoText.trimLeft(content);
      AstEntry.Directive directive = possibleDirective(processed, i + 1);
      if (!processed.isEmpty() && processed.charAt(0) == '#') {
        processed = "";
      }
      i++;
      int startLine = i;
      String cont = continuation(processed);
      if (cont == null && processed.isEmpty()) {
        if (directive != null) {
          directives.add(directive);
          entries.add(directive);
        } else if (comment) {
          entries.add(new AstEntry.Comment(content, startLine, false));
        } else {
          entries.add(new AstEntry.BlankLine(startLine, false));
        }
        continue;
      }
      List<AstEntry> inner = new ArrayList<>();
      StringBuilder logical = new StringBuilder(cont == null ? processed : cont);
      boolean emptyContinuation = false;
      while (cont != null && i < n) {
        checkLength(i);
        String next = lines.get(i);
        i++;
        if (isComment(next)) {
          inner.add(new AstEntry.Comment(next, i, true));
          continue;
        }
        if (GoText.trimLeft(next).isEmpty()) {
          emptyContinuation = true;
          inner.add(new AstEntry.BlankLine(i, true));
          continue;
        }
        cont = continuation(next);
        logical.append(cont == null ? next : cont);
      }
      String line = logical.toString();
      if (emptyContinuation) {
        warnings.add("line " + startLine + ": empty continuation line found in: " + line);
      }
      int column = firstNonBlankColumn(lines.get(startLine - 1));
      Node node;
      try {
        node = nodeFromLine(line, startLine, column);
      } catch (LineError e) {
        throw error(startLine, column, e.getMessage(), e.expected);
      }
      List<Heredoc> heredocs = List.of();
      if (node.canContainHeredoc()) {
        List<Heredoc> found;
        try {
          found = heredocsFromLine(line);
        } catch (SubstitutionException e) {
          throw error(startLine, column, "invalid heredoc: " + e.getMessage(), null);
        }
        if (!found.isEmpty()) {
          heredocs = new ArrayList<>();
          for (Heredoc h : found) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            while (i < n) {
              checkLength(i);
              String raw = raws.get(i);
              String possible = lines.get(i);
              i++;
              if (h.chomp()) {
                int t = 0;
                while (t < possible.length() && possible.charAt(t) == '\t') {
                  t++;
                }
                possible = possible.substring(t);
              }
              if (possible.equals(h.name())) {
                terminated = true;
                break;
              }
              body.append(raw);
            }
            if (!terminated) {
              throw error(
                  startLine, column, "unterminated heredoc", "a line '" + h.name() + "' ending the heredoc");
            }
            heredocs.add(new Heredoc(h.name(), h.fileDescriptor(), h.expand(), h.chomp(), body.toString()));
          }
        }
      }
      AstNode built = node.build(heredocs, startLine, i, column);
      nodes.add(built);
      entries.add(built);
      entries.addAll(inner);
    }
    if (nodes.isEmpty()) {
      throw error(Math.max(1, n), 1, "file with no instructions", "at least one instruction");
    }
    return new Ast(fileName, escape, directives, nodes, entries, lines, warnings);
  }

  /** An error found while splitting one logical line. */
  private static final class LineError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String expected;

    LineError(String message, String expected) {
      super(message, null, false, false);
      this.expected = expected;
    }
  }

  /** A node under construction. */
  private static final class Node {
    String value;
    String original;
    List<String> flags = List.of();
    List<AstWord> next = List.of();
    boolean json;

    boolean canContainHeredoc() {
      Node n = this;
      String lower = value.toLowerCase(Locale.ROOT);
      if (lower.equals("onbuild") && trigger != null) {
        n = trigger;
        lower = n.value.toLowerCase(Locale.ROOT);
      }
      if (!lower.equals("run") && !lower.equals("copy") && !lower.equals("add")) {
        return false;
      }
      return !n.json;
    }

    Node trigger;

    AstNode build(List<Heredoc> heredocs, int start, int end, int column) {
      return new AstNode(value, original, flags, next, heredocs, json, start, end, column);
    }
  }

  private Node nodeFromLine(String line, int lineNo, int column) throws LineError {
    Node node = new Node();
    node.original = line;
    String trimmed = GoText.trim(line);
    int sep = GoText.firstSeparator(trimmed);
    String cmd;
    String args = "";
    if (sep < 0) {
      cmd = trimmed;
    } else {
      cmd = trimmed.substring(0, sep);
      String rest = trimmed.substring(GoText.endOfSeparators(trimmed, sep));
      List<String> flags = new ArrayList<>();
      args = GoText.trim(extractFlags(rest, flags));
      node.flags = flags;
    }
    node.value = cmd;
    switch (cmd.toLowerCase(Locale.ROOT)) {
      case "add":
      case "copy":
      case "volume":
        maybeJsonToList(node, args);
        break;
      case "arg":
        node.next = words(parseWords(args));
        break;
      case "cmd":
      case "entrypoint":
      case "run":
      case "shell":
        maybeJson(node, args);
        break;
      case "env":
        node.next = nameVal(args, "ENV");
        break;
      case "label":
        node.next = nameVal(args, "LABEL");
        break;
      case "expose":
      case "from":
        node.next = whitespaceDelimited(args);
        break;
      case "healthcheck":
        healthConfig(node, args);
        break;
      case "maintainer":
      case "stopsignal":
      case "user":
      case "workdir":
        node.next = args.isEmpty() ? List.of() : List.of(AstWord.of(args));
        break;
      case "onbuild":
        if (!args.isEmpty()) {
          Node child = nodeFromLine(args, lineNo, column);
          node.trigger = child;
          AstNode built = child.build(List.of(), 0, 0, 0);
          node.next = List.of(new AstWord("", List.of(built)));
        }
        break;
      default:
        node.next = List.of(AstWord.of(""));
    }
    return node;
  }

  private static List<AstWord> words(List<String> values) {
    List<AstWord> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(AstWord.of(v));
    }
    return out;
  }

  private static List<AstWord> whitespaceDelimited(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    return words(GoText.splitSeparators(rest));
  }

  private static void maybeJson(Node node, String rest) throws LineError {
    if (rest.isEmpty()) {
      return;
    }
    List<String> json = rest.charAt(0) == '[' ? JsonArray.parse(rest) : null;
    if (json == JsonArray.NOT_STRINGS) {
      throw notStrings();
    }
    if (json != null) {
      node.next = words(json);
      node.json = true;
      return;
    }
    node.next = List.of(AstWord.of(rest));
  }

  private static LineError notStrings() {
    return new LineError(
        "when using JSON array syntax, arrays must be comprised of strings only",
        "a JSON array of strings");
  }

  private static void maybeJsonToList(Node node, String rest) throws LineError {
    List<String> json = !rest.isEmpty() && rest.charAt(0) == '[' ? JsonArray.parse(rest) : null;
    if (json == JsonArray.NOT_STRINGS) {
      throw notStrings();
    }
    if (json != null) {
      node.next = words(json);
      node.json = true;
      return;
    }
    node.next = whitespaceDelimited(rest);
  }

  private static void healthConfig(Node node, String rest) throws LineError {
    int sep = 0;
    while (sep < rest.length() && !GoText.isSpace(rest.charAt(sep))) {
      sep++;
    }
    int next = sep;
    while (next < rest.length() && GoText.isSpace(rest.charAt(next))) {
      next++;
    }
    if (sep == 0) {
      return;
    }
    String typ = rest.substring(0, sep);
    Node cmd = new Node();
    maybeJson(cmd, rest.substring(next));
    List<AstWord> out = new ArrayList<>();
    out.add(AstWord.of(typ));
    out.addAll(cmd.next);
    node.next = out;
    node.json = cmd.json;
  }

  private List<AstWord> nameVal(String rest, String key) throws LineError {
    List<String> words = parseWords(rest);
    if (words.isEmpty()) {
      return List.of();
    }
    List<AstWord> out = new ArrayList<>();
    if (!words.get(0).contains("=")) {
      int sep = GoText.firstSeparator(rest);
      if (sep < 0) {
        throw new LineError(
            key + " must have two arguments", "'" + key + " name=value' or '" + key + " name value'");
      }
      out.add(AstWord.of(rest.substring(0, sep)));
      out.add(AstWord.of(rest.substring(GoText.endOfSeparators(rest, sep))));
      out.add(AstWord.of(""));
      return out;
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new LineError(
            "syntax error - can't find = in \"" + word + "\". Must be of the form: name=value",
            "name=value");
      }
      out.add(AstWord.of(word.substring(0, eq)));
      out.add(AstWord.of(word.substring(eq + 1)));
      out.add(AstWord.of("="));
    }
    return out;
  }

  /** BuildKit's word splitter for ENV/LABEL/ARG: quotes and escapes kept, blanks split. */
  private List<String> parseWords(String rest) {
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    List<String> words = new ArrayList<>();
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean blankOk = false;
    int len = rest.length();
    char ch = 0;
    for (int pos = 0; pos <= len; pos++) {
      if (pos != len) {
        ch = rest.charAt(pos);
      }
      if (phase == inSpaces) {
        if (pos == len) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        phase = inWord;
      }
      if (pos == len) {
        if (blankOk || word.length() > 0) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpace(ch)) {
          phase = inSpaces;
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
        }
        if (ch == escape) {
          if (pos + 1 == len) {
            continue;
          }
          word.append(ch);
          pos++;
          ch = rest.charAt(pos);
        }
        word.append(ch);
        continue;
      }
      // inQuote
      if (ch == quote) {
        phase = inWord;
      }
      if (ch == escape && quote != '\'') {
        if (pos + 1 == len) {
          phase = inWord;
          continue;
        }
        pos++;
        word.append(ch);
        ch = rest.charAt(pos);
      }
      word.append(ch);
    }
    return words;
  }

  private static boolean isByteSpace(int b) {
    return b == ' ' || (b >= 0x09 && b <= 0x0D) || b == 0x85 || b == 0xA0;
  }

  /** BuildKit's flag extraction (byte-oriented, like the original); returns the remainder. */
  private static String extractFlags(String line, List<String> flags) {
    int first = 0;
    while (first < line.length() && GoText.isSpace(line.charAt(first))) {
      first++;
    }
    if (!line.startsWith("--", first)) {
      return line.substring(first);
    }
    byte[] b = GoText.utf8(line);
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int ch = 0;
    int len = b.length;
    for (int pos = 0; pos <= len; pos++) {
      if (pos != len) {
        ch = b[pos] & 0xFF;
      }
      if (phase == inSpaces) {
        if (pos == len) {
          break;
        }
        if (isByteSpace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == len || b[pos + 1] != '-') {
          return GoText.fromUtf8(b, pos);
        }
        phase = inWord;
      }
      if (pos == len) {
        if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
          flags.add(word.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (isByteSpace(ch)) {
          phase = inSpaces;
          if (word.toString().equals("--")) {
            return GoText.fromUtf8(b, pos);
          }
          if (blankOk || word.length() > 0) {
            flags.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == len) {
            continue;
          }
          pos++;
          ch = b[pos] & 0xFF;
        }
        word.append((char) ch);
        continue;
      }
      if (ch == quote) {
        phase = inWord;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == len) {
          phase = inWord;
          continue;
        }
        pos++;
        ch = b[pos] & 0xFF;
      }
      word.append((char) ch);
    }
    return "";
  }

  private static List<Heredoc> heredocsFromLine(String line) {
    if (line.indexOf("<<") < 0) {
      return List.of(); // no word can be a heredoc marker
    }
    List<String> words;
    try {
      words = HEREDOC_LINE_LEXER.words(line, name -> null);
    } catch (SubstitutionException e) {
      return List.of();
    }
    List<Heredoc> out = new ArrayList<>();
    for (String word : words) {
      Heredoc h = parseHeredoc(word);
      if (h != null) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * Parses one heredoc word such as {@code <<EOF}, {@code <<-"EOF"} or {@code 3<<EOF}.
   *
   * @param word the word
   * @return the heredoc with empty content, or {@code null} when the word is not a heredoc
   * @throws SubstitutionException when the delimiter cannot be lexed
   */
  static Heredoc parseHeredoc(String word) {
    if (word.indexOf("<<") < 0) {
      return null;
    }
    Matcher m = HEREDOC.matcher(word);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(3);
    if (rest.isEmpty()) {
      return null;
    }
    int fd = 0;
    String digits = m.group(1);
    if (!digits.isEmpty()) {
      try {
        long v = Long.parseLong(digits);
        fd = v > Integer.MAX_VALUE ? 0 : (int) v;
      } catch (NumberFormatException e) {
        fd = 0;
      }
    }
    boolean chomp = m.group(2).equals("-");
    List<String> plain = HEREDOC_WORD_LEXER.words(rest, name -> null);
    if (plain.size() != 1) {
      return null;
    }
    List<String> raw = HEREDOC_WORD_RAW_LEXER.words(rest, name -> null);
    if (raw.size() != plain.size()) {
      throw new SubstitutionException(
          "internal lexing of heredoc produced inconsistent results: " + rest, rest, 0);
    }
    String name = plain.get(0);
    boolean expand = quoteCount(name) == quoteCount(raw.get(0));
    return new Heredoc(name, fd, expand, chomp, "");
  }

  /** Like {@link #parseHeredoc} but returns null instead of throwing. */
  static Heredoc parseHeredocQuietly(String word) {
    try {
      return parseHeredoc(word);
    } catch (SubstitutionException e) {
      return null;
    }
  }

  private static int quoteCount(String s) {
    int c = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '"') {
        c++;
      }
    }
    return c;
  }
}
