package io.github.dockerfiledsl.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.diff("a/x", "b/x", "FROM a\n", "FROM a\n")).isEmpty();
  }

  @Test
  void oneChangedLineWithThreeLinesOfContext() {
    String old = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN make\nEXPOSE 8000\n"
        + "USER app\nCMD [\"app\"]\nLABEL a=b\n";
    String now = old.replace("EXPOSE 8000", "EXPOSE 8080");
    assertThat(UnifiedDiff.diff("a/Dockerfile", "b/Dockerfile", old, now)).isEqualTo("""
        --- a/Dockerfile
        +++ b/Dockerfile
        @@ -2,7 +2,7 @@
         WORKDIR /app
         COPY . .
         RUN make
        -EXPOSE 8000
        +EXPOSE 8080
         USER app
         CMD ["app"]
         LABEL a=b
        """);
  }

  @Test
  void distantChangesGiveTwoHunksAndNearOnesOne() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      lines.add("RUN step" + i + "\n");
    }
    String old = String.join("", lines);
    String far = old.replace("step2\n", "two\n").replace("step18\n", "eighteen\n");
    assertThat(UnifiedDiff.diff("a", "b", old, far))
        .contains("@@ -1,5 +1,5 @@").contains("@@ -15,6 +15,6 @@");
    String near = old.replace("step2\n", "two\n").replace("step8\n", "eight\n");
    assertThat(UnifiedDiff.diff("a", "b", old, near)).containsOnlyOnce("@@ -")
        .contains("@@ -1,11 +1,11 @@");
  }

  @Test
  void missingFinalLineBreakAndCarriageReturnsAreShown() {
    assertThat(UnifiedDiff.diff("a/D", "b/D", "FROM a\r\nRUN x", "FROM a\nRUN x\n"))
        .isEqualTo("""
            --- a/D
            +++ b/D
            @@ -1,2 +1,2 @@
            -FROM a\\r
            -RUN x
            \\ No newline at end of file
            +FROM a
            +RUN x
            """);
  }

  @Test
  void addingToAnEmptyFileCountsFromLineZero() {
    assertThat(UnifiedDiff.diff("/dev/null", "b/D", "", "FROM a\n"))
        .isEqualTo("--- /dev/null\n+++ b/D\n@@ -0,0 +1 @@\n+FROM a\n");
  }

  @Test
  void controlCharactersAreEscaped() {
    assertThat(UnifiedDiff.escape("a\u001b[31mb\tc\u0085")).isEqualTo("a\\u001b[31mb\tc\\u0085");
  }

  /** Applying the diff to the old text gives the new text, whatever the two texts are. */
  @Property(tries = 300)
  void diffAppliesBackToTheNewText(
      @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 5) Integer> a,
      @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 5) Integer> b,
      @ForAll boolean aBreak, @ForAll boolean bBreak) {
    String old = text(a, aBreak);
    String now = text(b, bBreak);
    String diff = UnifiedDiff.diff("a", "b", old, now);
    assertThat(diff.isEmpty()).isEqualTo(old.equals(now));
    assertThat(apply(old, diff)).isEqualTo(now);
  }

  private static String text(List<Integer> lines, boolean finalBreak) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      sb.append("L").append(lines.get(i));
      if (i < lines.size() - 1 || finalBreak) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** A strict patch: every context and removed line must match, hunk headers must add up. */
  private static String apply(String old, String diff) {
    if (diff.isEmpty()) {
      return old;
    }
    List<String> src = UnifiedDiff.lines(old);
    List<String> d = UnifiedDiff.lines(diff);
    StringBuilder out = new StringBuilder();
    int pos = 0;
    int i = 2;
    while (i < d.size()) {
      String h = d.get(i++);
      assertThat(h).startsWith("@@ -");
      String[] parts = h.substring(4, h.indexOf(" @@")).split(" \\+");
      int[] oldRange = range(parts[0]);
      int[] newRange = range(parts[1]);
      int start = oldRange[1] == 0 ? oldRange[0] : oldRange[0] - 1;
      while (pos < start) {
        out.append(src.get(pos++));
      }
      int seenOld = 0;
      int seenNew = 0;
      StringBuilder added = new StringBuilder();
      while (i < d.size() && !d.get(i).startsWith("@@")) {
        String line = d.get(i++);
        boolean noBreak = i < d.size() && d.get(i).startsWith("\\ No newline");
        if (noBreak) {
          i++;
        }
        String body = line.substring(1, line.length() - 1) + (noBreak ? "" : "\n");
        char op = line.charAt(0);
        if (op != '+') {
          assertThat(src.get(pos)).isEqualTo(body);
          pos++;
          seenOld++;
        }
        if (op != '-') {
          added.append(body);
          seenNew++;
        }
      }
      assertThat(seenOld).isEqualTo(oldRange[1]);
      assertThat(seenNew).isEqualTo(newRange[1]);
      out.append(added);
    }
    while (pos < src.size()) {
      out.append(src.get(pos++));
    }
    return out.toString();
  }

  private static int[] range(String s) {
    String[] p = s.split(",");
    return new int[] {Integer.parseInt(p[0]), p.length == 1 ? 1 : Integer.parseInt(p[1])};
  }
}
