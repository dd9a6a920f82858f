package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.codegen.JavaGenerator;
import io.github.dockerfiledsl.codegen.JavaOptions;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code to-java}: prints Java source that rebuilds a Dockerfile or a YAML spec. */
@Command(
    name = "to-java",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Prints Java source that rebuilds a Dockerfile or a YAML spec with the fluent builder.",
      "The class has 'public static Dockerfile dockerfile()' and, unless --no-main, a main that"
          + " prints the rendered Dockerfile (the input in canonical form). An input ending in"
          + " .yaml, .yml or .json is read as a spec, anything else as a Dockerfile."
    })
final class ToJavaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|SPEC", description = "A Dockerfile or a YAML spec ('-' for a"
      + " Dockerfile on stdin).")
  String input;

  @Option(names = "--package", paramLabel = "P",
      description = "The package of the class (default: ${DEFAULT-VALUE}; '' for none).")
  String packageName = JavaOptions.DEFAULT_PACKAGE;

  @Option(names = "--class", paramLabel = "C",
      description = "The simple name of the class (default: ${DEFAULT-VALUE}).")
  String className = JavaOptions.DEFAULT_CLASS;

  @Option(names = "--no-main", description = "Do not emit a main method.")
  boolean noMain;

  @Override
  public Integer call() {
    JavaOptions options;
    try {
      options = new JavaOptions(packageName, className, !noMain);
    } catch (IllegalArgumentException e) {
      throw new Failure("dockerfile-dsl: to-java: " + e.getMessage());
    }
    Dockerfile d = isSpec(input) ? Inputs.spec(input) : Inputs.dockerfile(input);
    Inputs.render(input, d); // the generated main prints this; fail early if it cannot
    String source;
    try {
      source = new JavaGenerator(options).generate(d);
    } catch (IllegalArgumentException e) {
      throw new Failure(Io.displayName(input) + ": cannot generate Java: " + e.getMessage());
    }
    spec.commandLine().getOut().print(source);
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }

  /** Returns whether a file name names a YAML or JSON spec. */
  static boolean isSpec(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }
}
