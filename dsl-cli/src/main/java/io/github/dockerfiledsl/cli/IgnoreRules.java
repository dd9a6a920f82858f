package io.github.dockerfiledsl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Patterns with git's {@code .gitignore} semantics, for {@code .gitignore} files, {@code
 * --exclude} and the configuration file's {@code exclude} and {@code overrides}.
 *
 * <p>As in git: blank lines and lines starting with {@code #} are ignored ({@code \#} is a
 * literal {@code #}); trailing spaces are removed unless escaped; {@code !} negates a pattern
 * ({@code \!} is a literal {@code !}); a trailing {@code /} matches directories only; a pattern
 * with a {@code /} at its start or middle is relative to the base directory, any other matches a
 * name at any depth below it; {@code *} and {@code ?} do not match {@code /}; {@code [..]} is a
 * character class ({@code [!..]} negated); {@code **&#47;} at the start matches in all
 * directories, {@code /**} at the end everything inside, {@code /**&#47;} in the middle zero or
 * more directories, and other runs of asterisks are plain asterisks. The last matching pattern
 * decides; a path inside an ignored directory is ignored whatever later patterns say, since git
 * does not look into an ignored directory.
 */
final class IgnoreRules {
  /** One pattern: its regular expression and flags, relative to {@code base}. */
  record Rule(String base, Pattern regex, boolean negated, boolean dirOnly, boolean anchored,
      String source) {}

  private final List<Rule> rules = new ArrayList<>();

  /**
   * Adds the patterns of one file (or option list).
   *
   * @param base the directory the patterns are relative to, as a {@code /}-separated path
   *     relative to the walk's root ({@code ""} for the root itself)
   * @param lines the lines
   * @return this
   */
  IgnoreRules add(String base, List<String> lines) {
    for (String line : lines) {
      Rule r = parse(base, line);
      if (r != null) {
        rules.add(r);
      }
    }
    return this;
  }

  /**
   * Returns whether there are no patterns.
   *
   * @return true when nothing is ignored
   */
  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Returns whether a path is ignored: it or one of its parent directories matches.
   *
   * @param path a {@code /}-separated path relative to the root
   * @param isDir whether the path is a directory
   * @return true when ignored
   */
  boolean ignored(String path, boolean isDir) {
    int slash = -1;
    while ((slash = path.indexOf('/', slash + 1)) >= 0) {
      if (matches(path.substring(0, slash), true)) {
        return true;
      }
    }
    return matches(path, isDir);
  }

  /**
   * Returns whether the last pattern that matches this very path (not its parents) ignores it.
   *
   * @param path a {@code /}-separated path relative to the root
   * @param isDir whether the path is a directory
   * @return true when the last matching pattern is not negated
   */
  boolean matches(String path, boolean isDir) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if (r.dirOnly() && !isDir) {
        continue;
      }
      String rel;
      if (r.base().isEmpty()) {
        rel = path;
      } else if (path.startsWith(r.base() + "/")) {
        rel = path.substring(r.base().length() + 1);
      } else {
        continue;
      }
      String subject = r.anchored() ? rel : rel.substring(rel.lastIndexOf('/') + 1);
      if (r.regex().matcher(subject).matches()) {
        return !r.negated();
      }
    }
    return false;
  }

  /**
   * Parses one line, or returns null for a blank line or a comment.
   *
   * @param base the base directory
   * @param line the line
   * @return the rule or null
   */
  static Rule parse(String base, String line) {
    String p = line;
    if (p.endsWith("\r")) {
      p = p.substring(0, p.length() - 1);
    }
    // trailing spaces go unless escaped with a backslash
    int end = p.length();
    while (end > 0 && p.charAt(end - 1) == ' ' && !escaped(p, end - 1)) {
      end--;
    }
    p = p.substring(0, end);
    if (p.isEmpty() || p.startsWith("#")) {
      return null;
    }
    boolean negated = false;
    if (p.startsWith("!")) {
      negated = true;
      p = p.substring(1);
    }
    boolean dirOnly = false;
    if (p.endsWith("/") && !escaped(p, p.length() - 1)) {
      dirOnly = true;
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return null;
    }
    boolean anchored = p.indexOf('/') >= 0;
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    return new Rule(base, Pattern.compile(regex(p)), negated, dirOnly, anchored, line);
  }

  private static boolean escaped(String s, int index) {
    int n = 0;
    for (int i = index - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** Translates a wildmatch pattern (with git's pathname rules) to a regular expression. */
  static String regex(String p) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      if (c == '*') {
        int j = i;
        while (j < n && p.charAt(j) == '*') {
          j++;
        }
        boolean atStart = i == 0 || p.charAt(i - 1) == '/';
        boolean atEnd = j == n || p.charAt(j) == '/';
        if (j - i >= 2 && atStart && atEnd) {
          if (j == n) {
            // trailing "/**" (or a lone "**"): everything inside
            re.append(".*");
          } else {
            // "**/" at the start or "/**/" in the middle: zero or more directories
            re.append("(?:.*/)?");
            j++;
          }
        } else {
          re.append("[^/]*");
        }
        i = j;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = classEnd(p, i);
        if (close < 0) {
          re.append("\\[");
          i++;
        } else {
          re.append(charClass(p.substring(i + 1, close)));
          i = close + 1;
        }
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(p.charAt(i + 1))));
        i += 2;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return re.toString();
  }

  /** Returns the index of the ']' that closes the class opened at {@code open}, or -1. */
  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++; // a ']' first in the class is a member
    }
    for (; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }

  private static String charClass(String body) {
    StringBuilder re = new StringBuilder("(?!/)[");
    int i = 0;
    if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
      re.append('^');
      i = 1;
    }
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        c = body.charAt(++i);
        re.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
      } else if (c == '-' && i > 0 && i + 1 < body.length()) {
        re.append('-');
      } else if (Character.isLetterOrDigit(c)) {
        re.append(c);
      } else {
        re.append('\\').append(c);
      }
    }
    return re.append(']').toString();
  }
}
