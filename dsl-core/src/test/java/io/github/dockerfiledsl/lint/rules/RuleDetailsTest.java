package io.github.dockerfiledsl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.lint.Finding;
import io.github.dockerfiledsl.lint.Linter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Edge cases of single rules beyond their fixtures. */
class RuleDetailsTest {

  private static List<String> messages(String id, Dockerfile d) {
    return Linter.defaults().only(id).lint(d).findings(id).stream().map(Finding::message).toList();
  }

  private static Stage stage(String image, Instruction... body) {
    return Stage.of(FromInstruction.of(image), List.of(body));
  }

  @Test
  void undefinedVarFollowsArgAndEnvScoping() {
    Dockerfile d = Dockerfile.model(List.of(), List.of(ArgInstruction.of("VERSION", "1")), List.of(
        Stage.of(FromInstruction.of("scratch").withName("base"), List.of(
            WorkdirInstruction.of("/v$VERSION"),
            ArgInstruction.of("VERSION"),
            WorkdirInstruction.of("/v$VERSION"),
            EnvInstruction.of("HOME_DIR", "/home"))),
        Stage.of(FromInstruction.of("base"), List.of(
            WorkdirInstruction.of("$HOME_DIR"),
            WorkdirInstruction.of("${OTHER:-/x}"),
            WorkdirInstruction.of("$HOME_DIRS")))));
    assertThat(messages("DF011", d)).containsExactly(
        "variable 'VERSION' used in WORKDIR is not defined; it is declared later in the stage",
        "variable 'HOME_DIRS' used in WORKDIR is not defined; did you mean 'HOME_DIR'?");
  }

  @Test
  void undefinedVarTrustsTheBaseImageForUnknownNames() {
    Dockerfile d = Dockerfile.of(stage("golang:1.22", WorkdirInstruction.of("$GOPATH/src")));
    assertThat(messages("DF011", d)).isEmpty();
  }

  @Test
  void deletedInLaterLayerFollowsTheWorkdirAndDirectories() {
    Dockerfile d = Dockerfile.of(stage("node:22",
        WorkdirInstruction.of("/app"),
        CopyInstruction.of("fixtures/", "./fixtures/"),
        CopyInstruction.of(".", "."),
        RunInstruction.shell("npm ci && curl -o x.tgz https://example.com/x.tgz && rm x.tgz"),
        RunInstruction.shell("rm -rf /app/fixtures/ build")));
    assertThat(messages("DF201", d)).containsExactly(
        "'/app/fixtures/' added by an earlier COPY is deleted in a later layer; the image does not"
            + " shrink (delete it in the same RUN, or use a multi-stage build or a bind mount)");
  }

  @Test
  void cacheMountExemptsPackageCacheRules() {
    RunInstruction run = RunInstruction.shell("apk add curl=8.9.1-r2").withMounts(List.of(
        new io.github.dockerfiledsl.instruction.Mount.Cache("/var/cache/apk", java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), false,
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty())));
    assertThat(messages("DF104", Dockerfile.of(stage("alpine:3.20", run)))).isEmpty();
  }

  @Test
  void aptListsOnlyMatterInShippedStages() {
    Dockerfile d = Dockerfile.model(List.of(), List.of(), List.of(
        Stage.of(FromInstruction.of("debian:12").withName("build"),
            List.of(RunInstruction.shell("apt-get update && apt-get install -y --no-install-recommends gcc"))),
        stage("debian:12", CopyInstruction.of("/out", "/out").withFrom("build"))));
    assertThat(messages("DF101", d)).isEmpty();
  }

  @Test
  void mergedRunKeepsLinesAndFlags() {
    RunInstruction a = RunInstruction.of(Shell.lines("apt-get update ", "    && apt-get install -y curl"));
    RunInstruction b = RunInstruction.shell("rm -rf /var/lib/apt/lists/*");
    RunInstruction or = RunInstruction.shell("a || b");
    RunInstruction note = RunInstruction.shell("echo a # note");
    Dockerfile d = Dockerfile.model(List.of(), List.of(),
        List.of(Stage.of(FromInstruction.of("debian:12"), List.of(a, b, or, note))));
    assertThat(Edit.canMerge(d, a, b)).isTrue();
    assertThat(((Shell) Edit.mergedRun(d, a, b).command()).lines()).containsExactly(
        "apt-get update ", "    && apt-get install -y curl ", "    && rm -rf /var/lib/apt/lists/*");
    // a || b after a chain binds as (chain) || b: it runs in a subshell
    assertThat(Edit.canMerge(d, a, or)).isTrue();
    assertThat(((Shell) Edit.mergedRun(d, a, or).command()).command()).endsWith("&& ( a || b )");
    // a comment would swallow the command after it
    assertThat(Edit.canMerge(d, note, b)).isFalse();
    assertThat(Edit.canMerge(d, b, note)).isFalse();
  }

  @Test
  void secretNamesAreSplitIntoWords() {
    assertThat(SecretsUsedInArgOrEnv.looksSecret("AWS_SECRET_ACCESS_KEY")).isTrue();
    assertThat(SecretsUsedInArgOrEnv.looksSecret("github_Token")).isTrue();
    assertThat(SecretsUsedInArgOrEnv.looksSecret("githubToken")).isFalse();
    assertThat(SecretsUsedInArgOrEnv.looksSecret("MONKEY")).isFalse();
    assertThat(SecretsUsedInArgOrEnv.looksSecret("GPG_PUBLIC_KEY")).isFalse();
  }

  @Test
  void dockerignorePatternsFollowGoMatchWithDoubleStar() {
    // the rule now uses build.DockerIgnore (see DockerIgnoreTest for the ported cases)
    var ignore = io.github.dockerfiledsl.build.DockerIgnore.of(java.util.List.of("**/*.log"));
    assertThat(ignore.matches("a/b/c.log")).isTrue();
    assertThat(ignore.matches("c.log")).isTrue();
    assertThat(io.github.dockerfiledsl.build.DockerIgnore.of(java.util.List.of("*.txt"))
        .matches("a/c.txt")).isFalse();
  }
}
