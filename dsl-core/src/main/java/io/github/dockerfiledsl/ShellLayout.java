package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical layout of shell-form lines: which leading blanks may be changed without changing
 * the words a POSIX shell sees. Tracks single quotes, double quotes (with backslash escapes),
 * backslash escapes and comments across the joined lines.
 */
final class ShellLayout {
  private enum State {
    OUT,
    SINGLE,
    DOUBLE,
    COMMENT
  }

  private ShellLayout() {}

  static List<String> normalize(List<String> lines) {
    return normalize(lines, Shell.INDENT);
  }

  /** Lays the lines out with {@code indent} as the continuation indent. */
  static List<String> normalize(List<String> lines, String indent) {
    List<String> out = new ArrayList<>(lines.size());
    State state = State.OUT;
    boolean pendingEscape = false;
    boolean wordStart = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0) {
        // BuildKit trims the instruction with Go's unicode.IsSpace
        line = Checks.stripLeadingSpace(line);
      } else if (line.isEmpty()) {
        continue;
      } else if (Checks.stripLeadingSpace(line).startsWith("#")) {
        // BuildKit drops comment lines inside a continuation
        out.add(indent + Checks.stripTrailingSpace(Checks.stripLeadingSpace(line)));
        continue;
      } else if (!pendingEscape
          && (state == State.OUT || state == State.COMMENT)
          && isBlank(line.charAt(0))) {
        // only the shell's own blanks (space, tab) separate words; others are word characters
        int k = 0;
        while (k < line.length() && isBlank(line.charAt(k))) {
          k++;
        }
        line = indent + line.substring(k);
      }
      // scan the line to carry the quote state to the next one
      for (int k = 0; k < line.length(); k++) {
        char c = line.charAt(k);
        if (pendingEscape) {
          pendingEscape = false;
          wordStart = false;
          continue;
        }
        switch (state) {
          case OUT -> {
            if (c == '\\') {
              pendingEscape = true;
            } else if (c == '\'') {
              state = State.SINGLE;
            } else if (c == '"') {
              state = State.DOUBLE;
            } else if (c == '#' && wordStart) {
              state = State.COMMENT;
            }
            wordStart = isBlank(c) || c == ';' || c == '&' || c == '|' || c == '(' || c == ')';
          }
          case SINGLE -> {
            if (c == '\'') {
              state = State.OUT;
              wordStart = false;
            }
          }
          case DOUBLE -> {
            if (c == '\\') {
              pendingEscape = true;
            } else if (c == '"') {
              state = State.OUT;
              wordStart = false;
            }
          }
          case COMMENT -> {
            // a shell comment runs to the end of the whole command
          }
        }
      }
      out.add(line);
    }
    // BuildKit trims the end of the instruction (Go's unicode.IsSpace), whatever the quoting, and
    // a last line of white space only would be skipped as an empty continuation line, so trailing
    // white space and blank lines are never part of the command
    while (out.size() > 1 && Checks.isBlankSpace(out.get(out.size() - 1))) {
      out.remove(out.size() - 1);
    }
    int last = out.size() - 1;
    out.set(last, Checks.stripTrailingSpace(out.get(last)));
    return List.copyOf(out);
  }

  /** The blanks that separate shell words. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
