package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.parse.AstJson;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.AstValidator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parse --json}: prints BuildKit's view of each Dockerfile as one JSON line. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Parses Dockerfiles as BuildKit does and prints one JSON line per FILE: its AST, or the"
          + " parse error (also reported on stderr, exit 2)."
    })
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", required = true, description = "Print JSON lines (required).")
  boolean json;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    int status = Main.EXIT_OK;
    for (String f : files) {
      String text;
      try {
        text = Io.read(f, Main.stdin);
      } catch (Failure e) {
        err.println(Terminal.safe(e.getMessage()));
        status = Main.EXIT_BAD_INPUT;
        continue;
      }
      String name = Io.displayName(f);
      out.println(AstJson.line(name, text));
      try {
        AstValidator.validate(AstParser.parse(name, text));
      } catch (DockerfileParseException e) {
        err.println(Terminal.safe(e.getMessage()));
        status = Main.EXIT_BAD_INPUT;
      }
    }
    out.flush();
    err.flush();
    return status;
  }
}
