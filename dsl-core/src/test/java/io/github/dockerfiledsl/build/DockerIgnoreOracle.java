package io.github.dockerfiledsl.build;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The translation of .dockerignore patterns to java.util.regex that {@link DockerIgnore} used
 * before its automaton (issue 18), kept as a test oracle: patternmatcher's {@code compile} for
 * '/' as separator, and its {@code MatchesOrParentMatches}.
 */
final class DockerIgnoreOracle {
  private DockerIgnoreOracle() {}

  /** The regular expression patternmatcher makes of a clean pattern, or null if it makes none. */
  static String regex(String pattern) {
    StringBuilder re = new StringBuilder("^");
    boolean regex = false;
    boolean inClass = false;
    int n = pattern.length();
    for (int i = 0; i < n; ) {
      int ch = pattern.codePointAt(i);
      i += Character.charCount(ch);
      if (ch == '*') {
        if (i < n && pattern.charAt(i) == '*') {
          i++;
          if (i < n && pattern.charAt(i) == '/') {
            i++;
          }
          if (i >= n) {
            if (regex) {
              re.append(".*");
            }
          } else {
            re.append("(.*/)?");
            regex = true;
          }
        } else {
          re.append("[^/]*");
          regex = true;
        }
      } else if (ch == '?') {
        re.append("[^/]");
        regex = true;
      } else if (".+()|{}$".indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '\\') {
        if (i < n) {
          int next = pattern.codePointAt(i);
          i += Character.charCount(next);
          re.append('\\').appendCodePoint(next);
          regex = true;
        } else {
          re.append("\\\\");
        }
      } else if (inClass && (ch == '&' || ch == '[')) {
        // literal in Go's character classes; Java nests '[' and reads "&&" as intersection
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '[' || ch == ']') {
        re.append((char) ch);
        inClass = ch == '[';
        regex = true;
      } else {
        re.appendCodePoint(ch);
      }
    }
    return re.append('$').toString();
  }

  /**
   * The old match of one pattern against a path or its parent directories, through the regular
   * expression; for patterns of the regular-expression kind only.
   *
   * @throws PatternSyntaxException when the expression does not compile
   */
  static boolean matchesOrParent(String pattern, String path) {
    Pattern re = Pattern.compile(regex(pattern), Pattern.DOTALL);
    String file = DockerIgnore.clean(path);
    if (file.equals(".")) {
      return false;
    }
    if (re.matcher(file).matches()) {
      return true;
    }
    int slash = file.lastIndexOf('/');
    if (slash < 0) {
      return false;
    }
    String parent = slash == 0 ? "/" : file.substring(0, slash);
    StringBuilder prefix = new StringBuilder();
    String[] dirs = parent.split("/", -1);
    for (int i = 0; i < dirs.length; i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(dirs[i]);
      if (re.matcher(prefix).matches()) {
        return true;
      }
    }
    return false;
  }
}
