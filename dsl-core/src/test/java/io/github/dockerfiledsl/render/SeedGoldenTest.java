package io.github.dockerfiledsl.render;

import static io.github.dockerfiledsl.render.Golden.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The five seed Dockerfiles, built from the model records and rendered to golden files under
 * {@code src/test/resources/golden/SeedGoldenTest}.
 */
class SeedGoldenTest {

  private static Stage stage(FromInstruction from, Instruction... body) {
    return Stage.of(from, List.of(body));
  }

  private static final BlankLine BLANK = BlankLine.INSTANCE;

  /** Seed 1: the Django application image, with its blank-line groups. */
  static Dockerfile djangoModel() {
    return Dockerfile.of(stage(FromInstruction.of("python:3.4"),
        BLANK,
        RunInstruction.of(Shell.lines(
            "apt-get update ",
            "    && apt-get install -y --no-install-recommends ",
            "        postgresql-client ",
            "    && rm -rf /var/lib/apt/lists/*")),
        BLANK,
        WorkdirInstruction.of("/usr/src/app"),
        CopyInstruction.of("requirements.txt", "./"),
        RunInstruction.shell("pip install -r requirements.txt"),
        CopyInstruction.of(".", "."),
        BLANK,
        ExposeInstruction.of(8000),
        CmdInstruction.of(Exec.of("python", "manage.py", "runserver", "0.0.0.0:8000"))));
  }

  @Test
  void django() {
    assertGolden(SeedGoldenTest.class, "django", djangoModel().render());
  }

  /** Seed 2: redis built from source in one RUN chain. */
  static Dockerfile redisModel() {
    return Dockerfile.of(stage(FromInstruction.of("debian:stretch"),
        BLANK,
        RunInstruction.of(Shell.chain(
            "buildDeps='gcc libc6-dev make wget'",
            "apt-get update",
            "apt-get install -y $buildDeps",
            "wget -O redis.tar.gz \"http://download.redis.io/releases/redis-5.0.3.tar.gz\"",
            "mkdir -p /usr/src/redis",
            "tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1",
            "make -C /usr/src/redis",
            "make -C /usr/src/redis install",
            "rm -rf /var/lib/apt/lists/*",
            "rm redis.tar.gz",
            "rm -r /usr/src/redis",
            "apt-get purge -y --auto-remove $buildDeps"))));
  }

  @Test
  void redis() {
    assertGolden(SeedGoldenTest.class, "redis", redisModel().render());
  }

  /** Seed 3: the Go href-counter, built in one stage and copied by index into the next. */
  static Dockerfile hrefCounterModel() {
    Stage build = Stage.of(
        List.of(Comment.of("FROM golang:latest as builder")),
        FromInstruction.of("golang:latest"),
        List.of(
            WorkdirInstruction.of("/go/src/github.com/sparkdevo/href-counter/"),
            RunInstruction.shell("go get -d -v golang.org/x/net/html"),
            CopyInstruction.of("app.go", "."),
            RunInstruction.shell(
                "CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .")));
    Stage run = stage(FromInstruction.of("alpine:latest"),
        RunInstruction.shell("apk --no-cache add ca-certificates"),
        WorkdirInstruction.of("/root/"),
        Comment.of("COPY --from=builder /go/src/github.com/sparkdevo/href-counter/app ."),
        CopyInstruction.of("/go/src/github.com/sparkdevo/href-counter/app", ".").withFrom("0"),
        CmdInstruction.of(Exec.of("./app")));
    return Dockerfile.of(build, run);
  }

  @Test
  void hrefCounter() {
    assertGolden(SeedGoldenTest.class, "hrefCounter", hrefCounterModel().render());
  }

  /** Seed 4: kubectl copied straight from an image by reference. */
  static Dockerfile kubectlModel() {
    return Dockerfile.of(stage(FromInstruction.of("alpine:3.19"),
        CopyInstruction.of("/usr/local/bin/kubectl", "/usr/local/bin/kubectl")
            .withFrom("lachlanevenson/k8s-kubectl:v1.10.3"),
        EntrypointInstruction.of(Exec.of("kubectl"))));
  }

  @Test
  void kubectl() {
    assertGolden(SeedGoldenTest.class, "kubectl", kubectlModel().render());
  }

  /** Seed 5: the busybox example with MAINTAINER, JSON-form COPY/ADD and a legacy ENV. */
  static Dockerfile busyboxModel() {
    return Dockerfile.model(List.of(), List.of(), List.of(Stage.of(
        List.of(Comment.of("my dockerfile")),
        FromInstruction.of("busybox"),
        List.of(
            new MaintainerInstruction("easy@home.com"),
            WorkdirInstruction.of("/test"),
            RunInstruction.shell("touch tmpfile1"),
            new CopyInstruction(List.of("temfile2"), ".", List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, false, List.of(), true),
            new AddInstruction(List.of("temfile3.tar.gz"), ".", List.of(), Optional.empty(),
                Optional.empty(), false, false, Optional.empty(), Optional.empty(), List.of(),
                true),
            EnvInstruction.of("WELCOME", "welcome")))));
  }

  @Test
  void busybox() {
    assertGolden(SeedGoldenTest.class, "busybox", busyboxModel().render());
  }

  @Test
  void goldenMismatchFailsWithALineDiff() {
    String rendered = busyboxModel().render();
    assertThatThrownBy(() -> Golden.compare("busybox", rendered,
        rendered.replace("WORKDIR /test", "WORKDIR /tmp")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("- WORKDIR /test")
        .hasMessageContaining("+ WORKDIR /tmp")
        .hasMessageContaining("  FROM busybox");
  }

  @Test
  void diffShowsTrailingBlanksAndMissingFinalLineBreak() {
    assertThat(Golden.diff("a\nb\n", "a \nb"))
        .isEqualTo("- a\n- b\n+ a \u00b7\n+ b\\ (no line break at end)\n");
  }
}
