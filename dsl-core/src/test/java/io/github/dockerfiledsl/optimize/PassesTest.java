package io.github.dockerfiledsl.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassesTest {

  private static Dockerfile of(Instruction... body) {
    return Dockerfile.of(Stage.of(FromInstruction.of("debian"), List.of(body)));
  }

  private static RunInstruction run(String command) {
    return RunInstruction.shell(command);
  }

  @Test
  void mergeRunsJoinsConsecutiveRunsAcrossBlankLinesAndGroupsComplexCommands() {
    Dockerfile d = of(run("apt-get update"), BlankLine.INSTANCE, run("cd /src && make"),
        run("echo a || echo b"), WorkdirInstruction.of("/x"), run("echo c"));
    assertThat(new MergeRuns().apply(d).render()).isEqualTo("""
        FROM debian
        RUN apt-get update \\
            && ( cd /src && make ) \\
            && ( echo a || echo b )
        WORKDIR /x
        RUN echo c
        """);
  }

  @Test
  void mergeRunsMovesCommentsAboveTheMergedRun() {
    Dockerfile d = of(run("echo a"), new Comment(" why"), run("echo b"));
    assertThat(new MergeRuns().apply(d).render()).isEqualTo("""
        FROM debian
        # why
        RUN echo a \\
            && echo b
        """);
  }

  @Test
  void mergeRunsKeepsRunsApartAtFlagsExecFormCommentsInCommandsAndNonPosixShells() {
    Dockerfile d = of(run("echo a"), WorkdirInstruction.of("/w"), run("echo b"),
        RunInstruction.of(Shell.of("echo c")).withMounts(List.of(Mount.cache("/c"))),
        run("echo d"), RunInstruction.of(Exec.of("echo", "e")), run("echo f # note"),
        run("echo g"), new ShellInstruction(Exec.of("pwsh", "-Command")), run("echo h"),
        run("echo i"));
    assertThat(new MergeRuns().apply(d)).isEqualTo(d);
  }

  @Test
  void mergeRunsDoesNothingToAnAlreadyMergedFile() {
    Dockerfile d = of(run("echo a"), WorkdirInstruction.of("/x"), run("echo b"));
    assertThat(new MergeRuns().apply(d)).isSameAs(d);
  }

  @Test
  void packageCleanupAddsWhatEachManagerNeeds() {
    Dockerfile d = of(
        run("apt-get update && apt-get install -y curl"),
        run("apk add git"),
        run("dnf install -y git"),
        run("microdnf install -y git"),
        run("yum install -y git"),
        run("zypper --non-interactive install git"),
        run("pip install flask"),
        run("python3 -m pip install flask"),
        run("npm ci"),
        run("yarn install"));
    assertThat(new PackageCleanup().apply(d).render()).isEqualTo("""
        FROM debian
        RUN apt-get update && apt-get install -y curl \\
            && rm -rf /var/lib/apt/lists/*
        RUN apk add --no-cache git
        RUN dnf install -y git \\
            && dnf clean all
        RUN microdnf install -y git \\
            && microdnf clean all
        RUN yum install -y git \\
            && yum clean all
        RUN zypper --non-interactive install git \\
            && zypper clean --all
        RUN pip install --no-cache-dir flask
        RUN python3 -m pip install --no-cache-dir flask
        RUN npm ci \\
            && npm cache clean --force
        RUN yarn install \\
            && yarn cache clean
        """);
  }

  @Test
  void packageCleanupLeavesCleanRunsAndCacheMountsAlone() {
    Dockerfile d = of(
        run("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"),
        run("apk --no-cache add git"),
        RunInstruction.of(Shell.of("apt-get update && apt-get install -y curl"))
            .withMounts(List.of(Mount.cache("/var/lib/apt"), Mount.cache("/var/cache/apt"))),
        RunInstruction.of(Shell.of("pip install flask"))
            .withMounts(List.of(Mount.cache("/root/.cache/pip"))),
        run("apt-get install -y curl # with a comment"),
        run("echo hi"));
    assertThat(new PackageCleanup().apply(d)).isSameAs(d);
  }

  @Test
  void packageCleanupLeavesNonPosixShellsAlone() {
    Dockerfile d = of(new ShellInstruction(Exec.of("pwsh", "-Command")), run("apt-get update"));
    assertThat(new PackageCleanup().apply(d)).isSameAs(d);
  }

  @Test
  void packageCleanupDropsATrailingSemicolonBeforeAppending() {
    Dockerfile d = of(run("apt-get update; apt-get install -y curl;"));
    assertThat(new PackageCleanup().apply(d).render()).isEqualTo("""
        FROM debian
        RUN apt-get update; apt-get install -y curl \\
            && rm -rf /var/lib/apt/lists/*
        """);
  }

  @Test
  void maintainerBecomesAnAuthorsLabelTakenLiterally() {
    Dockerfile d = of(new MaintainerInstruction("Jane $USER <jane@example.com>"));
    assertThat(new MaintainerToLabel().apply(d).render()).isEqualTo("""
        FROM debian
        LABEL org.opencontainers.image.authors="Jane \\$USER <jane@example.com>"
        """);
  }

  @Test
  void defaultsApplyAllThreeInOrder() {
    Dockerfile d = of(new MaintainerInstruction("me"), run("apt-get update"),
        run("apt-get install -y curl"));
    assertThat(Passes.apply(d, Passes.defaults()).render()).isEqualTo("""
        FROM debian
        LABEL org.opencontainers.image.authors=me
        RUN apt-get update \\
            && apt-get install -y curl \\
            && rm -rf /var/lib/apt/lists/*
        """);
    assertThat(Passes.builderDefaults()).noneMatch(p -> p instanceof MergeRuns);
  }
}
