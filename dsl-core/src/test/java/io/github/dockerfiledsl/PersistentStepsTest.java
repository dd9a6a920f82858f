package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Steps are persistent: a kept step can be branched, and no branch sees another's calls. */
class PersistentStepsTest {

  @Test
  void variantsOfAKeptStepDoNotLeakIntoEachOther() {
    StageStep common = Dockerfile.from("alpine").workdir("/app");
    Dockerfile a = common.env("A", "1").build();
    Dockerfile b = common.env("B", "1").build();
    assertThat(a.render()).isEqualTo("FROM alpine\nWORKDIR /app\nENV A=1\n");
    assertThat(b.render()).isEqualTo("FROM alpine\nWORKDIR /app\nENV B=1\n");
    assertThat(common.build().render()).isEqualTo("FROM alpine\nWORKDIR /app\n");
  }

  @Test
  void aSecondAsThroughAKeptStepNamesANewStage() {
    FromStep from = Dockerfile.from("alpine");
    StageStep first = from.as("first");
    StageStep second = from.as("second");
    assertThat(first.run("true").build().render()).isEqualTo("FROM alpine AS first\nRUN true\n");
    assertThat(second.build().render()).isEqualTo("FROM alpine AS second\n");
  }

  @Test
  void runChainsBranchWithoutSharingCleanup() {
    RunStep make = Dockerfile.from("debian").run("make");
    assertThat(make.cleanup("rm -rf /src").build().render())
        .isEqualTo("FROM debian\nRUN make \\\n    && rm -rf /src\n");
    assertThat(make.run("make install").build().render())
        .isEqualTo("FROM debian\nRUN make \\\n    && make install\n");
    assertThat(make.layer().run("ls").build().render())
        .isEqualTo("FROM debian\nRUN make\nRUN ls\n");
  }

  @Test
  void aCastCannotReachWhatTheTypesDoNotAllow() {
    Object run = Dockerfile.from("alpine").run("make");
    assertThat(run).isInstanceOf(RunStep.class).isNotInstanceOf(FromStep.class)
        .isNotInstanceOf(AsStep.class).isNotInstanceOf(CleanupStep.class);
    assertThatThrownBy(() -> ((FromStep) run).platform("linux/amd64"))
        .isInstanceOf(ClassCastException.class);
    Object cleaned = Dockerfile.from("alpine").run("make").cleanup("rm -rf /src");
    assertThat(cleaned).isInstanceOf(CleanupStep.class).isNotInstanceOf(StageStep.class);
    assertThatThrownBy(() -> ((StageStep) cleaned).run("echo"))
        .isInstanceOf(ClassCastException.class);
    Object single = Dockerfile.from("alpine").run(Run.script("make"));
    assertThat(single).isInstanceOf(StageStep.class).isNotInstanceOf(RunStep.class);
    Object named = Dockerfile.from("alpine").as("a");
    assertThat(named).isNotInstanceOf(AsStep.class);
  }

