package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.internal.StageGraph;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DF209: a FROM image or {@code COPY --from} image that is not a valid image reference ({@code
 * FROM Ubuntu}). BuildKit parses the file and fails when it resolves the image of a stage it
 * builds (dockerfile2llb/convert.go: "failed to parse stage name"); stages the default target
 * does not build are not reported. References with variables are not checked.
 */
public final class InvalidImageReference extends AbstractRule {

  /** Creates the rule. */
  public InvalidImageReference() {
    super("DF209", "InvalidImageReference", Severity.ERROR,
        "an image reference must be valid (lower-case repository, valid tag or digest)", null, null);
  }

  /**
   * Returns the message, BuildKit's wording with the reason.
   *
   * @param image the reference as written
   * @param reason why it is invalid
   * @return the message
   */
  public static String message(String image, String reason) {
    return "failed to parse stage name \"" + image + "\": invalid reference format: " + reason;
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    boolean[] built = StageGraph.of(d).reachableFromTarget();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < d.stages().size(); i++) {
      Stage s = d.stages().get(i);
      if (built[i] && Model.parentStage(d, i).isEmpty()) {
        check(context, s.from(), s.from().image(), names);
      }
      for (Instruction in : s.instructions()) {
        if (built[i] && in instanceof CopyInstruction c && c.from().isPresent()) {
          String from = c.from().get();
          if (!names.contains(from.toLowerCase(Locale.ROOT)) && !allDigits(from)
              && !anyStageNamed(d, from)) {
            check(context, in, from, names);
          }
        }
      }
      if (s.name().isPresent()) {
        names.add(s.name().get());
      }
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyStageNamed(Dockerfile d, String name) {
    for (Stage t : d.stages()) {
      if (t.name().isPresent() && name.equalsIgnoreCase(t.name().get())) {
        return true;
      }
    }
    return false;
  }

  private void check(LintContext context, Instruction subject, String image, Set<String> names) {
    if (Templates.hasVariables(image) || image.equals("scratch")
        || names.contains(image.toLowerCase(Locale.ROOT))) {
      return;
    }
    String raw = Templates.unescape(image);
    Optional<String> problem;
    try {
      ImageRef.parse(raw);
      problem = Optional.empty();
    } catch (IllegalArgumentException e) {
      problem = Optional.of(e.getMessage());
    }
    if (problem.isPresent()) {
      context.report(this, subject, message(raw, problem.get()));
    }
  }
}
