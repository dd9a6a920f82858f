package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.internal.StageGraph;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Map;

/**
 * DF005: two stages with the same name; {@code FROM name} and {@code COPY --from=name} become
 * ambiguous. BuildKit builds such a file (validateStageNames in dockerfile2llb/validations.go
 * only warns); the model holds it, the typed builder refuses it.
 */
public final class DuplicateStageName extends AbstractRule {

  /** Creates the rule. */
  public DuplicateStageName() {
    super("DF005", "DuplicateStageName", Severity.WARNING, "stage names should be unique",
        "DuplicateStageName", null);
  }

  /**
   * Returns the message: BuildKit's wording, first letter in lower case as all messages here.
   *
   * @param name the stage name
   * @return the message
   */
  public static String message(String name) {
    return "duplicate stage name \"" + name + "\", stage names should be unique";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    for (Map.Entry<Integer, Integer> e : StageGraph.of(d).duplicateNames().entrySet()) {
      var stage = d.stages().get(e.getKey());
      context.report(this, stage.from(), message(stage.name().orElseThrow()));
    }
  }
}
