package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.image.ImageRewrite;
import io.github.dockerfiledsl.image.Mirror;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rewrite}: moves the images of Dockerfiles to mirrors or a private registry. */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Rewrites the images a Dockerfile pulls (FROM, COPY --from, RUN --mount=from=) to a"
          + " mirror or private registry. A rule FROM=TO matches references whose normalized"
          + " name (alpine is docker.io/library/alpine) is FROM or lies below it, and replaces"
          + " that prefix with TO; tags and digests are kept; the most specific rule wins.",
      "Only the references change in the file. Files are rewritten in place, atomically and"
          + " all or nothing; '-' reads standard input and prints the result."
    })
final class RewriteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--mirror", paramLabel = "FROM=TO", required = true,
      description = "A rule, e.g. docker.io=127.0.0.1:5000/hub (repeatable).")
  List<String> mirrors;

  @Option(names = "--check", description = "List the references a rule would rewrite; exit 1"
      + " if any; write nothing.")
  boolean check;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    List<Mirror> rules = new ArrayList<>();
    Function<io.github.dockerfiledsl.ImageRef,
        java.util.Optional<io.github.dockerfiledsl.ImageRef>> change;
    try {
      for (String m : mirrors) {
        rules.add(Mirror.parse(m));
      }
      change = ImageRewrite.mirrors(rules);
    } catch (IllegalArgumentException e) {
      throw new Failure("dockerfile-dsl: rewrite: " + e.getMessage());
    }
    return ImageFiles.run(files, out, err, (name, text, located, findings) -> {
      if (check) {
        for (ImageLocations.Located l : located.uses()) {
          var to = apply(change, l, located);
          to.ifPresent(r -> findings.add(located.where(l) + ": " + l.use().describe()
              + " would become " + r));
        }
        return null;
      }
      for (ImageLocations.Located l : located.uses()) {
        apply(change, l, located);
      }
      return ImageRewrite.source(name, text, change);
    });
  }

  /** Applies the rules to one use, turning an invalid result into a located failure. */
  private static java.util.Optional<io.github.dockerfiledsl.ImageRef> apply(
      Function<io.github.dockerfiledsl.ImageRef,
          java.util.Optional<io.github.dockerfiledsl.ImageRef>> change,
      ImageLocations.Located l, ImageLocations located) {
    try {
      return change.apply(l.use().reference());
    } catch (IllegalArgumentException e) {
      throw new Failure(located.where(l) + ": " + e.getMessage());
    }
  }
}
