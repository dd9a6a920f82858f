package io.github.dockerfiledsl.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified diffs of two texts, line by line (Myers' algorithm), with three lines of context and
 * git's file names ({@code --- a/NAME}, {@code +++ b/NAME}) and {@code \ No newline at end of
 * file} markers.
 */
final class Diff {
  private static final int CONTEXT = 3;

  private enum Op {
    KEEP,
    DELETE,
    INSERT
  }

  private record Edit(Op op, int oldIndex, int newIndex) {}

  private Diff() {}

  /**
   * Returns the unified diff of two versions of a file, or the empty string when they are equal.
   *
   * @param name the file name as shown to the user
   * @param before the current text
   * @param after the new text
   * @return the diff
   */
  static String unified(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> script = edits(a, b);
    String shown = gitName(name);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(quoted("a/" + shown)).append('\n');
    out.append("+++ ").append(quoted("b/" + shown)).append('\n');
    int i = 0;
    while (i < script.size()) {
      // find the next change
      while (i < script.size() && script.get(i).op() == Op.KEEP) {
        i++;
      }
      if (i == script.size()) {
        break;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are within 2 * CONTEXT lines of each other
      int lastChange = i;
      while (end < script.size()) {
        if (script.get(end).op() != Op.KEEP) {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(script.size(), lastChange + CONTEXT + 1);
      hunk(out, script.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Edit> edits, List<String> a, List<String> b) {
    int oldStart = -1;
    int newStart = -1;
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : edits) {
      if (e.op() != Op.INSERT) {
        oldCount++;
        if (oldStart < 0) {
          oldStart = e.oldIndex();
        }
      }
      if (e.op() != Op.DELETE) {
        newCount++;
        if (newStart < 0) {
          newStart = e.newIndex();
        }
      }
    }
    Edit first = edits.get(0);
    if (oldStart < 0) {
      oldStart = first.oldIndex(); // an empty range names the line before it
    }
    if (newStart < 0) {
      newStart = first.newIndex();
    }
    out.append("@@ -").append(range(oldStart, oldCount)).append(" +")
        .append(range(newStart, newCount)).append(" @@\n");
    for (Edit e : edits) {
      switch (e.op()) {
        case KEEP -> line(out, ' ', a, e.oldIndex());
        case DELETE -> line(out, '-', a, e.oldIndex());
        case INSERT -> line(out, '+', b, e.newIndex());
        default -> throw new IllegalStateException();
      }
    }
  }

  private static String range(int start, int count) {
    if (count == 0) {
      return start + ",0";
    }
    return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
  }

  private static void line(StringBuilder out, char mark, List<String> lines, int index) {
    String l = lines.get(index);
    if (l.endsWith("\n")) {
      out.append(mark).append(l);
    } else {
      out.append(mark).append(l).append("\n\\ No newline at end of file\n");
    }
  }

  /** Returns the name as git writes it after {@code a/}: relative, without a leading ./ or /. */
  static String gitName(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    return n;
  }

  /**
   * Returns a path as git writes it in a diff header: as is, or, when it holds a control
   * character, a double quote or a backslash, in double quotes with C escapes, so that no file
   * name can end the header line or start a hunk.
   */
  static String quoted(String path) {
    boolean plain = true;
    for (int i = 0; i < path.length() && plain; i++) {
      char c = path.charAt(i);
      plain = c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
    }
    if (plain) {
      return path;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append('\\').append(String.format(java.util.Locale.ROOT, "%03o", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Splits text into lines, each keeping its line break (the last one may have none). */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** Myers' O((N+M)D) shortest edit script. */
  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    // walk back through the trace
    List<Edit> script = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] pv = trace.get(d);
      int k = x - y;
      int prevK;
      if (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1])) {
        prevK = k + 1;
      } else {
        prevK = k - 1;
      }
      int prevX = pv[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        script.add(new Edit(Op.KEEP, --x, --y));
      }
      if (x == prevX) {
        script.add(new Edit(Op.INSERT, x, --y));
      } else {
        script.add(new Edit(Op.DELETE, --x, y));
      }
    }
    while (x > 0 && y > 0) {
      script.add(new Edit(Op.KEEP, --x, --y));
    }
    java.util.Collections.reverse(script);
    return script;
  }
}
