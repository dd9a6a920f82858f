package io.github.dockerfiledsl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unified diffs: golden cases for patches and logs, git's names, and for random texts, applying
 * the diff gives the new text, the script is a shortest one, and {@code git apply} agrees.
 */
class UnifiedDiffTest {
  private static final UnifiedDiff PATCH = UnifiedDiff.forPatch();

  private static String gitDiff(String path, String before, String after) {
    return PATCH.diff(UnifiedDiff.gitName("a/", path), UnifiedDiff.gitName("b/", path), before,
        after);
  }

  // --- format ----------------------------------------------------------------------------------

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(PATCH.diff("a/x", "b/x", "FROM a\n", "FROM a\n")).isEmpty();
    assertThat(UnifiedDiff.forLog().diff("a/x", "b/x", "", "")).isEmpty();
    assertThat(gitDiff("Dockerfile", "x\n", "x\n")).isEmpty();
  }

  @Test
  void hunksHaveThreeLinesOfContextAndGitNames() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    String b = "1\ntwo\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n15\n";
    assertThat(gitDiff("./app/Dockerfile", a, b)).isEqualTo("""
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
  void oneChangedLineWithThreeLinesOfContext() {
    String old = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN make\nEXPOSE 8000\n"
        + "USER app\nCMD [\"app\"]\nLABEL a=b\n";
    String now = old.replace("EXPOSE 8000", "EXPOSE 8080");
    assertThat(PATCH.diff("a/Dockerfile", "b/Dockerfile", old, now)).isEqualTo("""
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
    assertThat(PATCH.diff("a", "b", old, far))
        .contains("@@ -1,5 +1,5 @@").contains("@@ -15,6 +15,6 @@");
    String near = old.replace("step2\n", "two\n").replace("step8\n", "eight\n");
    assertThat(PATCH.diff("a", "b", old, near)).containsOnlyOnce("@@ -")
        .contains("@@ -1,11 +1,11 @@");
    // six kept lines between two changes: one hunk; seven: two
    String six = old.replace("step2\n", "two\n").replace("step9\n", "nine\n");
    assertThat(PATCH.diff("a", "b", old, six)).containsOnlyOnce("@@ -")
        .contains("@@ -1,12 +1,12 @@");
    String apart = old.replace("step2\n", "two\n").replace("step10\n", "ten\n");
    assertThat(PATCH.diff("a", "b", old, apart))
        .contains("@@ -1,5 +1,5 @@").contains("@@ -7,7 +7,7 @@");
  }

  @Test
  void missingFinalNewlineIsMarked() {
    assertThat(gitDiff("Dockerfile", "FROM a", "FROM a\n")).isEqualTo("""
        --- a/Dockerfile
        +++ b/Dockerfile
        @@ -1 +1 @@
        -FROM a
        \\ No newline at end of file
        +FROM a
        """);
    assertThat(PATCH.diff("a/D", "b/D", "FROM a\n", "FROM a\nRUN x")).isEqualTo("""
        --- a/D
        +++ b/D
        @@ -1 +1,2 @@
         FROM a
        +RUN x
        \\ No newline at end of file
        """);
  }

  @Test
  void addingToAnEmptyFileCountsFromLineZero() {
    assertThat(gitDiff("Dockerfile", "", "FROM a\n")).isEqualTo(
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -0,0 +1 @@\n+FROM a\n");
    assertThat(PATCH.diff("/dev/null", "b/D", "", "FROM a\n"))
        .isEqualTo("--- /dev/null\n+++ b/D\n@@ -0,0 +1 @@\n+FROM a\n");
    assertThat(PATCH.diff("a/D", "b/D", "x\ny\n", ""))
        .isEqualTo("--- a/D\n+++ b/D\n@@ -1,2 +0,0 @@\n-x\n-y\n");
  }

  @Test
  void patchesKeepLinesAsTheyAre() {
    assertThat(PATCH.diff("a/D", "b/D", "FROM a\r\nRUN \u001b[31mx", "FROM a\nRUN x\n"))
        .isEqualTo("--- a/D\n+++ b/D\n@@ -1,2 +1,2 @@\n-FROM a\r\n-RUN \u001b[31mx\n"
            + "\\ No newline at end of file\n+FROM a\n+RUN x\n");
  }

  // --- names -----------------------------------------------------------------------------------

  @Test
  void namesWithControlCharactersAreQuotedAsGitQuotesThem() {
    assertThat(gitDiff("x\n+++ b/evil", "a\n", "b\n")).startsWith(
        "--- \"a/x\\n+++ b/evil\"\n+++ \"b/x\\n+++ b/evil\"\n@@ -1 +1 @@\n");
    assertThat(UnifiedDiff.gitName("a/", "t\tq\"b\u0001")).isEqualTo("\"a/t\\tq\\\"b\\001\"");
    assertThat(UnifiedDiff.gitName("a\\", "x\r\u007f")).isEqualTo("\"a\\\\x\\r\\177\"");
    assertThat(UnifiedDiff.gitName("a/", "caf\u00e9 x")).isEqualTo("a/caf\u00e9 x");
  }

  @Test
  void gitNamesAreRelativeWithSlashes() {
    assertThat(UnifiedDiff.gitName("a/", "./././app/Dockerfile")).isEqualTo("a/app/Dockerfile");
    assertThat(UnifiedDiff.gitName("b/", "/srv/app/Dockerfile")).isEqualTo("b/srv/app/Dockerfile");
    assertThat(UnifiedDiff.gitName("b/", ".\\app\\Dockerfile")).isEqualTo("b/app/Dockerfile");
  }

  @Test
  void patchNamesMustBeOneLine() {
    assertThatThrownBy(() -> PATCH.diff("a/x\n+++ b/evil", "b/x", "a\n", "b\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oldName (a/x\\n+++ b/evil) must not contain a line break;"
            + " gitName(prefix, path) quotes it");
    assertThatThrownBy(() -> PATCH.diff("a/x", "b/x\r", "a\n", "a\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("newName (b/x\\r)");
  }

  // --- logs ------------------------------------------------------------------------------------

  @Test
  void logsShowMissingFinalLineBreaksAndCarriageReturns() {
    assertThat(UnifiedDiff.forLog().diff("a/D", "b/D", "FROM a\r\nRUN x", "FROM a\nRUN x\n"))
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
  void logsEscapeControlCharactersInLinesAndNames() {
    assertThat(UnifiedDiff.escapeControls("a\u001b[31mb\tc\u0085")).isEqualTo(
        "a\\u001b[31mb\tc\\u0085");
    assertThat(UnifiedDiff.escapeControls("x\ny\u2028\u007f\\")).isEqualTo(
        "x\\ny\\u2028\\u007f\\");
    assertThat(UnifiedDiff.forLog().diff("a/x\n+++ b/evil", "b/\u001b[2J", "a\n", "\u0007\n"))
        .isEqualTo("--- a/x\\n+++ b/evil\n+++ b/\\u001b[2J\n@@ -1 +1 @@\n-a\n+\\u0007\n");
  }

  // --- applying the diff -----------------------------------------------------------------------

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
      String diff = gitDiff("f", before, after);
      assertThat(apply(before, diff)).as("round %d:\n%s", round, diff).isEqualTo(after);
    }
  }

  /** Applying the diff to the old text gives the new text, whatever the two texts are. */
  @Property(tries = 500)
  void diffAppliesBackToTheNewText(
      @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 5) Integer> a,
      @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 5) Integer> b,
      @ForAll boolean aBreak, @ForAll boolean bBreak) {
    String old = text(a, aBreak);
    String now = text(b, bBreak);
    String diff = PATCH.diff("a/f", "b/f", old, now);
    assertThat(diff.isEmpty()).isEqualTo(old.equals(now));
    assertThat(apply(old, diff)).isEqualTo(now);
  }

  /** Removed and added lines are as few as a longest common subsequence allows. */
  @Property(tries = 500)
  void scriptIsAShortestOne(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 3) Integer> a,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 3) Integer> b) {
    List<String> x = UnifiedDiff.lines(text(a, true));
    List<String> y = UnifiedDiff.lines(text(b, true));
    UnifiedDiff.Script s = UnifiedDiff.Script.of(x, y, UnifiedDiff.SEARCH_STEPS);
    int changed = 0;
    for (int e = 0; e < s.size; e++) {
      changed += s.op[e] == UnifiedDiff.Script.KEEP ? 0 : 1;
    }
    assertThat(changed).isEqualTo(x.size() + y.size() - 2 * lcs(x, y));
  }

  /** When the search runs out of steps the diff is longer, but still applies. */
  @Property(tries = 300)
  void diffAppliesWhenTheSearchStopsEarly(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 4) Integer> a,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 4) Integer> b,
      @ForAll boolean aBreak, @ForAll boolean bBreak, @ForAll @LongRange(max = 60) long steps) {
    String old = text(a, aBreak);
    String now = text(b, bBreak);
    String diff = PATCH.withSearchSteps(steps).diff("a/f", "b/f", old, now);
    assertThat(apply(old, diff)).isEqualTo(now);
  }

  @Test
  void twoLongTextsWithNothingInCommonAreOneReplacement() {
    int n = 100_000;
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    StringBuilder expected = new StringBuilder("--- a/f\n+++ b/f\n@@ -1,100000 +1,100000 @@\n");
    for (int i = 0; i < n; i++) {
      old.append("old ").append(i).append('\n');
      now.append("new ").append(i).append('\n');
    }
    for (int i = 0; i < n; i++) {
      expected.append("-old ").append(i).append('\n');
    }
    for (int i = 0; i < n; i++) {
      expected.append("+new ").append(i).append('\n');
    }
    String diff = PATCH.diff("a/f", "b/f", old.toString(), now.toString());
    assertThat(diff.equals(expected.toString())).as("the diff is one replacement").isTrue();
  }

  @Test
  void longTextsWithManyChangesGiveAShortestDiff() {
    // 20,000 lines, every third one changed
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      old.append("line ").append(i).append('\n');
      now.append(i % 3 == 0 ? "changed " : "line ").append(i).append('\n');
    }
    String diff = PATCH.diff("a/f", "b/f", old.toString(), now.toString());
    assertThat(apply(old.toString(), diff).equals(now.toString())).as("the diff applies").isTrue();
    assertThat(diff.lines().filter(l -> l.startsWith("-line ")).count()).isEqualTo(6667);
    assertThat(diff.lines().filter(l -> l.startsWith("+changed ")).count()).isEqualTo(6667);
  }

  @Test
  void longTextsOfFewDistinctLinesGiveACorrectDiff() {
    // 20,000 random lines of three kinds on each side: more than the search may take, so parts
    // of the diff are replacements, and yet the diff applies
    Random random = new Random(3);
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      old.append("abc".charAt(random.nextInt(3))).append('\n');
      now.append("abc".charAt(random.nextInt(3))).append('\n');
    }
    String diff = PATCH.diff("a/f", "b/f", old.toString(), now.toString());
    assertThat(apply(old.toString(), diff).equals(now.toString())).as("the diff applies").isTrue();
  }

  // --- git apply -------------------------------------------------------------------------------

  /** Lines with a trailing blank, a carriage return or nothing: git apply must take them as is. */
  private static final String[] GIT_LINES = {"a", "b", "c", "", " ", "b ", "c\r", "\tx"};

  /**
   * git apply takes every diff and gives the new text: a few hundred random pairs of texts, as
   * files of one patch applied in a directory outside any repository.
   */
  @Test
  void gitApplyAgrees(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(gitWorks(dir), "git not found: the git apply differential is skipped");
    Random random = new Random(42);
    int cases = 300;
    List<String> expected = new ArrayList<>();
    StringBuilder patch = new StringBuilder();
    for (int c = 0; c < cases; c++) {
      String old = gitText(random);
      String now = random.nextInt(4) == 0 ? mutate(old, random) : gitText(random);
      String name = name(c);
      Files.writeString(dir.resolve(name), old, StandardCharsets.UTF_8);
      expected.add(now);
      patch.append(gitDiff(name, old, now));
    }
    Files.writeString(dir.resolve("all.patch"), patch, StandardCharsets.UTF_8);
    Process p = git(dir, "apply", "--whitespace=nowarn", "all.patch");
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git apply:\n%s", output).isZero();
    for (int c = 0; c < cases; c++) {
      assertThat(Files.readString(dir.resolve(name(c)), StandardCharsets.UTF_8))
          .as("case %d", c).isEqualTo(expected.get(c));
    }
  }

  /** Returns the file name of a case: a few that git quotes, the others plain. */
  private static String name(int c) {
    return c % 50 == 7 ? "q\"uo te\t" + c : "f" + c;
  }

  private static boolean gitWorks(Path dir) {
    try {
      Process p = git(dir, "--version");
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      System.err.println("UnifiedDiffTest: git not found, the git apply differential is skipped");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Process git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    // outside any repository, and without the user's or the system's configuration
    pb.environment().put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", dir.resolve("no-such-gitconfig").toString());
    return pb.start();
  }

  private static String gitText(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(30);
    for (int i = 0; i < n; i++) {
      sb.append(GIT_LINES[random.nextInt(GIT_LINES.length)]).append('\n');
    }
    if (n > 0 && random.nextInt(3) == 0) {
      sb.setLength(sb.length() - 1);
    }
    return sb.toString();
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(UnifiedDiff.lines(text));
    for (int e = random.nextInt(4); e >= 0; e--) {
      int at = random.nextInt(lines.size() + 1);
      String line = GIT_LINES[random.nextInt(GIT_LINES.length)] + "\n";
      if (at == lines.size() || random.nextBoolean()) {
        lines.add(at, line);
      } else {
        lines.remove(at);
      }
    }
    String s = String.join("", lines);
    return random.nextBoolean() && s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  // --- helpers ---------------------------------------------------------------------------------

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

  private static int lcs(List<String> a, List<String> b) {
    int[][] t = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1
            : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    return t[0][0];
  }

  /**
   * A strict patch for one file's diff from {@link UnifiedDiff#forPatch()}: every context and
   * removed line must match, and the hunk headers must count the lines that follow them.
   */
  static String apply(String old, String diff) {
    if (diff.isEmpty()) {
      return old;
    }
    List<String> src = UnifiedDiff.lines(old);
    List<String> d = UnifiedDiff.lines(diff);
    assertThat(d.get(0)).startsWith("--- ");
    assertThat(d.get(1)).startsWith("+++ ");
    StringBuilder out = new StringBuilder();
    int pos = 0;
    int i = 2;
    while (i < d.size()) {
      String h = d.get(i++);
      assertThat(h).startsWith("@@ -").endsWith(" @@\n");
      String[] parts = h.substring(4, h.indexOf(" @@")).split(" \\+");
      int[] oldRange = range(parts[0]);
      int[] newRange = range(parts[1]);
      int start = oldRange[1] == 0 ? oldRange[0] : oldRange[0] - 1;
      assertThat(start).as("hunks in order").isGreaterThanOrEqualTo(pos);
      while (pos < start) {
        out.append(src.get(pos++));
      }
      int seenOld = 0;
      int seenNew = 0;
      StringBuilder added = new StringBuilder();
      while (i < d.size() && !d.get(i).startsWith("@@")) {
        String line = d.get(i++);
        boolean noBreak = i < d.size() && d.get(i).startsWith("\\ No newline at end of file");
        if (noBreak) {
          i++;
        }
        String body = line.substring(1, line.length() - 1) + (noBreak ? "" : "\n");
        char op = line.charAt(0);
        assertThat(op).isIn(' ', '-', '+');
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
