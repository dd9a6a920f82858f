package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Unified diffs: golden cases, and for random edits, applying the diff gives the new text. */
class DiffTest {
  @Test
  void hunksHaveThreeLinesOfContextAndGitNames() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    String b = "1\ntwo\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n15\n";
    assertThat(Diff.unified("./app/Dockerfile", a, b)).isEqualTo("""
        --- a/app/Dockerfile
        +++ b/app/Dockerfile
        @@ -1,5 +1,5 @@
         1
        -2
        +two
         3
         4
         5
        @@ -11,5 +11,4 @@
         11
         12
         13
        -14
         15
        """);
  }

  @Test
  void missingFinalNewlineIsMarked() {
    assertThat(Diff.unified("Dockerfile", "FROM a", "FROM a\n")).isEqualTo("""
        --- a/Dockerfile
        +++ b/Dockerfile
        @@ -1 +1 @@
        -FROM a
        \\ No newline at end of file
        +FROM a
        """);
    assertThat(Diff.unified("Dockerfile", "", "FROM a\n")).isEqualTo(
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -0,0 +1 @@\n+FROM a\n");
    assertThat(Diff.unified("Dockerfile", "x\n", "x\n")).isEmpty();
  }

  @Test
  void namesWithControlCharactersAreQuotedAsGitQuotesThem() {
    assertThat(Diff.unified("x\n+++ b/evil", "a\n", "b\n")).startsWith(
        "--- \"a/x\\n+++ b/evil\"\n+++ \"b/x\\n+++ b/evil\"\n@@ -1 +1 @@\n");
    assertThat(Diff.quoted("a/t\tq\"b\\\u0001")).isEqualTo("\"a/t\\tq\\\"b\\\\\\001\"");
    assertThat(Diff.quoted("a/caf\u00e9 x")).isEqualTo("a/caf\u00e9 x");
  }

  @Test
  void applyingTheDiffGivesTheNewText() {
    Random random = new Random(16);
    for (int round = 0; round < 500; round++) {
      List<String> a = new ArrayList<>();
      int n = random.nextInt(30);
      for (int i = 0; i < n; i++) {
        a.add("l" + random.nextInt(6) + "\n");
      }
      List<String> b = new ArrayList<>(a);
      int edits = random.nextInt(6);
      for (int e = 0; e < edits; e++) {
        int at = b.isEmpty() ? 0 : random.nextInt(b.size() + 1);
        switch (random.nextInt(3)) {
          case 0 -> b.add(at, "new" + random.nextInt(4) + "\n");
          case 1 -> {
            if (at < b.size()) {
              b.remove(at);
            }
          }
          default -> {
            if (at < b.size()) {
              b.set(at, "changed\n");
            }
          }
        }
      }
      String before = String.join("", a);
      String after = String.join("", b);
      if (random.nextBoolean() && !after.isEmpty()) {
        after = after.substring(0, after.length() - 1);
      }
      String diff = Diff.unified("f", before, after);
      assertThat(apply(before, diff)).as("round %d:\n%s", round, diff).isEqualTo(after);
    }
  }

  /** A small patch applier for well-formed unified diffs. */
  static String apply(String before, String diff) {
    if (diff.isEmpty()) {
      return before;
    }
    List<String> old = Diff.lines(before);
    List<String> d = Diff.lines(diff);
    StringBuilder out = new StringBuilder();
    int next = 0; // next old line to copy
    int i = 2;
    while (i < d.size()) {
      String h = d.get(i++);
      assertThat(h).startsWith("@@ -");
      String range = h.substring(4, h.indexOf(' ', 4));
      int start = Integer.parseInt(range.split(",")[0]);
      int count = range.contains(",") ? Integer.parseInt(range.split(",")[1]) : 1;
      int first = count == 0 ? start : start - 1;
      while (next < first) {
        out.append(old.get(next++));
      }
      while (i < d.size() && !d.get(i).startsWith("@@")) {
        String l = d.get(i++);
        boolean noEol = i < d.size() && d.get(i).startsWith("\\ No newline");
        String text = l.substring(1);
        if (noEol) {
          text = text.substring(0, text.length() - 1);
          i++;
        }
        switch (l.charAt(0)) {
          case ' ' -> {
            assertThat(old.get(next)).isEqualTo(text);
            out.append(text);
            next++;
          }
          case '-' -> {
            assertThat(old.get(next)).isEqualTo(text);
            next++;
          }
          case '+' -> out.append(text);
          default -> throw new AssertionError("bad line " + l);
        }
      }
    }
    while (next < old.size()) {
      out.append(old.get(next++));
    }
    return out.toString();
  }
}
