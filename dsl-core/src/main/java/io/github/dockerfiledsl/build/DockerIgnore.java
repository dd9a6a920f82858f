package io.github.dockerfiledsl.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

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
 * <p>Matching costs O(n * m) for a path of n characters and patterns of m characters in all,
 * whatever the patterns: a pattern is matched by an automaton without backtracking (see {@link
 * IgnoreAutomaton}), against the path and its parent directories in one pass.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DockerIgnore {
  private final List<Entry> patterns;

  /** One cleaned pattern, compiled like patternmatcher's {@code compile}. */
  private record Entry(String cleaned, boolean exclusion, Kind kind, IgnoreAutomaton automaton) {}

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
    boolean matched = false;
    for (Entry p : patterns) {
      if (p.exclusion() != matched) {
        continue;
      }
      if (matchOrParent(p, file)) {
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

  /**
   * Whether the pattern matches the path or one of its parent directories: patternmatcher's
   * {@code MatchesOrParentMatches} for one pattern. The parents are the path's prefixes before
   * each {@code /} (and {@code /} itself for a path like {@code /x}); they are tested in place,
   * without copying, so that a deep path costs O(n * m), not O(n * n).
   */
  private static boolean matchOrParent(Entry p, String file) {
    String q = p.cleaned();
    int last = file.lastIndexOf('/');
    switch (p.kind()) {
      case EXACT: {
        if (file.equals(q)) {
          return true;
        }
        if (last < 0) {
          return false;
        }
        if (last == 0 && q.equals("/")) {
          return true;
        }
        // the one parent as long as the pattern
        return q.length() <= last && file.startsWith(q) && file.charAt(q.length()) == '/';
      }
      case PREFIX: {
        String prefix = q.substring(0, q.length() - 2);
        if (file.startsWith(prefix)) {
          // the path, or its longest parent (the others are prefixes of it)
          return true;
        }
        return last == 0 && "/".startsWith(prefix);
      }
      case SUFFIX: {
        String suffix = q.substring(2);
        boolean slashed = !suffix.isEmpty() && suffix.charAt(0) == '/';
        if (suffixMatch(file, file.length(), suffix, slashed)) {
          return true;
        }
        if (last < 0) {
          return false;
        }
        if (last == 0 && suffixMatch("/", 1, suffix, slashed)) {
          return true;
        }
        for (int end = file.indexOf('/'); end >= 0; end = file.indexOf('/', end + 1)) {
          if (suffixMatch(file, end, suffix, slashed)) {
            return true;
          }
        }
        return false;
      }
      case REGEX:
        return p.automaton().matchesOrParent(file)
            || last == 0 && p.automaton().matches("/");
      default:
        throw new IllegalArgumentException("ignore pattern '" + q + "' is malformed");
    }
  }

  /** patternmatcher's suffix match of {@code file.substring(0, end)}, without copying it. */
  private static boolean suffixMatch(String file, int end, String suffix, boolean slashed) {
    if (end >= suffix.length()
        && file.regionMatches(end - suffix.length(), suffix, 0, suffix.length())) {
      return true;
    }
    // **/foo matches "foo"
    return slashed && end == suffix.length() - 1
        && file.regionMatches(0, suffix, 1, suffix.length() - 1);
  }

  /** Returns patternmatcher's match type for a clean pattern (tests). */
  static String compiledType(String pattern) {
    return switch (compile(pattern, false).kind()) {
      case EXACT -> "exactMatch";
      case PREFIX -> "prefixMatch";
      case SUFFIX -> "suffixMatch";
      case REGEX -> "regexpMatch";
      case BAD -> "bad";
    };
  }

  /**
   * patternmatcher's {@code compile} for '/' as separator: the kind of match, and for a pattern
   * of the regular-expression kind its automaton.
   */
  private static Entry compile(String pattern, boolean exclusion) {
    Kind kind = Kind.EXACT;
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
            kind = kind == Kind.EXACT ? Kind.PREFIX : Kind.REGEX;
          } else {
            kind = Kind.REGEX;
          }
          if (first == 0) {
            kind = Kind.SUFFIX;
          }
        } else {
          kind = Kind.REGEX;
        }
      } else if (ch == '?' || ch == '[' || ch == ']') {
        kind = Kind.REGEX;
      } else if (ch == '\\' && i < n) {
        i += Character.charCount(pattern.codePointAt(i));
        kind = Kind.REGEX;
      }
    }
    if (kind != Kind.REGEX) {
      return new Entry(pattern, exclusion, kind, null);
    }
    IgnoreAutomaton automaton = IgnoreAutomaton.compile(pattern);
    // as in patternmatcher, a pattern whose regular expression does not compile fails when used
    return automaton == null
        ? new Entry(pattern, exclusion, Kind.BAD, null)
        : new Entry(pattern, exclusion, kind, automaton);
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
