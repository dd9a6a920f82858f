package io.github.dockerfiledsl.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts ({@code diff -u} / {@code git diff} format, three lines of context),
 * with control characters in lines escaped so that the log shows them.
 */
final class UnifiedDiff {
  /** Lines of context around each change. */
  static final int CONTEXT = 3;
  /** Above this many cells the middle part is shown as one replacement instead of an LCS. */
  private static final long MAX_CELLS = 4_000_000L;

  private UnifiedDiff() {}

  /** One line of the edit script: ' ' kept, '-' removed, '+' added. */
  private record Edit(char op, String line, int oldIndex, int newIndex) {}

  /**
   * Returns the unified diff from {@code oldText} to {@code newText}, or the empty string when
   * they are equal.
   *
   * @param oldName the name after {@code ---}
   * @param newName the name after {@code +++}
   * @param oldText the old text
   * @param newText the new text
   * @return the diff, each line ending with a line break
   */
  static String diff(String oldName, String newName, String oldText, String newText) {
    if (oldText.equals(newText)) {
      return "";
    }
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    List<Edit> edits = edits(a, b);
    StringBuilder sb = new StringBuilder();
    sb.append("--- ").append(escape(oldName)).append('\n');
    sb.append("+++ ").append(escape(newName)).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while the next change is within 2 * CONTEXT kept lines
      while (true) {
        int j = end;
        while (j < edits.size() && edits.get(j).op() != ' ') {
          j++;
        }
        int k = j;
        while (k < edits.size() && edits.get(k).op() == ' ' && k - j < 2 * CONTEXT + 1) {
          k++;
        }
        if (k < edits.size() && edits.get(k).op() != ' ' && k - j <= 2 * CONTEXT) {
          end = k;
        } else {
          end = Math.min(edits.size(), j + CONTEXT);
          break;
        }
      }
      appendHunk(sb, edits.subList(start, end), a.size(), b.size());
      i = end;
    }
    return sb.toString();
  }

  private static void appendHunk(StringBuilder sb, List<Edit> hunk, int aSize, int bSize) {
    int oldCount = 0;
    int newCount = 0;
    int oldStart = -1;
    int newStart = -1;
    for (Edit e : hunk) {
      if (e.op() != '+') {
        oldCount++;
        if (oldStart < 0) {
          oldStart = e.oldIndex();
        }
      }
      if (e.op() != '-') {
        newCount++;
        if (newStart < 0) {
          newStart = e.newIndex();
        }
      }
    }
    // an empty side is numbered by the line before it (diff -u's convention)
    int oldFirst = oldCount == 0 ? firstIndex(hunk, true) : oldStart + 1;
    int newFirst = newCount == 0 ? firstIndex(hunk, false) : newStart + 1;
    sb.append("@@ -").append(range(oldFirst, oldCount)).append(" +")
        .append(range(newFirst, newCount)).append(" @@\n");
    for (Edit e : hunk) {
      String line = e.line();
      boolean lastWithoutBreak = !line.endsWith("\n");
      sb.append(e.op()).append(escape(lastWithoutBreak ? line : line.substring(0, line.length() - 1)))
          .append('\n');
      if (lastWithoutBreak) {
        sb.append("\\ No newline at end of file\n");
      }
    }
  }

  private static int firstIndex(List<Edit> hunk, boolean old) {
    // the number of lines of that side before the hunk
    Edit first = hunk.get(0);
    return old ? first.oldIndex() : first.newIndex();
  }

  private static String range(int first, int count) {
    return count == 1 ? Integer.toString(first) : first + "," + count;
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

  private static List<Edit> edits(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Edit> out = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      out.add(new Edit(' ', a.get(i), i, i));
    }
    int n = a.size() - prefix - suffix;
    int m = b.size() - prefix - suffix;
    if ((long) n * m > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        out.add(new Edit('-', a.get(prefix + i), prefix + i, prefix));
      }
      for (int j = 0; j < m; j++) {
        out.add(new Edit('+', b.get(prefix + j), prefix + n, prefix + j));
      }
    } else {
      // longest common subsequence of the middle parts, read forwards
      int[][] lcs = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          lcs[i][j] = a.get(prefix + i).equals(b.get(prefix + j))
              ? lcs[i + 1][j + 1] + 1
              : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
          out.add(new Edit(' ', a.get(prefix + i), prefix + i, prefix + j));
          i++;
          j++;
        } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
          out.add(new Edit('+', b.get(prefix + j), prefix + i, prefix + j));
          j++;
        } else {
          out.add(new Edit('-', a.get(prefix + i), prefix + i, prefix + j));
          i++;
        }
      }
    }
    for (int k = suffix; k > 0; k--) {
      out.add(new Edit(' ', a.get(a.size() - k), a.size() - k, b.size() - k));
    }
    return out;
  }

  /**
   * Escapes control characters other than tab ({@code \r}, {@code \}{@code uXXXX}) so that a log
   * line shows exactly what the file holds.
   *
   * @param s the text
   * @return the escaped text
   */
  static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == '\u2028' || c == '\u2029';
      if (control) {
        if (sb == null) {
          sb = new StringBuilder(s.substring(0, i));
        }
        switch (c) {
          case '\r' -> sb.append("\\r");
          case '\n' -> sb.append("\\n");
          default -> sb.append(String.format("\\u%04x", (int) c));
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
