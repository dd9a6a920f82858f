package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Finding;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.optimize.Apt;
import io.github.dockerfiledsl.optimize.MergeRuns;
import io.github.dockerfiledsl.optimize.PackageCleanup;
import io.github.dockerfiledsl.optimize.Passes;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example of the merge-and-cleanup issue and of lint --fix's merges, as regressions. */
class MergeRegressionTest {

  @TempDir
  Path dir;

  private static List<String> runs(Dockerfile d, int stage) {
    List<String> out = new ArrayList<>();
    for (Instruction i : d.stages().get(stage).instructions()) {
      if (i instanceof RunInstruction r) {
        out.add(((Shell) r.command()).command());
      }
    }
    return out;
  }

  /** The RUN commands with the continuation indentation folded, for comparing. */
  private static List<String> flat(Dockerfile d, int stage) {
    return runs(d, stage).stream().map(c -> c.replaceAll(" {2,}", " ")).toList();
  }

  /** Runs each RUN in a fresh shell, stopping at the first failure; returns status and stdout. */
  private String sh(String shell, List<String> runs) throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    for (String r : runs) {
      Process p = new ProcessBuilder(shell, "-c", r).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      if (p.exitValue() != 0) {
        return "exit " + p.exitValue() + "\n" + out;
      }
    }
    return "exit 0\n" + out;
  }

  private static Dockerfile optimized(String text) {
    return Passes.apply(DockerfileParser.parse("Dockerfile", text), Passes.defaults());
  }

  @Test
  void anUpdateOnlyRunKeepsItsListsForTheInstallAfterIt() {
    Dockerfile d = Dockerfile.from("debian").run("apt-get update").layer()
        .run("apt-get install -y curl").build();
    assertThat(d.render()).isEqualTo("""
        FROM debian
        RUN apt-get update
        RUN apt-get install -y curl
        """);
  }

  @Test
  void theCleanupPassLeavesAnUpdateOnlyRunAloneAcrossACommentOrAnEnv() {
    for (String between : List.of("# the install", "ENV DEBIAN_FRONTEND=noninteractive")) {
      String text = "FROM debian\nRUN apt-get update\n" + between + "\nRUN apt-get install -y curl\n";
      assertThat(new PackageCleanup().apply(DockerfileParser.parse("Dockerfile", text)).render())
          .as(between).isEqualTo(text);
    }
    // the default passes merge across the comment (it moves above), not across the ENV
    String env = "FROM debian\nRUN apt-get update\nENV DEBIAN_FRONTEND=noninteractive\n"
        + "RUN apt-get install -y curl\n";
    assertThat(optimized(env).render()).isEqualTo(env);
    assertThat(optimized("FROM debian\nRUN apt-get update\n# the install\n"
        + "RUN apt-get install -y curl\n").render()).isEqualTo("""
        FROM debian
        # the install
        RUN apt-get update \\
            && apt-get install -y curl \\
            && rm -rf /var/lib/apt/lists/*
        """);
    // the lists are removed where no later RUN needs them
    assertThat(optimized("FROM debian\nRUN apt-get update && apt-get install -y curl\n").render())
        .isEqualTo("FROM debian\nRUN apt-get update && apt-get install -y curl \\\n"
            + "    && rm -rf /var/lib/apt/lists/*\n");
    // ... and kept where a later RUN of the stage, or of a stage built on it, installs without
    // an update of its own
    String later = "FROM debian AS base\nRUN apt-get update && apt-get install -y curl\n"
        + "FROM base\nRUN apt-get install -y git\n";
    assertThat(optimized(later).render())
        .isEqualTo(DockerfileParser.parse("Dockerfile", later).render());
  }

  @Test
  void commandCdDoesNotLeakIntoTheNextStep() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    List<String> steps = List.of("command cd sub", "pwd");
    Dockerfile d = Dockerfile.from("debian").run(steps.get(0)).run(steps.get(1)).build();
    assertThat(flat(d, 0)).containsExactly("( command cd sub ) && pwd");
    for (String shell : List.of("/bin/sh", "/bin/bash")) {
      assertThat(sh(shell, runs(d, 0))).isEqualTo(sh(shell, steps))
          .isEqualTo("exit 0\n" + dir.toRealPath() + "\n");
    }
  }

  @Test
  void otherSpellingsOfStateChangesRunInASubshell() {
    for (String step : List.of("builtin cd /tmp", "'cd' /tmp", "\\cd /tmp", "c\\d /tmp",
        "X=1", "read X < f", "printf -v X %s y", "let X=1",
        "shopt -s nullglob", "ulimit -n 64", ": ${X:=1}")) {
      Dockerfile d = Dockerfile.from("debian").run(step).run("pwd").build();
      assertThat(flat(d, 0)).as(step).containsExactly("( " + step + " ) && pwd");
    }
  }

  @Test
  void theCleanupPassNeverRewritesTextInsideQuotes() {
    String text = "FROM python\nRUN echo 'pip install foo' > README && echo \"apk add x\" >> README\n";
    assertThat(optimized(text).render()).isEqualTo(text);
  }

  @Test
  void aShellInheritedThroughAStageHandleIsRespected() {
    DockerfileBuilder df = Dockerfile.builder();
    StageRef win = df.from("mcr.microsoft.com/windows/servercore:ltsc2022")
        .shell(Exec.of("powershell", "-Command")).end();
    Dockerfile d = df.from(win).run("echo a").run("echo b").run("npm install").build();
    assertThat(flat(d, 1)).containsExactly("echo a", "echo b", "npm install");
    // and through a parsed FROM <stage>, in both passes
    String text = "FROM x AS win\nSHELL [\"powershell\", \"-Command\"]\n"
        + "FROM win\nRUN echo a\nRUN npm install\n";
    assertThat(optimized(text).render())
        .isEqualTo(DockerfileParser.parse("Dockerfile", text).render());
  }

  @Test
  void optionSpellingsOfApkAndPipAreRecognised() {
    assertThat(optimized("FROM a\nRUN apk -U add curl\n").render())
        .isEqualTo("FROM a\nRUN apk -U add --no-cache curl\n");
    assertThat(optimized("FROM a\nRUN apk --update add curl\n").render())
        .isEqualTo("FROM a\nRUN apk --update add --no-cache curl\n");
    assertThat(optimized("FROM a\nRUN pip3 --quiet install flask\n").render())
        .isEqualTo("FROM a\nRUN pip3 --quiet install --no-cache-dir flask\n");
    assertThat(optimized("FROM a\nRUN python3 -m pip install flask\n").render())
        .isEqualTo("FROM a\nRUN python3 -m pip install --no-cache-dir flask\n");
    assertThat(optimized("FROM a\nRUN zypper -n in curl\n").render())
        .isEqualTo("FROM a\nRUN zypper -n in curl \\\n    && zypper clean --all\n");
    assertThat(optimized("FROM a\nRUN dnf -y --setopt=tsflags=nodocs install git\n").render())
        .isEqualTo("FROM a\nRUN dnf -y --setopt=tsflags=nodocs install git \\\n"
            + "    && dnf clean all\n");
    assertThat(optimized("FROM a\nRUN yarn\n").render())
        .isEqualTo("FROM a\nRUN yarn \\\n    && yarn cache clean\n");
    assertThat(optimized("FROM a\nRUN npm i -g left-pad\n").render())
        .isEqualTo("FROM a\nRUN npm i -g left-pad \\\n    && npm cache clean --force\n");
  }

  @Test
  void aMentionOfTheListsDoesNotSwitchTheCleanupOff() {
    assertThat(optimized("FROM a\nRUN ls /var/lib/apt/lists && apt-get update"
        + " && apt-get install -y curl\n").render()).endsWith("&& rm -rf /var/lib/apt/lists/*\n");
  }

  @Test
  void noPipefailUnlessAskedFor() throws Exception {
    Dockerfile d = Dockerfile.from("debian").shell(Exec.of("/bin/bash", "-c"))
        .run("yes | head -n 1").run("echo after").build();
    assertThat(sh("/bin/bash", runs(d, 0))).isEqualTo("exit 0\ny\nafter\n");
    Dockerfile strict = Dockerfile.builder().pipefail().from("debian")
        .shell(Exec.of("/bin/bash", "-c")).run("false | true").run("echo after").build();
    assertThat(sh("/bin/bash", runs(strict, 0))).startsWith("exit 1");
    assertThat(new MergeRuns().apply(DockerfileParser.parse("Dockerfile",
        "FROM a\nSHELL [\"/bin/bash\", \"-c\"]\nRUN yes | head -n 1\nRUN echo b\n")).render())
        .doesNotContain("pipefail");
    assertThat(new MergeRuns().withPipefail().apply(DockerfileParser.parse("Dockerfile",
        "FROM a\nSHELL [\"/bin/bash\", \"-c\"]\nRUN yes | head -n 1\nRUN echo b\n")).render())
        .contains("( set -o pipefail && yes | head -n 1 )");
  }

  @Test
  void aStepsCleanupRunsWhereTheStepEnds() throws Exception {
    Dockerfile d = Dockerfile.from("debian")
        .run(Run.of("mkdir -p w && echo tmp > w/scratch").cleanup("rm -rf w"))
        .run("mkdir -p w && echo keep > w/result")
        .build();
    assertThat(flat(d, 0)).containsExactly(
        "mkdir -p w && echo tmp > w/scratch && rm -rf w && mkdir -p w && echo keep > w/result");
    sh("/bin/sh", runs(d, 0));
    assertThat(dir.resolve("w/result")).exists();
    assertThatThrownBy(() -> Dockerfile.builder().cleanupAtEndOfChain().from("debian")
        .run(Run.of("mkdir -p w && echo tmp > w/scratch").cleanup("rm -rf w"))
        .run("mkdir -p w && echo keep > w/result").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'rm -rf w'").hasMessageContaining("'w'");
    Dockerfile atEnd = Dockerfile.builder().cleanupAtEndOfChain().from("debian")
        .run(Run.of("make").cleanup("rm -rf /src")).run("make install").build();
    assertThat(flat(atEnd, 0)).containsExactly("make && make install && rm -rf /src");
  }

  @Test
  void buildDependencySetsAreEachPurged() {
    String text = Dockerfile.from("debian").run(Apt.buildDeps("gcc")).run(Apt.buildDeps("make"))
        .build().render();
    assertThat(text).contains("apt-get purge -y --auto-remove gcc", "apt-get purge -y --auto-remove make");
  }

  // ---- lint --fix

  private static String fix(String text) {
    return Linter.defaults().fix("Dockerfile", text);
  }

  @Test
  void lintNeverMergesIntoAComment() {
    String fixed = fix("FROM debian:12\nRUN echo a # note\nRUN echo b\n");
    assertThat(fixed).contains("RUN echo a # note\nRUN echo b\n");
  }

  @Test
  void lintsAptCleanupFixDoesNotLoopAfterAComment() {
    String text = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends"
        + " curl=7.88.1-10 # tools\n";
    String fixed = fix(text);
    assertThat(fixed).doesNotContain("rm -rf /var/lib/apt/lists/*").isEqualTo(text);
    Finding f = Linter.defaults().lint("Dockerfile", text).findings().stream()
        .filter(x -> x.message().contains("/var/lib/apt/lists")).findFirst().orElseThrow();
    assertThat(f.fixable()).isFalse();
  }

  @Test
  void lintNeverMergesABackgroundJob() {
    assertThat(fix("FROM debian:12\nRUN sleep 100 &\nRUN echo b\n"))
        .contains("RUN sleep 100 &\nRUN echo b\n");
  }

  @Test
  void lintKeepsExecInItsOwnSubshell() {
    assertThat(fix("FROM debian:12\nRUN exec ./configure\nRUN echo b\n"))
        .contains("RUN ( exec ./configure ) \\\n    && echo b\n");
  }

  @Test
  void lintNeverMergesUnderPowerShell() {
    String text = "FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win\n"
        + "SHELL [\"powershell\", \"-Command\"]\nRUN echo a\nRUN echo b\n"
        + "FROM win\nRUN echo c\nRUN echo d\n";
    for (Finding f : Linter.defaults().lint("Dockerfile", text).findings("DF103")) {
      assertThat(f.fixable()).as(f.toString()).isFalse();
    }
    assertThat(fix(text)).doesNotContain("&&");
  }

  @Test
  void execFormFixesNameOnlyPrograms() {
    assertThat(fix("FROM alpine:3.20\nENTRYPOINT exec top -b\n"))
        .contains("ENTRYPOINT [\"top\", \"-b\"]");
    for (String builtin : List.of("cd /app", "set -e", "ulimit -n 1024", ". /env", "exec cd /",
        "A=1 node app.js", "echo hi")) {
      String text = "FROM alpine:3.20\nCMD " + builtin + "\n";
      assertThat(fix(text)).as(builtin).contains("CMD " + builtin + "\n");
    }
  }

  @Test
  void lintFlagFixesNeverRewriteTextInsideQuotesOrComments() {
    String fixed = fix("FROM alpine:3.20\nRUN echo 'apk add x' > f && apk add curl=8.9.1-r0"
        + " && echo \"pip install y\" # apk add z\n");
    assertThat(fixed).contains("echo 'apk add x' > f && apk add --no-cache curl=8.9.1-r0"
        + " && echo \"pip install y\" # apk add z\n");
  }

  @Test
  void packageCleanupAloneAppendsNothingAfterAComment() {
    RunInstruction r = RunInstruction.shell("apt-get update && apt-get install -y x # note");
    assertThat(PackageCleanup.cleanup(r)).isSameAs(r);
  }
  // ---- errexit and shell errors (found by RunChainDifferentialTest)

  @Test
  void aStepThatTurnsOnErrexitEndsItsRunOutsideASubshell() throws Exception {
    // a subshell left of && ignores set -e: ( set -e; false; echo never ) && echo next succeeds
    List<String> steps = List.of("echo a", "set -e; false; echo never", "echo next");
    Dockerfile d = Dockerfile.from("debian").run(steps.get(0)).run(steps.get(1))
        .run(steps.get(2)).build();
    assertThat(flat(d, 0)).containsExactly("echo a && { set -e; false; echo never; }",
        "echo next");
    for (String shell : List.of("/bin/sh", "/bin/bash")) {
      assertThat(sh(shell, runs(d, 0))).as(shell).isEqualTo(sh(shell, steps))
          .isEqualTo("exit 1\na\n");
    }
  }

  @Test
  void aShellErrorKeepsBashsExitStatus() throws Exception {
    // bash exits 127 on an expansion error at the top level of sh -c, 1 in a subshell
    for (String step : List.of("cd / && echo ${NOPE:?unset}", "set -u; echo $NOPE",
        "readonly R=1; export R=2", "cd / && echo $((1/0))")) {
      List<String> steps = List.of("echo a", step, "echo never");
      Dockerfile d = Dockerfile.from("debian").shell(Exec.of("/bin/bash", "-c"))
          .run(steps.get(0)).run(steps.get(1)).run(steps.get(2)).build();
      assertThat(runs(d, 0)).as(step).hasSize(2);
      assertThat(sh("/bin/bash", runs(d, 0))).as(step).isEqualTo(sh("/bin/bash", steps));
    }
  }

  @Test
  void underAnErrexitShellEveryGroupedStepEndsItsRun() throws Exception {
    List<String> steps = List.of("echo a", "cd /tmp; false; echo never", "echo b");
    Dockerfile d = Dockerfile.from("debian").shell(Exec.of("/bin/bash", "-e", "-c"))
        .run(steps.get(0)).run(steps.get(1)).run(steps.get(2)).build();
    assertThat(flat(d, 0)).containsExactly("echo a && { cd /tmp; false; echo never; }",
        "echo b");
    // bash -e -c CMD behaves as bash -c 'set -e; CMD'
    String separate = sh("/bin/bash", steps.stream().map(x -> "set -e; " + x).toList());
    String merged = sh("/bin/bash", runs(d, 0).stream().map(x -> "set -e; " + x).toList());
    assertThat(merged).isEqualTo(separate).isEqualTo("exit 1\na\n");
  }

  @Test
  void cleanupCannotFollowAStepThatTurnsOnErrexit() {
    assertThatThrownBy(() -> Dockerfile.from("debian").run(Apt.buildDeps("gcc"))
        .run("set -e; ./configure; make").build())
        .hasMessageContaining("set -e (errexit)")
        .hasMessageContaining("give it a RUN of its own");
  }

  @Test
  void theMergePassNeverPutsAnErrexitStepBeforeAnother() {
    String first = "FROM debian:12\nRUN set -e; false; echo x\nRUN echo b\n";
    assertThat(new MergeRuns().apply(DockerfileParser.parse("Dockerfile", first)).render())
        .isEqualTo(first);
    String second = "FROM debian:12\nRUN echo b\nRUN set -e; false; echo x\n";
    assertThat(new MergeRuns().apply(DockerfileParser.parse("Dockerfile", second))
        .render()).isEqualTo("FROM debian:12\nRUN echo b \\\n    && { set -e; false; echo x; }\n");
  }

  @Test
  void cleanupIsAppendedUnderErrexitOnlyAfterSimpleCommands() {
    RunInstruction simple = RunInstruction.shell(
        "set -e; apt-get update; cd /tmp && apt-get install -y x");
    assertThat(((Shell) PackageCleanup.cleanup(simple).command()).command())
        .endsWith("&& rm -rf /var/lib/apt/lists/*");
    // f's commands would lose errexit left of &&
    RunInstruction function = RunInstruction.shell(
        "set -e; f() { apt-get update; apt-get install -y x; }; f");
    assertThat(PackageCleanup.cleanup(function)).isSameAs(function);
  }
}
