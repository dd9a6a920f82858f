package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random run chains, built from commands that are hard to merge, mean the same merged as they do
 * as separate RUNs when {@code /bin/sh} runs them (same success, same effects).
 */
class RunChainPropertiesTest {

  @Provide
  Arbitrary<List<String>> chains() {
    return Arbitraries.of(
        "echo a >> log", "false", "true", "cd / && echo cd >> \"$OLDPWD/log\"", "cd /tmp",
        "exit 0", "exit 2", "export V=1", "echo \"v=$V\" >> log", "false || echo or >> log",
        "true && false", "echo x >> log; false", "false; echo y >> log", "true | false",
        "false | true", "set -e", "umask 077", "echo $(echo sub) >> log",
        "if true; then echo if >> log; fi", "case a in a) echo case >> log;; esac",
        "trap 'echo trap >> log' EXIT", "test -f log && echo exists >> log",
        "echo 'q;|&' >> log", "X=2", "echo \"x=$X\" >> log")
        .list().ofMinSize(2).ofMaxSize(4);
  }

  @Property(tries = 40)
  void mergedChainsBehaveLikeSeparateRuns(@ForAll("chains") List<String> steps)
      throws Exception {
    if (!Files.isExecutable(Path.of("/bin/sh"))) {
      return;
    }
    // a step that only assigns variables is the documented exception: it is visible later on
    if (steps.contains("X=2") && steps.indexOf("X=2") < steps.lastIndexOf("echo \"x=$X\" >> log")) {
      return;
    }
    StageStep s = Dockerfile.from("alpine");
    for (String step : steps) {
      s = s.run(step);
    }
    List<String> runs = new ArrayList<>();
    for (Instruction i : s.build().stages().get(0).instructions()) {
      runs.add(((Shell) ((RunInstruction) i).command()).command());
    }
    assertThat(runs).as("merged into one RUN").hasSize(1);
    assertThat(sh(runs)).as("merged as %s", runs).isEqualTo(sh(steps));
  }

  private static String sh(List<String> commands) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("chain");
    try {
      String status = "ok";
      for (String c : commands) {
        Process p = new ProcessBuilder("/bin/sh", "-c", c).directory(work.toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
          status = "failed";
          break;
        }
      }
      Path log = work.resolve("log");
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      return status + "\n" + text.replace(work.toString(), "<work>");
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
