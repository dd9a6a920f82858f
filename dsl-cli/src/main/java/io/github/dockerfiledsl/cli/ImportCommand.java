package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.yaml.YamlSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: converts Dockerfiles to YAML specs, losslessly. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Converts Dockerfiles to YAML specs (comments, blank lines and heredocs kept): render of"
          + " the spec gives fmt of the Dockerfile.",
      "Prints the spec of one FILE, or writes DIR/<path>.yaml for each FILE with --out-dir."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out-dir", paramLabel = "DIR",
      description = "Write one spec per FILE below DIR (a relative FILE keeps its folders).")
  Path outDir;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    if (outDir == null && files.size() > 1) {
      throw new Failure("dockerfile-dsl: import prints one FILE; use --out-dir DIR for several");
    }
    Batch batch = new Batch();
    String single = null;
    for (String f : files) {
      try {
        String yaml = YamlSpec.write(Inputs.dockerfile(f));
        if (outDir == null) {
          single = yaml;
        } else {
          String name = f.equals(Io.STDIN) ? "stdin" : Path.of(f).getFileName().toString();
          batch.output(Batch.target(outDir, f, name + ".yaml"), yaml, f, outDir);
        }
      } catch (Failure e) {
        batch.error(e.getMessage());
      }
    }
    int status = batch.finish(spec.commandLine().getErr());
    if (status == Main.EXIT_OK && single != null) {
      spec.commandLine().getOut().print(single);
      spec.commandLine().getOut().flush();
    }
    return status;
  }
}
