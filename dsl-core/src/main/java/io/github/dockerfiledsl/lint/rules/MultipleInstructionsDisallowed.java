package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;
import java.util.Set;

/**
 * DF012: more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage; only the last one counts. The
 * fix removes the earlier ones.
 */
public final class MultipleInstructionsDisallowed extends AbstractRule {
  private static final Set<String> KEYWORDS = Set.of("CMD", "ENTRYPOINT", "HEALTHCHECK");

  /** Creates the rule. */
  public MultipleInstructionsDisallowed() {
    super("DF012", "MultipleInstructionsDisallowed", Severity.WARNING,
        "only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect",
        "MultipleInstructionsDisallowed", null);
  }

  /**
   * Returns the message.
   *
   * @param keyword the keyword
   * @param stage the stage description
   * @return the message
   */
  public static String message(String keyword, String stage) {
    return "multiple " + keyword + " instructions in " + stage + "; only the last one takes effect";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      List<Instruction> steps = Stages.steps(s);
      for (int i = 0; i < steps.size(); i++) {
        Instruction a = steps.get(i);
        if (!KEYWORDS.contains(a.keyword())) {
          continue;
        }
        for (int j = i + 1; j < steps.size(); j++) {
          if (steps.get(j).keyword().equals(a.keyword())) {
            String stage = s.name().map(n -> "stage '" + n + "'").orElse("stage FROM " + s.from().image());
            context.report(this, a, message(a.keyword(), stage),
                new Fix("remove the earlier " + a.keyword(), d -> Edit.remove(d, a)));
            break;
          }
        }
      }
    }
  }
}
