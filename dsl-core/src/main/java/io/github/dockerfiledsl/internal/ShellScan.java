package io.github.dockerfiledsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small POSIX shell scanner for run chains: finds the top-level operators of a command line
 * (outside quotes, {@code $(..)}, {@code (..)} and backquotes) and the commands that change the
 * shell's state, to decide whether a command may be joined to others with {@code &&} as it is,
 * must be grouped in a subshell, or must stay alone.
 */
public final class ShellScan {
  private static final Set<String> STATEFUL = Set.of(
      "cd", "pushd", "popd", "export", "unset", "set", "shopt", "umask", "ulimit", "alias",
      "unalias", "trap", "exec", "exit", "return", "source", ".", "eval", "readonly", "declare",
      "typeset", "local", "hash", "enable", "shift", "break", "continue");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^]]*])?\\+?=.*",
      Pattern.DOTALL);

  /**
   * What a command line contains at its top level.
   *
   * @param or {@code ||}
   * @param semicolon {@code ;} (or {@code ;;})
   * @param pipe {@code |} or {@code |&}
   * @param background a {@code &} that runs a command in the background
   * @param comment an unquoted {@code #} starting a word
   * @param newline a line break
   * @param stateful a builtin that changes the shell's state ({@code cd}, {@code export}, ...)
   * @param assigns a command that only assigns variables ({@code a=1 b=2}), which the chain
   *     keeps visible to the rest of the RUN on purpose
   * @param unbalanced an open quote, or a trailing backslash
   * @param trailingSemicolon the line ends with an unquoted {@code ;}
   */
  public record Analysis(boolean or, boolean semicolon, boolean pipe, boolean background,
      boolean comment, boolean newline, boolean stateful, boolean assigns,
      boolean unbalanced, boolean trailingSemicolon) {

    /**
     * Returns whether the command may be joined to others with {@code &&} at all.
     *
     * @return false for a comment, a background job or unbalanced quotes
     */
    public boolean chainable() {
      return !comment && !background && !unbalanced;
    }

    /**
     * Returns whether the command must run in a subshell to mean, inside a chain, what it means
     * as a RUN of its own.
     *
     * @return true for {@code ||}, {@code ;}, pipes, line breaks and stateful builtins
     */
    public boolean needsGroup() {
      return or || semicolon || pipe || newline || stateful;
    }
  }

  private ShellScan() {}

  /**
   * Analyses a command line.
   *
   * @param command the command as the shell receives it
   * @return the analysis
   */
  public static Analysis analyze(String command) {
    boolean or = false;
    boolean semi = false;
    boolean pipe = false;
    boolean bg = false;
    boolean comment = false;
    boolean newline = false;
    boolean unbalanced = false;
    char quote = 0;
    int depth = 0;
    boolean backquote = false;
    boolean wordStart = true;
    List<String> segments = new ArrayList<>();
    StringBuilder seg = new StringBuilder();
    int n = command.length();
    int lastSignificant = -1;
    for (int i = 0; i < n; i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        seg.append(c);
        if (c == '\'') {
          quote = 0;
        }
        continue;
      }
      if (quote == '"') {
        seg.append(c);
        if (c == '\\' && i + 1 < n) {
          seg.append(command.charAt(++i));
        } else if (c == '"') {
          quote = 0;
        }
        continue;
      }
      if (c == '\\') {
        if (i + 1 >= n) {
          unbalanced = true;
          break;
        }
        seg.append(c).append(command.charAt(++i));
        wordStart = false;
        lastSignificant = i;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        seg.append(c);
        wordStart = false;
        lastSignificant = i;
        continue;
      }
      if (c == '`') {
        backquote = !backquote;
        seg.append(c);
        wordStart = false;
        lastSignificant = i;
        continue;
      }
      if (c == '#' && wordStart && !backquote) {
        comment = true;
        break;
      }
      if (!Character.isWhitespace(c)) {
        lastSignificant = i;
      }
      if (backquote) {
        seg.append(c);
        wordStart = false;
        continue;
      }
      if (c == '(') {
        depth++;
        seg.append(c);
        wordStart = true;
        continue;
      }
      if (c == ')') {
        depth = Math.max(0, depth - 1);
        seg.append(c);
        wordStart = true;
        continue;
      }
      if (c == '\n') {
        newline = true;
      }
      if (depth > 0) {
        seg.append(c);
        wordStart = Character.isWhitespace(c) || c == ';' || c == '&' || c == '|';
        continue;
      }
      boolean operator = true;
      if (c == '|') {
        if (i + 1 < n && command.charAt(i + 1) == '|') {
          or = true;
          i++;
        } else {
          pipe = true;
          if (i + 1 < n && command.charAt(i + 1) == '&') {
            i++;
          }
        }
      } else if (c == '&') {
        if (i + 1 < n && command.charAt(i + 1) == '&') {
          i++;
        } else if (i > 0 && (command.charAt(i - 1) == '>' || command.charAt(i - 1) == '<')
            || i + 1 < n && command.charAt(i + 1) == '>') {
          operator = false; // a redirection: >&2, 2>&1, &>file
        } else {
          bg = true;
        }
      } else if (c == ';') {
        semi = true;
      } else if (c == '\n') {
        semi = true;
      } else {
        operator = false;
      }
      if (operator) {
        segments.add(seg.toString());
        seg.setLength(0);
        wordStart = true;
      } else {
        seg.append(c);
        wordStart = Character.isWhitespace(c);
      }
    }
    if (quote != 0 || backquote) {
      unbalanced = true;
    }
    segments.add(seg.toString());
    boolean stateful = false;
    boolean assigns = false;
    for (String s : segments) {
      List<String> words = HeredocMarkers.rawWords(s);
      while (!words.isEmpty() && (words.get(0).equals("!") || words.get(0).equals("{")
          || words.get(0).equals("}"))) {
        words = words.subList(1, words.size());
      }
      if (words.isEmpty() || words.get(0).startsWith("(")) {
        continue;
      }
      if (words.stream().allMatch(w -> ASSIGNMENT.matcher(w).matches())) {
        assigns = true;
        continue;
      }
      String first = words.stream().filter(w -> !ASSIGNMENT.matcher(w).matches()).findFirst()
          .orElse("");
      if (STATEFUL.contains(first)) {
        stateful = true;
      }
    }
    boolean trailingSemicolon = lastSignificant >= 0 && command.charAt(lastSignificant) == ';'
        && !comment && (lastSignificant == 0 || command.charAt(lastSignificant - 1) != '\\');
    return new Analysis(or, semi, pipe, bg, comment, newline, stateful, assigns, unbalanced,
        trailingSemicolon);
  }
}
