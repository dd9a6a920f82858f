package io.github.dockerfiledsl;

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
    List<String> out = new ArrayList<>(lines.size());
    State state = State.OUT;
    boolean pendingEscape = false;
    boolean wordStart = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0) {
        line = line.stripLeading();
      } else if (line.isEmpty()) {
        continue;
      } else if (line.stripLeading().startsWith("#")) {
        out.add(Shell.INDENT + line.strip());
        continue;
      } else if (!pendingEscape
          && (state == State.OUT || state == State.COMMENT)
          && Character.isWhitespace(line.charAt(0))) {
        String rest = line.stripLeading();
        line = rest.isEmpty() ? Shell.INDENT : Shell.INDENT + rest;
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
            wordStart = Character.isWhitespace(c) || c == ';' || c == '&' || c == '|' || c == '('
                || c == ')';
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
    // trailing blanks outside quotes carry no meaning
    if (!pendingEscape && (state == State.OUT || state == State.COMMENT)) {
      while (out.size() > 1 && out.get(out.size() - 1).isBlank()) {
        out.remove(out.size() - 1);
      }
      int last = out.size() - 1;
      if (!(last > 0 && out.get(last).stripLeading().startsWith("#"))) {
        out.set(last, out.get(last).stripTrailing());
      }
    }
    return List.copyOf(out);
  }
}
