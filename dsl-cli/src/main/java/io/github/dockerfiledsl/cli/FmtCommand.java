package io.github.dockerfiledsl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmt}: prints, rewrites or checks the canonical form of Dockerfiles. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Formats Dockerfiles canonically (comments, blank lines and heredocs kept).",
      "Prints the canonical text of one FILE, rewrites files in place with -w, or checks them"
          + " with --check."
    })
final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-w", "--write"}, description = "Rewrite each FILE in place (atomically).")
  boolean write;

  @Option(names = "--check", description = "Exit 1 if any FILE is not canonical; write nothing.")
  boolean check;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (write && check) {
      throw new Failure("dockerfile-dsl: fmt: -w and --check cannot be combined");
    }
    if (!write && !check && files.size() > 1) {
      throw new Failure("dockerfile-dsl: fmt prints one FILE; use -w to rewrite several or"
          + " --check to check them");
    }
    if (write && files.contains(Io.STDIN)) {
      throw new Failure("dockerfile-dsl: fmt -w cannot rewrite standard input");
    }
    Batch batch = new Batch();
    boolean unformatted = false;
    String single = null;
    for (String f : files) {
      try {
        String original = Io.read(f, Main.stdin);
        String formatted = Inputs.render(f, Inputs.dockerfile(f));
        if (check) {
          if (!formatted.equals(original)) {
            unformatted = true;
            err.println(Terminal.safe(Io.displayName(f)) + ": not in canonical format");
          }
        } else if (write) {
          if (!formatted.equals(original)) {
            batch.output(Path.of(f), formatted, f);
          }
        } else {
          single = formatted;
        }
      } catch (Failure e) {
        batch.error(e.getMessage());
      }
    }
    int status = batch.finish(err);
    if (status != Main.EXIT_OK) {
      return status;
    }
    if (single != null) {
      var out = spec.commandLine().getOut();
      out.print(single);
      out.flush();
    }
    return unformatted ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }
}
