package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.render.UnifiedDiff;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fmt}: prints, rewrites, diffs or checks the canonical form of Dockerfiles. Each file is
 * its own unit: a file that cannot be read or parsed is reported and left alone, the others are
 * formatted, and the exit status is the worst that happened.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Formats Dockerfiles canonically (comments, blank lines and heredocs kept).",
      "Prints the canonical text of one FILE, rewrites files in place with -w, shows what would"
          + " change with --diff, or checks them with --check. Directories are walked for"
          + " Dockerfiles, honouring .gitignore."
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  every file is canonical (or was rewritten)",
      "  1  --check: a file is not canonical",
      "  2  a file could not be read or parsed, a configuration file is invalid, or a usage"
          + " mistake"
    })
final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Standard output and error when run without picocli ({@link FastPath}); else from spec. */
  java.io.PrintWriter out;
  java.io.PrintWriter err;

  @Option(names = {"-w", "--write"}, description = "Rewrite each FILE in place (atomically).")
  boolean write;

  @Option(names = "--check", description = "Print the diff of each FILE that is not canonical"
      + " and exit 1; write nothing.")
  boolean check;

  @Option(names = "--diff", description = "Print a unified diff of what formatting changes"
      + " (git's a/ b/ file names).")
  boolean diff;

  @Option(names = "--column-limit", paramLabel = "N", description = "Wrap long flag and"
      + " argument lists after column N (0: never); overrides the configuration.")
  Integer columnLimit;

  @Option(names = "--continuation-indent", paramLabel = "N", description = "Start continuation"
      + " lines with N spaces (1 to 16; default 4); overrides the configuration.")
  Integer continuationIndent;

  @Mixin FileOptions options;

  @Override
  public Integer call() {
    if (err == null) {
      out = spec.commandLine().getOut();
      err = spec.commandLine().getErr();
    }
    if (write && check) {
      throw new Failure("dockerfile-dsl: fmt: -w and --check cannot be combined");
    }
    if (columnLimit != null && columnLimit < 0) {
      throw new Failure("dockerfile-dsl: fmt: --column-limit must not be negative");
    }
    if (continuationIndent != null && (continuationIndent < 1 || continuationIndent > 16)) {
      throw new Failure("dockerfile-dsl: fmt: --continuation-indent must be 1 to 16");
    }
    Sources walker = new Sources(options.excludes);
    List<FileOptions.Unit> units = options.units(walker);
    boolean print = !write && !check && !diff;
    if (print && (units.size() > 1 || options.files.size() > 1)) {
      throw new Failure("dockerfile-dsl: fmt prints one FILE; use -w to rewrite several,"
          + " --diff to show the changes or --check to check them");
    }
    for (FileOptions.Unit u : units) {
      if (write && u.isStdin()) {
        throw new Failure("dockerfile-dsl: fmt -w cannot rewrite standard input");
      }
    }
    Config.Layer command = new Config.Layer();
    command.columnLimit = columnLimit;
    command.continuationIndent = continuationIndent;
    Config config = options.config(command);
    Set<String> messages = new LinkedHashSet<>(walker.errors());
    for (String m : messages) {
      err.println(Terminal.safe(m));
    }
    int status = messages.isEmpty() ? Main.EXIT_OK : Main.EXIT_BAD_INPUT;
    for (FileOptions.Unit u : units) {
      try {
        String original = Io.read(u.source(), Main.stdin);
        if (config.excluded(u.path())) {
          if (print) {
            out.print(original);
          }
          continue;
        }
        Config.Settings settings = config.settings(u.path());
        Dockerfile d;
        try {
          d = DockerfileParser.parse(u.name(), original);
        } catch (DockerfileParseException e) {
          throw new Failure(e.getMessage());
        }
        String formatted = Inputs.render(u.name(), original, d, settings.render());
        boolean changed = !formatted.equals(original);
        if (print) {
          out.print(formatted);
        }
        if ((check || diff) && changed) {
          out.print(UnifiedDiff.forPatch().diff(UnifiedDiff.gitName("a/", u.name()),
              UnifiedDiff.gitName("b/", u.name()), original, formatted));
        }
        if (check && changed) {
          err.println(Terminal.safe(u.name()) + ": not in canonical format");
          status = Math.max(status, Main.EXIT_FINDINGS);
        }
        if (write && changed) {
          Io.writeAtomically(u.path(), formatted);
        }
      } catch (Failure e) {
        if (messages.add(e.getMessage())) {
          err.println(Terminal.safe(e.getMessage()));
        }
        status = Math.max(status, Main.EXIT_BAD_INPUT);
      }
      out.flush();
      err.flush();
    }
    return status;
  }
}
