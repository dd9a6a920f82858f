package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each scenario twice with {@code /bin/sh}: once as separate RUNs (one shell per step,
 * stopping at the first failure, as a build does) and once as the RUNs the builder writes, and
 * checks that both fail or succeed alike and leave the same log.
 */
class RunChainSemanticsTest {

  @TempDir
  Path dir;

  record Outcome(boolean success, String log) {}

  static List<List<String>> scenarios() {
    return List.of(
        List.of("echo a >> log", "cd / && pwd >> \"$OLDPWD/log\"", "pwd >> log"),
        List.of("cd /", "pwd >> log"),
        List.of("false || echo recovered >> log", "echo next >> log"),
        List.of("echo a >> log; false", "echo never >> log"),
        List.of("echo a >> log; true", "echo b >> log"),
        List.of("exit 0", "echo after >> log"),
        List.of("exit 3", "echo never >> log"),
        List.of("export X=1", "echo \"x=$X\" >> log"),
        List.of("true | false", "echo piped >> log"),
        List.of("false | true", "echo piped >> log"),
        List.of("set -e", "false; echo after >> log"),
        List.of("if [ -f nothere ]; then echo y >> log; else echo n >> log; fi", "echo z >> log"),
        List.of("echo a >> log && false || echo b >> log", "echo c >> log"),
        List.of("case x in x) echo case >> log;; esac", "echo after >> log"),
        List.of("echo $(echo sub | tr a-z A-Z) >> log", "echo ok >> log"),
        List.of("trap 'echo trapped >> log' EXIT", "echo body >> log"),
        List.of("umask 077", "touch f && ls -l f | cut -c1-10 >> log"),
        List.of("echo 'a;b || c' >> log", "echo \"d | e\" >> log"),
        List.of("echo first >> log", "sleep 0 &", "echo third >> log"),
        // errexit and shell errors: such a step ends its chain, outside any subshell
        List.of("echo a >> log", "set -e; false; echo never >> log", "echo next >> log"),
        List.of("echo a >> log", "cd / && echo ${NOPE:?unset} >> log", "echo never >> log"),
        List.of("echo a >> log", "set -e; echo b >> log; false; echo never >> log"));
  }

  private Outcome sh(List<String> commands) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(dir, "run");
    boolean ok = true;
    for (String c : commands) {
      Process p = new ProcessBuilder("/bin/sh", "-c", c).directory(work.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      if (p.exitValue() != 0) {
        ok = false;
        break;
      }
    }
    Path log = work.resolve("log");
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    return new Outcome(ok, text.replace(work.toString(), "<work>"));
  }

  private static List<String> builtRuns(List<String> steps) {
    StageStep s = Dockerfile.from("alpine");
    for (String step : steps) {
      s = s.run(step);
    }
    List<String> runs = new ArrayList<>();
    for (Instruction i : s.build().stages().get(0).instructions()) {
      runs.add(((Shell) ((RunInstruction) i).command()).command());
    }
    return runs;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void mergedRunsMeanWhatSeparateRunsMean(List<String> steps) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    List<String> merged = builtRuns(steps);
    Outcome separate = sh(steps);
    Outcome chained = sh(merged);
    assertThat(chained).as("merged as %s", merged).isEqualTo(separate);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void mergesAllButBackgroundJobsAndAfterErrexitOrShellErrors(List<String> steps) {
    List<String> merged = builtRuns(steps);
    boolean background = steps.stream().anyMatch(c -> c.endsWith("&"));
    long ending = steps.subList(0, steps.size() - 1).stream()
        .filter(c -> c.startsWith("set -e") || c.contains("${NOPE:?")).count();
    assertThat(merged).hasSize(background ? 3 : 1 + (int) ending);
  }
}
