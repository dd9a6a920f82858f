package io.github.dockerfiledsl.examples.it;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.examples.BusyboxExample;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The seed Dockerfiles as models, adapted to the local base images (no registry, no network but
 * the Debian mirror); the files each one copies are in {@code src/test/resources/it/<name>/}.
 * (The builder-written versions in the examples module will replace these models.)
 */
final class ItExamples {

  private ItExamples() {
  }

  /**
   * One example: a name, the resource directory of its context files, its model, and a command
   * run in the built image whose output must contain {@code expectedOutput}.
   */
  record Example(String name, String contextDir, Dockerfile dockerfile, List<String> check,
      String expectedOutput) {

    Example(String name, Dockerfile dockerfile, List<String> check, String expectedOutput) {
      this(name, name, dockerfile, check, expectedOutput);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Example> all() {
    return List.of(busyboxBasics(), busyboxBuilderExample(), redisFromSource(), django(),
        multiStage(), serviceConfig());
  }

  /**
   * The examples module's {@link BusyboxExample}, written with the builder, as it is: its base
   * image is one of the local ones. (The other builder examples pull images or download sources
   * from the internet, so they are built here in their adapted forms below.)
   */
  static Example busyboxBuilderExample() {
    return new Example("busybox-builder-example", "busybox-basics", BusyboxExample.dockerfile(),
        List.of("cat", "/test/temfile2", "/test/temfile3.txt"), "second file\nthird file\n");
  }

  /** The seed's "my dockerfile": WORKDIR, RUN, COPY, ADD of a tar.gz (unpacked), ENV. */
  static Example busyboxBasics() {
    return new Example("busybox-basics", single("busybox:latest",
        Comment.of(" seed: FROM busybox, MAINTAINER (as a label), WORKDIR, RUN, COPY, ADD, ENV"),
        LabelInstruction.of("maintainer", "easy@home.com"),
        WorkdirInstruction.of("/test"),
        RunInstruction.shell("touch tmpfile1"),
        CopyInstruction.of("temfile2", "."),
        AddInstruction.of("temfile3.tar.gz", "."),
        EnvInstruction.of("WELCOME", "welcome")),
        List.of("cat", "/test/temfile2", "/test/temfile3.txt"), "second file\nthird file\n");
  }

  /**
   * The seed's redis lesson: build from source in one RUN that installs the build dependencies,
   * builds, installs, removes the sources and purges the dependencies; the source comes from the
   * context instead of a download.
   */
  static Example redisFromSource() {
    return new Example("redis-from-source", single("debian:bookworm-slim",
        CopyInstruction.of(List.of("kvd.c", "Makefile"), "/usr/src/kvd/"),
        RunInstruction.of(Shell.chain(
            "buildDeps='gcc libc6-dev make'",
            "apt-get update",
            "apt-get install -y $buildDeps",
            "make -C /usr/src/kvd",
            "make -C /usr/src/kvd install",
            "rm -r /usr/src/kvd",
            "apt-get purge -y --auto-remove $buildDeps",
            "rm -rf /var/lib/apt/lists/*")),
        ExposeInstruction.of(6379),
        CmdInstruction.of(Exec.of("kvd"))),
        List.of("kvd"), "kvd 1.0");
  }

  /** The seed's Django example (FROM python:3.4), on Debian's python3; pip installs nothing. */
  static Example django() {
    return new Example("django", single("debian:bookworm-slim",
        EnvInstruction.of("PIP_BREAK_SYSTEM_PACKAGES", "1"),
        RunInstruction.of(Shell.chain(
            "apt-get update",
            "apt-get install -y --no-install-recommends python3 python3-pip postgresql-client",
            "rm -rf /var/lib/apt/lists/*")),
        WorkdirInstruction.of("/usr/src/app"),
        CopyInstruction.of("requirements.txt", "./"),
        RunInstruction.shell("pip install --no-index -r requirements.txt"),
        CopyInstruction.of(".", "."),
        ExposeInstruction.of(8000),
        CmdInstruction.of(Exec.of("python3", "manage.py", "runserver", "0.0.0.0:8000"))),
        List.of("python3", "-c", "import http.server; print('python ok')"), "python ok");
  }

  /** The seed's multi-stage build: a static binary built on Debian, copied into busybox. */
  static Example multiStage() {
    Stage builder = Stage.of(FromInstruction.of("debian:bookworm-slim").withName("builder"),
        List.of(
            RunInstruction.of(Shell.chain(
                "apt-get update",
                "apt-get install -y --no-install-recommends gcc libc6-dev",
                "rm -rf /var/lib/apt/lists/*")),
            WorkdirInstruction.of("/src"),
            CopyInstruction.of("app.c", "."),
            RunInstruction.shell("gcc -static -O2 -o app app.c")));
    Stage runtime = Stage.of(FromInstruction.of("busybox:latest"), List.of(
        WorkdirInstruction.of("/root/"),
        CopyInstruction.of("/src/app", ".").withFrom("builder"),
        CmdInstruction.of(Exec.of("./app"))));
    return new Example("multi-stage", Dockerfile.of(builder, runtime), List.of("/root/app"),
        "hello from a static binary");
  }

  /** Every configuration instruction at once: ENV, LABEL, USER, WORKDIR, EXPOSE, VOLUME, ... */
  static Example serviceConfig() {
    return new Example("service-config", single("busybox:latest",
        new EnvInstruction(List.of(KeyValue.of("APP_HOME", "/srv/app"),
            KeyValue.of("APP_MODE", "production"))),
        new LabelInstruction(List.of(KeyValue.of("org.opencontainers.image.title", "service"),
            KeyValue.of("org.opencontainers.image.version", "1.0"))),
        RunInstruction.shell("mkdir -p /srv/app /data && chown nobody /data"),
        CopyInstruction.of("start.sh", "/usr/local/bin/start.sh").withChmod("755"),
        WorkdirInstruction.of("/srv"),
        WorkdirInstruction.of("app"),
        UserInstruction.of("nobody"),
        EnvInstruction.of("APP_HOME", "/srv/app/current"),
        new ExposeInstruction(List.of("8080", "53/udp")),
        new VolumeInstruction(List.of("/data"), true),
        new HealthcheckInstruction(
            Optional.of(Shell.of("wget -q -O /dev/null http://localhost:8080/ || exit 1")),
            Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofSeconds(5)),
            Optional.of(Duration.ofSeconds(10)), Optional.empty(), OptionalInt.of(3)),
        StopsignalInstruction.of("SIGQUIT"),
        EntrypointInstruction.of(Exec.of("/usr/local/bin/start.sh")),
        CmdInstruction.of(Exec.of("httpd", "-f", "-p", "8080"))),
        List.of("/usr/local/bin/start.sh", "echo", "started"), "started");
  }

  private static Dockerfile single(String image, Instruction... body) {
    return Dockerfile.of(Stage.of(FromInstruction.of(image), List.of(body)));
  }
}
