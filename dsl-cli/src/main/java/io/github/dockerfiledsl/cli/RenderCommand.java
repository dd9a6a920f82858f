package io.github.dockerfiledsl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code render}: converts YAML specs to canonical Dockerfiles. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Renders YAML specs as canonical Dockerfiles.",
      "Prints the Dockerfile of one SPEC, writes it to FILE with -o, or writes one Dockerfile per"
          + " SPEC below DIR with --out-dir (x.yaml gives x.Dockerfile, Dockerfile.yaml gives"
          + " Dockerfile)."
    })
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class Target {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the Dockerfile to FILE (atomically).")
    Path output;

    @Option(names = "--out-dir", paramLabel = "DIR",
        description = "Write one Dockerfile per SPEC below DIR.")
    Path outDir;
  }

  @ArgGroup(exclusive = true)
  Target target = new Target();

  @Parameters(paramLabel = "SPEC", arity = "1..*", description = "YAML specs ('-' for stdin).")
  List<String> specs;

  @Override
  public Integer call() {
    if (target.outDir == null && specs.size() > 1) {
      throw new Failure("dockerfile-dsl: render takes one SPEC; use --out-dir DIR for several");
    }
    Batch batch = new Batch();
    String single = null;
    for (String s : specs) {
      try {
        String text = Inputs.render(s, Inputs.spec(s));
        if (target.outDir != null) {
          batch.output(Batch.target(target.outDir, s, outputName(s)), text, s, target.outDir);
        } else if (target.output != null) {
          batch.output(target.output, text, s);
        } else {
          single = text;
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

  /**
   * Returns the Dockerfile name for a spec: the extension goes, and {@code .Dockerfile} is added
   * unless the name already says Dockerfile.
   */
  static String outputName(String spec) {
    String name = spec.equals(Io.STDIN) ? "stdin" : Path.of(spec).getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml")) {
      name = name.substring(0, name.length() - 5);
    } else if (lower.endsWith(".yml")) {
      name = name.substring(0, name.length() - 4);
    } else if (lower.endsWith(".json")) {
      name = name.substring(0, name.length() - 5);
    }
    return name.toLowerCase(Locale.ROOT).contains("dockerfile") ? name : name + ".Dockerfile";
  }
}
