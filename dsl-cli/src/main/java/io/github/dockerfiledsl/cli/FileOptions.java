package io.github.dockerfiledsl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code fmt} and {@code lint} share: inputs, exclusions and configuration. */
final class FileOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Use this configuration file for every FILE instead of the nearest"
          + " .dockerfile-dsl.yaml above it.")
  Path config;

  @Option(names = "--no-config",
      description = "Read no configuration file (.dockerfile-dsl.yaml, .hadolint.yaml).")
  boolean noConfig;

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Skip files and directories matching GLOB (.gitignore syntax, relative to"
          + " the working directory); repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--stdin-filepath", paramLabel = "NAME",
      description = "Read the Dockerfile from standard input, report it as NAME and use the"
          + " configuration that applies to NAME.")
  String stdinFilepath;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Dockerfiles or directories to walk ('-' for standard input).")
  List<String> files = new ArrayList<>();

  /** One input: where it is read from and the name it is reported as. */
  record Unit(String source, String name, Path path) {
    boolean isStdin() {
      return source.equals(Io.STDIN);
    }
  }

  /**
   * Returns the inputs, directories walked.
   *
   * @param walker the expander (its errors are the caller's to report)
   * @return the units
   * @throws Failure for a usage mistake
   */
  List<Unit> units(Sources walker) {
    List<Unit> out = new ArrayList<>();
    if (stdinFilepath != null) {
      if (!files.isEmpty() && !files.equals(List.of(Io.STDIN))) {
        throw new Failure("dockerfile-dsl: --stdin-filepath reads standard input; do not name"
            + " FILEs too");
      }
      if (stdinFilepath.isEmpty()) {
        throw new Failure("dockerfile-dsl: --stdin-filepath needs a file name");
      }
      out.add(new Unit(Io.STDIN, stdinFilepath, Path.of(stdinFilepath)));
      return out;
    }
    if (files.isEmpty()) {
      throw new Failure("dockerfile-dsl: Missing required parameter: 'FILE' (or"
          + " --stdin-filepath NAME)");
    }
    if (files.indexOf(Io.STDIN) != files.lastIndexOf(Io.STDIN)) {
      throw new Failure("dockerfile-dsl: standard input ('-') can be read only once");
    }
    for (String f : walker.expand(files)) {
      out.add(new Unit(f, Io.displayName(f), f.equals(Io.STDIN) ? Path.of("<stdin>") : Path.of(f)));
    }
    return out;
  }

  /**
   * Returns the configuration lookup for these options.
   *
   * @param command the command line's own settings
   * @return the lookup
   */
  Config config(Config.Layer command) {
    return new Config(config, noConfig, command);
  }
}
