package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.lint.LintReport;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lint}: checks Dockerfiles against BuildKit's checks and the layer and cleanup rules. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Lints Dockerfiles: BuildKit's build checks and hadolint's layer and cleanup rules.",
      "Exits 0 when clean or with warnings only, 1 when a finding is an error."
    })
final class LintCommand implements Callable<Integer> {
  /** The report formats. */
  enum Format {
    text,
    json,
    sarif
  }

  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--fix", description = "Apply every available fix and rewrite each FILE in"
      + " place (atomically, all or nothing), then report what remains.")
  boolean fix;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (fix && files.contains(Io.STDIN)) {
      throw new Failure("dockerfile-dsl: lint --fix cannot rewrite standard input");
    }
    Linter linter = Linter.defaults();
    List<LintReport> reports = new ArrayList<>();
    Batch batch = new Batch();
    for (String f : files) {
      try {
        String name = Io.displayName(f);
        String text = Io.read(f, Main.stdin);
        if (fix) {
          String fixed = linter.fix(name, text);
          if (!fixed.equals(text)) {
            batch.output(Path.of(f), fixed, f);
          }
          text = fixed;
        }
        reports.add(linter.lint(name, text));
      } catch (DockerfileParseException e) {
        batch.error(e.getMessage());
      } catch (Failure e) {
        batch.error(e.getMessage());
      }
    }
    int status = batch.finish(err);
    if (status != Main.EXIT_OK) {
      return status;
    }
    var out = spec.commandLine().getOut();
    switch (format) {
      case json:
        reports.forEach(r -> out.print(r.json()));
        break;
      case sarif:
        out.println(LintReport.sarif(reports));
        break;
      default:
        reports.forEach(r -> out.print(r.text()));
        break;
    }
    out.flush();
    return reports.stream().anyMatch(LintReport::hasErrors) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }
}
