package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.lint.LintReport;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.ArrayList;
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
 * {@code lint}: checks Dockerfiles against BuildKit's checks and the layer and cleanup rules.
 * Each file is its own unit: a file that cannot be parsed is reported on standard error and as
 * an error result DF000 (ParseError) in JSON and SARIF, the others are linted (and fixed), and
 * the exit status is the worst that happened.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Lints Dockerfiles: BuildKit's build checks and hadolint's layer and cleanup rules.",
      "Directories are walked for Dockerfiles, honouring .gitignore; rules are configured in"
          + " .dockerfile-dsl.yaml (or .hadolint.yaml)."
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  no finding is an error",
      "  1  a finding is an error",
      "  2  a file could not be read or parsed (DF000 in JSON and SARIF), a configuration file"
          + " is invalid, or a usage mistake"
    })
final class LintCommand implements Callable<Integer> {
  /** The report formats. */
  enum Format {
    text,
    json,
    sarif
  }

  @Spec CommandSpec spec;

  /** Standard output and error when run without picocli ({@link FastPath}); else from spec. */
  java.io.PrintWriter out;
  java.io.PrintWriter err;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--fix", description = "Apply every available fix and rewrite each FILE in"
      + " place (atomically), then report what remains.")
  boolean fix;

  @Option(names = "--disable", paramLabel = "RULE", description = "Switch a rule off (id, name,"
      + " BuildKit name or hadolint code); repeatable; overrides the configuration.")
  List<String> disable = new ArrayList<>();

  @Mixin FileOptions options;

  @Override
  public Integer call() {
    if (err == null) {
      out = spec.commandLine().getOut();
      err = spec.commandLine().getErr();
    }
    Config.Layer command = new Config.Layer();
    for (String r : disable) {
      String id = Linter.defaults().rule(r).orElseThrow(() -> new Failure(
          "dockerfile-dsl: lint: --disable: unknown rule '" + Config.escape(r) + "'")).id();
      command.levels.put(id, Config.OFF);
    }
    Sources walker = new Sources(options.excludes);
    List<FileOptions.Unit> units = options.units(walker);
    for (FileOptions.Unit u : units) {
      if (fix && u.isStdin()) {
        throw new Failure("dockerfile-dsl: lint --fix cannot rewrite standard input");
      }
    }
    Config config = options.config(command);
    Set<String> messages = new LinkedHashSet<>(walker.errors());
    for (String m : messages) {
      err.println(m);
    }
    int status = messages.isEmpty() ? Main.EXIT_OK : Main.EXIT_BAD_INPUT;
    List<LintReport> reports = new ArrayList<>();
    for (FileOptions.Unit u : units) {
      try {
        String text = Io.read(u.source(), Main.stdin);
        if (config.excluded(u.path())) {
          continue;
        }
        Config.Settings settings = config.settings(u.path());
        Linter linter = settings.linter();
        if (fix) {
          String fixed = linter.fix(DockerfileParser.parse(u.name(), text))
              .render(settings.render());
          if (!fixed.equals(text)) {
            Io.writeAtomically(u.path(), fixed);
          }
          text = fixed;
        }
        LintReport report = linter.lint(u.name(), text);
        reports.add(report);
        if (report.hasErrors()) {
          status = Math.max(status, Main.EXIT_FINDINGS);
        }
      } catch (DockerfileParseException e) {
        err.println(e.getMessage());
        reports.add(LintReport.parseError(u.name(), e));
        status = Math.max(status, Main.EXIT_BAD_INPUT);
      } catch (Failure e) {
        if (messages.add(e.getMessage())) {
          err.println(e.getMessage());
        }
        status = Math.max(status, Main.EXIT_BAD_INPUT);
      } catch (IllegalArgumentException e) {
        err.println(u.name() + ": cannot render: " + Config.escape(e.getMessage()));
        status = Math.max(status, Main.EXIT_BAD_INPUT);
      }
    }
    err.flush();
    switch (format) {
      case json:
        for (LintReport r : reports) {
          out.print(r.json());
        }
        break;
      case sarif:
        out.print(LintReport.sarif(reports));
        break;
      default:
        for (LintReport r : reports) {
          if (r.findings(LintReport.PARSE_ERROR_ID).isEmpty()) {
            out.print(r.text());
          }
        }
        break;
    }
    out.flush();
    return status;
  }
}