  @Test
  void aBaseDefinitionWithVariantsAsStages() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep base = df.from("python:3.12-slim").as("base").workdir("/app").copy(".", ".");
    StageRef baseRef = base.end();
    Dockerfile dev = df.from(baseRef).as("dev").run("pip install -e .[dev]").build();
    assertThat(dev.render()).isEqualTo("""
        FROM python:3.12-slim AS base
        WORKDIR /app
        COPY . .

        FROM base AS dev
        RUN pip install --no-cache-dir -e .[dev]
        """);
    // the second variant does not contain the first, which was never given a handle
    Dockerfile prod = df.from(baseRef).as("prod").user("nobody").build();
    assertThat(prod.render()).isEqualTo("""
        FROM python:3.12-slim AS base
        WORKDIR /app
        COPY . .

        FROM base AS prod
        USER nobody
        """);
  }

  @Test
  void endReturnsOneHandlePerStep() {
    StageStep s = Dockerfile.from("alpine").run("true").layer();
    assertThat(s.end()).isSameAs(s.end());
  }

  @Test
  void aCommentAfterTheLastStageIsKept() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep s = df.from("alpine").run("true");
    df.comment("the end");
    assertThat(s.build().render()).isEqualTo("FROM alpine\nRUN true\n# the end\n");
  }

  @Test
  void aRejectedValueLeavesTheStepUsable() {
    StageStep s = Dockerfile.from("alpine").workdir("/app");
    assertThatThrownBy(() -> s.label("a=b", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a=b'");
    assertThat(s.label("a", "v").build().render()).isEqualTo("FROM alpine\nWORKDIR /app\nLABEL a=v\n");
  }

  @Test
  void rejectsAtTheCallWhatWouldNotRender() {
    StageStep s = Dockerfile.from("alpine");
    assertThatThrownBy(() -> s.run("echo \\")).hasMessageContaining("'echo \\'");
    assertThatThrownBy(() -> s.run("cat <<EOF")).hasMessageContaining("'cat <<EOF'");
    assertThatThrownBy(() -> Dockerfile.from("alpine").platform("linux amd64"))
        .hasMessageContaining("'linux amd64'");
    assertThatThrownBy(() -> s.copy(Copy.of("a", "b").chown("a b"))).hasMessageContaining("'a b'");
    assertThatThrownBy(() -> s.copy(Copy.of("a", "b").exclude("a b")))
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> s.add(Add.of("a", "b").checksum("sha256:a b")))
        .hasMessageContaining("'sha256:a b'");
    assertThatThrownBy(() -> s.run(Run.of("x").mount(io.github.dockerfiledsl.instruction.Mount
        .secret("a,b")))).hasMessageContaining("'a,b'");
    assertThatThrownBy(() -> s.run(Run.of("x").device("a b"))).hasMessageContaining("'a b'");
    assertThatThrownBy(() -> s.env("A", "a\0b"))
        .hasMessageContaining("\\u0000").hasMessageContaining("NUL");
    // a value longer than BuildKit's 65535-byte line is split with continuations, which BuildKit
    // joins again: accepted, and every physical line stays within the limit
    Dockerfile longValue = s.env("A", "x".repeat(70000)).build();
    assertThat(Dockerfile.parse(longValue.render())).isEqualTo(longValue);
    assertThat(longValue.render().lines()).allMatch(l -> l.length() <= 65535);
    assertThatThrownBy(() -> Healthcheck.of(Exec.empty())).hasMessageContaining("CMD []");
    assertThatThrownBy(() -> Healthcheck.of(Shell.of("true")).interval(java.time.Duration.ZERO))
        .hasMessageStartingWith("interval (PT0S) must be at least 1ms");
  }

  @Test
  void stageReferencesByIndexAreCheckedByBuild() {
    DockerfileBuilder df = Dockerfile.builder();
    df.from("golang").run("go build").end();
    StageStep s = df.from("alpine").copy(Copy.of("/app", "/app").fromContext("0"));
    assertThat(s.build().render()).endsWith("FROM alpine\nCOPY --from=0 /app /app\n");
    StageStep self = Dockerfile.from("alpine").copy(Copy.of("/app", "/app").fromContext("0"));
    assertThatThrownBy(self::build).hasMessageContaining("must name an earlier stage");
  }

  @Test
  void escapeMustComeBeforeTheFirstFrom() {
    DockerfileBuilder df = Dockerfile.builder();
    df.from("alpine");
    assertThatThrownBy(() -> df.escape('`'))
        .hasMessageStartingWith("escape('`') must come before the first from(..)");
  }

  private static final String TAKEN =
      "name ('%s') must be unique, but an earlier stage of this Dockerfile has it";

  @Test
  void branchesDoNotSeeEachOthersStageNames() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep base = df.from("alpine").as("base").workdir("/app");
    StageStep left = base.from("debian").as("left").workdir("/l");
    // another branch from the same step may use the name: it never sees the left branch
    StageStep right = base.from("debian").as("left").workdir("/r");
    StageStep leftNext = left.from("debian").as("next");
    StageStep rightNext = right.from("debian").as("next");
    assertThat(leftNext.build().render()).isEqualTo("""
        FROM alpine AS base
        WORKDIR /app

        FROM debian AS left
        WORKDIR /l

        FROM debian AS next
        """);
    assertThat(rightNext.build().render()).contains("WORKDIR /r").doesNotContain("WORKDIR /l");
    // each branch still sees the names before it in its own chain
    assertThatThrownBy(() -> left.from("debian").as("base")).hasMessage(TAKEN, "base");
    assertThatThrownBy(() -> right.from("debian").as("left")).hasMessage(TAKEN, "left");
    assertThatThrownBy(() -> rightNext.from("debian").as("base")).hasMessage(TAKEN, "base");
    // the base itself, kept before any branch, sees none of them
    assertThat(base.from("debian").as("next").build().render()).contains("AS next");
  }

  @Test
  void endedStagesAndTheirChainsAreVisibleToEveryBranch() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep first = df.from("alpine").as("first");
    StageStep second = first.from("alpine").as("second");
    StageStep other = df.from("debian").as("other");
    assertThat(other.from("debian").as("second").build().render()).contains("AS second");
    second.end();
    // ending the second stage makes it, and the first one before it, visible everywhere
    assertThatThrownBy(() -> other.from("debian").as("second")).hasMessage(TAKEN, "second");
    assertThatThrownBy(() -> other.from("debian").as("first")).hasMessage(TAKEN, "first");
    assertThatThrownBy(() -> df.from("debian").as("first")).hasMessage(TAKEN, "first");
    assertThat(df.from("debian").as("third").build().render()).contains("AS third");
  }

  @Test
  void stageNamesCompareWithoutCase() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep a = df.from("alpine").as("build");
    // an upper-case name is rejected before the uniqueness check, whatever its case
    assertThatThrownBy(() -> a.from("alpine").as("BUILD")).hasMessageContaining("'BUILD'");
  }
}
