package io.github.dockerfiledsl.examples.bench;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dockerfiles of the image benchmark ({@code scripts/bench-images.sh}), as models: for each
 * example a naive one (one RUN per step, no cleanup) and a merged one (one RUN chain that ends
 * with package-manager cleanup, as the DSL renders it). Both install the same packages with the
 * same flags, so they differ by merging and cleanup alone.
 *
 * <p>{@link #main(String[])} writes {@code <dir>/<example>/{naive,merged}.Dockerfile}.
 */
public final class BenchDockerfiles {

  /** The base image of every example, made locally by {@code scripts/setup-buildah.sh}. */
  public static final String BASE = "debian:bookworm-slim";

  private BenchDockerfiles() {
  }

  /**
   * One benchmark example.
   *
   * @param name the example's directory name under {@code scripts/bench}
   * @param naive one RUN per step, no cleanup
   * @param merged the steps merged into one RUN chain ending with cleanup
   */
  public record Example(String name, Dockerfile naive, Dockerfile merged) {
  }

  /**
   * Returns every example: curl, django-like and redis-like.
   *
   * @return the examples
   */
  public static List<Example> all() {
    return List.of(curl(), djangoLike(), redisLike());
  }

  /**
   * Returns the curl example: {@code apt-get update} and {@code apt-get install -y curl}.
   *
   * @return the example
   */
  public static Example curl() {
    List<Instruction> tail = List.of(CmdInstruction.of(Exec.of("curl", "--version")));
    return new Example("curl",
        image(List.of(), List.of("apt-get update", "apt-get install -y curl"), tail, false),
        image(List.of(), List.of("apt-get update", "apt-get install -y curl"), tail, true));
  }

  /**
   * Returns the django-like example: python3 and postgresql-client, then the app copied in.
   *
   * @return the example
   */
  public static Example djangoLike() {
    List<Instruction> tail = List.of(
        WorkdirInstruction.of("/usr/src/app"),
        CopyInstruction.of("app.py", "./"),
        ExposeInstruction.of(8000),
        CmdInstruction.of(Exec.of("python3", "app.py")));
    return new Example("django-like",
        image(List.of(), List.of("apt-get update", "apt-get install -y python3",
            "apt-get install -y postgresql-client"), tail, false),
        image(List.of(), List.of("apt-get update",
            "apt-get install -y python3 postgresql-client"), tail, true));
  }

  /**
   * Returns the redis-like example: the seed's build-from-source, with a C program from the
   * context instead of a download; merged, it also removes the sources and purges the build
   * dependencies.
   *
   * @return the example
   */
  public static Example redisLike() {
    List<Instruction> head = List.of(CopyInstruction.of(List.of("kvd.c", "Makefile"),
        "/usr/src/kvd/"));
    List<Instruction> tail = List.of(ExposeInstruction.of(6379), CmdInstruction.of(Exec.of("kvd")));
    Dockerfile naive = image(head, List.of("apt-get update",
        "apt-get install -y gcc libc6-dev make", "make -C /usr/src/kvd",
        "make -C /usr/src/kvd install"), tail, false);
    List<Instruction> body = new ArrayList<>(head);
    body.add(RunInstruction.of(Shell.chain(
        "buildDeps='gcc libc6-dev make'",
        "apt-get update",
        "apt-get install -y $buildDeps",
        "make -C /usr/src/kvd",
        "make -C /usr/src/kvd install",
        "rm -r /usr/src/kvd",
        "apt-get purge -y --auto-remove $buildDeps",
        "rm -rf /var/lib/apt/lists/*")));
    body.addAll(tail);
    return new Example("redis-like", naive, Dockerfile.of(Stage.of(FromInstruction.of(BASE),
        body)));
  }

  private static Dockerfile image(List<Instruction> head, List<String> steps,
      List<Instruction> tail, boolean merged) {
    List<Instruction> body = new ArrayList<>(head);
    if (merged) {
      List<String> chain = new ArrayList<>(steps);
      chain.add("rm -rf /var/lib/apt/lists/*");
      body.add(RunInstruction.of(Shell.chain(chain)));
    } else {
      steps.forEach(s -> body.add(RunInstruction.shell(s)));
    }
    body.addAll(tail);
    return Dockerfile.of(Stage.of(FromInstruction.of(BASE), body));
  }

  /**
   * Writes every example's two Dockerfiles under a directory.
   *
   * @param args one argument, the directory (default {@code scripts/bench})
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "scripts/bench");
    for (Example e : all()) {
      Path d = Files.createDirectories(dir.resolve(e.name()));
      Files.writeString(d.resolve("naive.Dockerfile"), e.naive().render(),
          StandardCharsets.UTF_8);
      Files.writeString(d.resolve("merged.Dockerfile"), e.merged().render(),
          StandardCharsets.UTF_8);
      System.out.println("wrote " + d.resolve("naive.Dockerfile") + " and merged.Dockerfile");
    }
  }
}
