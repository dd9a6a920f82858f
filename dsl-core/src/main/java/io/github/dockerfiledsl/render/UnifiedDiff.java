package io.github.dockerfiledsl.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Unified diffs of two texts, line by line, in the format of {@code diff -u} and {@code git diff}:
 * three lines of context around each change, hunks merged when their changes are at most six
 * lines apart, and a {@code \ No newline at end of file} marker after a last line without a line
 * break.
 *
 * <p>{@link #forPatch()} writes the lines as they are, so that {@code git apply} and {@code patch}
 * take the output; {@link #forLog()} escapes control characters in lines and names so that a log
 * shows what the files hold. The caller names the two sides; {@link #gitName(String, String)}
 * writes a path as git does in its headers:
 *
 * <pre>{@code
 * UnifiedDiff.forPatch().diff(UnifiedDiff.gitName("a/", "./app/Dockerfile"),
 *     UnifiedDiff.gitName("b/", "./app/Dockerfile"), "FROM a\n", "FROM b\n")
 * }</pre>
 *
 * <pre>
 * --- a/app/Dockerfile
 * +++ b/app/Dockerfile
 * &#64;&#64; -1 +1 &#64;&#64;
 * -FROM a
 * +FROM b
 * </pre>
 *
 * <p>The edit script leaves out the common first and last lines and the lines that only one side
 * holds, then finds a shortest script for the rest with Myers' linear-space algorithm (the "middle snake" divide and conquer, driven by
 * an explicit stack, so no recursion). Memory is linear in the size of the texts. Time is linear
 * in the size of the texts, plus O((N+M) log(N+M)) for N and M lines, plus at most about 50
 * million steps of search (diagonals visited and lines compared; about a second): when two texts
 * are so different that a shortest script would take longer (around ten thousand changed lines,
 * fewer in long texts), each part not yet resolved is shown as one replacement, its old lines
 * removed and its new lines added. The output is then still a correct diff, only a longer one.
 */
public final class UnifiedDiff {
  /** Lines of context around each change. */
  private static final int CONTEXT = 3;
  /** The steps of search (diagonals visited, lines compared) after which the search stops. */
  static final long SEARCH_STEPS = 50_000_000L;

  private static final UnifiedDiff PATCH = new UnifiedDiff(false, SEARCH_STEPS);
  private static final UnifiedDiff LOG = new UnifiedDiff(true, SEARCH_STEPS);

  private final boolean escape;
  private final long searchSteps;

  private UnifiedDiff(boolean escape, long searchSteps) {
    this.escape = escape;
    this.searchSteps = searchSteps;
  }

  /** Returns this diff with another limit on the search, for tests. */
  UnifiedDiff withSearchSteps(long steps) {
    return new UnifiedDiff(escape, steps);
  }

  /**
   * Returns the diff that writes lines and names as they are, for {@code git apply}, {@code
   * patch} and review tools.
   *
   * @return the diff for patches
   */
  public static UnifiedDiff forPatch() {
    return PATCH;
  }

  /**
   * Returns the diff for logs: lines and names with control characters escaped as {@link
   * #escapeControls(String)} does, so that a {@code \r} before a line break or an escape sequence
   * shows in the log instead of acting on the terminal.
   *
   * @return the diff for logs
   */
  public static UnifiedDiff forLog() {
    return LOG;
  }

  /**
   * Returns the unified diff from {@code oldText} to {@code newText}, or the empty string when
   * they are equal.
   *
   * <p>For example {@code forPatch().diff("a/D", "b/D", "FROM a", "FROM a\n")} returns
   *
   * <pre>
   * --- a/D
   * +++ b/D
   * &#64;&#64; -1 +1 &#64;&#64;
   * -FROM a
   * \ No newline at end of file
   * +FROM a
   * </pre>
   *
   * @param oldName the name after {@code ---}, such as {@code a/Dockerfile} or {@code /dev/null}
   * @param newName the name after {@code +++}
   * @param oldText the old text
   * @param newText the new text
   * @return the diff, every line ending with {@code \n}
   * @throws IllegalArgumentException if {@link #forPatch()} is given a name with a line break
   *     (quote it with {@link #gitName(String, String)})
   */
  public String diff(String oldName, String newName, String oldText, String newText) {
    Objects.requireNonNull(oldName, "oldName == null");
    Objects.requireNonNull(newName, "newName == null");
    Objects.requireNonNull(oldText, "oldText == null");
    Objects.requireNonNull(newText, "newText == null");
    if (!escape) {
      oneLine(oldName, "oldName");
      oneLine(newName, "newName");
    }
    if (oldText.equals(newText)) {
      return "";
    }
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    Script script = Script.of(a, b, searchSteps);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(escape ? escapeControls(oldName) : oldName).append('\n');
    out.append("+++ ").append(escape ? escapeControls(newName) : newName).append('\n');
    int size = script.size;
    int i = 0;
    while (i < size) {
      // find the next change
      while (i < size && script.op[i] == Script.KEEP) {
        i++;
      }
      if (i == size) {
        break;
      }
      int start = Math.max(0, i - CONTEXT);
      // extend the hunk while changes are within 2 * CONTEXT lines of each other
      int lastChange = i;
      for (int end = i; end < size; end++) {
        if (script.op[end] != Script.KEEP) {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
      }
      int end = Math.min(size, lastChange + CONTEXT + 1);
      hunk(out, script, start, end, a, b);
      i = end;
    }
    return out.toString();
  }

  private static void oneLine(String name, String field) {
    if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(field + " (" + escapeControls(name)
          + ") must not contain a line break; gitName(prefix, path) quotes it");
    }
  }

  private void hunk(StringBuilder out, Script s, int from, int to, List<String> a,
      List<String> b) {
    int oldCount = 0;
    int newCount = 0;
    for (int e = from; e < to; e++) {
      if (s.op[e] != Script.INSERT) {
        oldCount++;
      }
      if (s.op[e] != Script.DELETE) {
        newCount++;
      }
    }
    // the script's positions before its first entry: the first line of each side, or, for an
    // empty range, the line before it
    out.append("@@ -").append(range(s.oldAt[from], oldCount)).append(" +")
        .append(range(s.newAt[from], newCount)).append(" @@\n");
    for (int e = from; e < to; e++) {
      switch (s.op[e]) {
        case Script.KEEP -> line(out, ' ', a.get(s.oldAt[e]));
        case Script.DELETE -> line(out, '-', a.get(s.oldAt[e]));
        default -> line(out, '+', b.get(s.newAt[e]));
      }
    }
  }

  private static String range(int before, int count) {
    if (count == 0) {
      return before + ",0";
    }
    return count == 1 ? String.valueOf(before + 1) : (before + 1) + "," + count;
  }

  private void line(StringBuilder out, char mark, String line) {
    boolean broken = line.endsWith("\n");
    out.append(mark);
    if (escape) {
      out.append(escapeControls(broken ? line.substring(0, line.length() - 1) : line))
          .append('\n');
    } else {
      out.append(line);
      if (!broken) {
        out.append('\n');
      }
    }
    if (!broken) {
      out.append("\\ No newline at end of file\n");
    }
  }

  /**
   * Returns a path as git writes it in a diff header: with {@code /} for {@code \}, without a
   * leading {@code ./} or {@code /}, after the prefix, and, when the result holds a control
   * character, a double quote or a backslash, in double quotes with C escapes (so that no path
   * can end the header line or start a hunk). Other characters, non-ASCII ones included, stay as
   * they are.
   *
   * <p>{@code gitName("a/", "./app/Dockerfile")} is {@code a/app/Dockerfile}; {@code
   * gitName("b/", "x\ty")} is {@code "b/x\ty"} with the quotes and a backslash before the
   * {@code t}.
   *
   * @param prefix the prefix of the side, {@code a/} or {@code b/} as git writes them
   * @param path the path, relative to the top of the tree the patch applies to
   * @return the name for {@link #diff(String, String, String, String)}
   */
  public static String gitName(String prefix, String path) {
    Objects.requireNonNull(prefix, "prefix == null");
    String n = Objects.requireNonNull(path, "path == null").replace('\\', '/');
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    return gitQuoted(prefix + n);
  }

  private static String gitQuoted(String path) {
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
            sb.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Escapes the control characters of a text as {@link #forLog()} does in lines and names: C0
   * controls but tab, DEL, C1 controls and the line and paragraph separators U+2028 and U+2029
   * become {@code \r}, {@code \n} or {@code \}{@code uXXXX}, so that a log line shows exactly what
   * the text holds. A backslash is not escaped.
   *
   * @param text the text
   * @return the escaped text ({@code text} itself when nothing needs escaping)
   */
  public static String escapeControls(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == '\u2028' || c == '\u2029';
      if (control) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        switch (c) {
          case '\r' -> sb.append("\\r");
          case '\n' -> sb.append("\\n");
          default -> sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
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

  /**
   * An edit script: entry {@code e} keeps, deletes or inserts a line, and {@code oldAt[e]} and
   * {@code newAt[e]} count the old and new lines before it.
   */
  static final class Script {
    static final byte KEEP = 0;
    static final byte DELETE = 1;
    static final byte INSERT = 2;

    final byte[] op;
    final int[] oldAt;
    final int[] newAt;
    final int size;

    private Script(byte[] op, int[] oldAt, int[] newAt, int size) {
      this.op = op;
      this.oldAt = oldAt;
      this.newAt = newAt;
      this.size = size;
    }

    /** Returns a shortest edit script from a to b, unless the search takes more steps. */
    static Script of(List<String> a, List<String> b, long steps) {
      int n = a.size();
      int m = b.size();
      // compare lines by number: equal lines get equal numbers
      Map<String, Integer> ids = new HashMap<>();
      int[] x = new int[n];
      int[] y = new int[m];
      for (int i = 0; i < n; i++) {
        x[i] = ids.computeIfAbsent(a.get(i), k -> ids.size());
      }
      for (int j = 0; j < m; j++) {
        y[j] = ids.computeIfAbsent(b.get(j), k -> ids.size());
      }
      // a line that the other side does not hold is removed or added in every script: leave it
      // out of the search (the script stays a shortest one; the search gets shorter)
      boolean[] inA = new boolean[ids.size()];
      boolean[] inB = new boolean[ids.size()];
      for (int id : x) {
        inA[id] = true;
      }
      for (int id : y) {
        inB[id] = true;
      }
      int[] keptA = kept(x, inB);
      int[] keptB = kept(y, inA);
      Myers myers = new Myers(select(x, keptA), select(y, keptB), steps);
      myers.run();
      boolean[] deleted = changed(n, keptA, myers.deleted);
      boolean[] inserted = changed(m, keptB, myers.inserted);
      int size = n + m;
      byte[] op = new byte[size];
      int[] oldAt = new int[size];
      int[] newAt = new int[size];
      int e = 0;
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && deleted[i]) {
          op[e] = DELETE;
          oldAt[e] = i++;
          newAt[e++] = j;
        } else if (j < m && inserted[j]) {
          op[e] = INSERT;
          oldAt[e] = i;
          newAt[e++] = j++;
        } else {
          op[e] = KEEP;
          oldAt[e] = i++;
          newAt[e++] = j++;
        }
      }
      return new Script(op, oldAt, newAt, e);
    }

    /** Returns the indexes of the lines that the other side holds. */
    private static int[] kept(int[] lines, boolean[] other) {
      int count = 0;
      for (int id : lines) {
        count += other[id] ? 1 : 0;
      }
      int[] out = new int[count];
      int k = 0;
      for (int i = 0; i < lines.length; i++) {
        if (other[lines[i]]) {
          out[k++] = i;
        }
      }
      return out;
    }

    private static int[] select(int[] lines, int[] indexes) {
      int[] out = new int[indexes.length];
      for (int k = 0; k < indexes.length; k++) {
        out[k] = lines[indexes[k]];
      }
      return out;
    }

    /** Marks every line changed but the kept ones that the search did not change. */
    private static boolean[] changed(int size, int[] kept, boolean[] searched) {
      boolean[] out = new boolean[size];
      Arrays.fill(out, true);
      for (int k = 0; k < kept.length; k++) {
        out[kept[k]] = searched[k];
      }
      return out;
    }
  }

  /**
   * Myers' linear-space diff ("An O(ND) difference algorithm and its variations", 1986, section
   * 4b), as GNU diff's {@code diffseq.h} writes it without its heuristics: marks the lines of a
   * shortest edit script as deleted or inserted.
   */
  private static final class Myers {
    private final int[] a;
    private final int[] b;
    final boolean[] deleted;
    final boolean[] inserted;
    /** The furthest x on each diagonal x - y, forward and backward, at index diagonal + off. */
    private final int[] fd;
    private final int[] bd;
    private final int off;
    private long steps;
    private int xmid;
    private int ymid;

    Myers(int[] a, int[] b, long steps) {
      this.a = a;
      this.b = b;
      this.deleted = new boolean[a.length];
      this.inserted = new boolean[b.length];
      this.fd = new int[a.length + b.length + 3];
      this.bd = new int[a.length + b.length + 3];
      this.off = b.length + 1;
      this.steps = steps;
    }

    void run() {
      // regions (xoff, xlim, yoff, ylim) still to compare; each split halves the edit distance,
      // so the stack holds O(log(N+M)) regions
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = 0;
      stack[top++] = a.length;
      stack[top++] = 0;
      stack[top++] = b.length;
      while (top > 0) {
        int ylim = stack[--top];
        int yoff = stack[--top];
        int xlim = stack[--top];
        int xoff = stack[--top];
        while (xoff < xlim && yoff < ylim && a[xoff] == b[yoff]) {
          xoff++;
          yoff++;
        }
        while (xoff < xlim && yoff < ylim && a[xlim - 1] == b[ylim - 1]) {
          xlim--;
          ylim--;
        }
        if (xoff == xlim || yoff == ylim || !split(xoff, xlim, yoff, ylim)) {
          Arrays.fill(deleted, xoff, xlim, true);
          Arrays.fill(inserted, yoff, ylim, true);
          continue;
        }
        if (top + 8 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        // the upper half is compared first
        stack[top++] = xmid;
        stack[top++] = xlim;
        stack[top++] = ymid;
        stack[top++] = ylim;
        stack[top++] = xoff;
        stack[top++] = xmid;
        stack[top++] = yoff;
        stack[top++] = ymid;
      }
    }

    /**
     * Finds a point (xmid, ymid) on a shortest path through the region, splitting its edit
     * distance in halves; returns false when the search runs out of steps or finds no point
     * strictly inside the region.
     */
    private boolean split(int xoff, int xlim, int yoff, int ylim) {
      int dmin = xoff - ylim;
      int dmax = xlim - yoff;
      int fmid = xoff - yoff;
      int bmid = xlim - ylim;
      int fmin = fmid;
      int fmax = fmid;
      int bmin = bmid;
      int bmax = bmid;
      boolean odd = ((fmid - bmid) & 1) != 0;
      fd[off + fmid] = xoff;
      bd[off + bmid] = xlim;
      while (steps > 0) {
        // extend the forward search by one edit on each diagonal
        if (fmin > dmin) {
          fd[off + --fmin - 1] = -1;
        } else {
          ++fmin;
        }
        if (fmax < dmax) {
          fd[off + ++fmax + 1] = -1;
        } else {
          --fmax;
        }
        for (int d = fmax; d >= fmin; d -= 2) {
          int tlo = fd[off + d - 1];
          int thi = fd[off + d + 1];
          int x0 = tlo < thi ? thi : tlo + 1;
          int x = x0;
          int y = x0 - d;
          while (x < xlim && y < ylim && a[x] == b[y]) {
            x++;
            y++;
          }
          steps -= 1 + x - x0;
          fd[off + d] = x;
          if (odd && bmin <= d && d <= bmax && bd[off + d] <= x) {
            return found(x, y, xoff, xlim, yoff, ylim);
          }
        }
        // and the backward search
        if (bmin > dmin) {
          bd[off + --bmin - 1] = Integer.MAX_VALUE;
        } else {
          ++bmin;
        }
        if (bmax < dmax) {
          bd[off + ++bmax + 1] = Integer.MAX_VALUE;
        } else {
          --bmax;
        }
        for (int d = bmax; d >= bmin; d -= 2) {
          int tlo = bd[off + d - 1];
          int thi = bd[off + d + 1];
          int x0 = tlo < thi ? tlo : thi - 1;
          int x = x0;
          int y = x0 - d;
          while (xoff < x && yoff < y && a[x - 1] == b[y - 1]) {
            x--;
            y--;
          }
          steps -= 1 + x0 - x;
          bd[off + d] = x;
          if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]) {
            return found(x, y, xoff, xlim, yoff, ylim);
          }
        }
      }
      return false;
    }

    private boolean found(int x, int y, int xoff, int xlim, int yoff, int ylim) {
      xmid = x;
      ymid = y;
      // a point on the region's edge or corner would not make the halves smaller
      return xoff <= x && x <= xlim && yoff <= y && y <= ylim
          && !(x == xoff && y == yoff) && !(x == xlim && y == ylim);
    }
  }
}
