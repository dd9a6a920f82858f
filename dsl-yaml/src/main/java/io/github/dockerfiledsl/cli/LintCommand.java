package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.LintReport;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.lint.Positions;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.AstValidator;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    Linter linter = Linter.defaults();
    List<LintReport> reports = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String f : files) {
      try {
        reports.add(lint(linter, f));
      } catch (Failure e) {
        errors.add(e.getMessage());
      }
    }
    var err = spec.commandLine().getErr();
    if (!errors.isEmpty()) {
      errors.forEach(err::println);
      err.flush();
      return Main.EXIT_BAD_INPUT;
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

  private static LintReport lint(Linter linter, String file) {
    String name = Io.displayName(file);
    String text = Io.read(file, Main.stdin);
    Ast ast;
    Dockerfile d;
    try {
      ast = AstParser.parse(name, text);
      AstValidator.validate(ast);
      d = DockerfileParser.toModel(ast);
    } catch (DockerfileParseException e) {
      throw new Failure(e.getMessage());
    }
    List<Position> positions = new ArrayList<>();
    for (AstNode n : ast.nodes()) {
      positions.add(new Position(n.startLine(), Math.max(1, n.column())));
    }
    Function<Instruction, Optional<Position>> lookup;
    try {
      lookup = Positions.of(d, positions);
    } catch (IllegalArgumentException e) {
      lookup = i -> Optional.empty();
    }
    return linter.lint(d, lookup, text).withFileName(name);
  }
}
