package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;

/** DF112: the final stage's last USER is root, so the container runs as root. */
public final class LastUserRoot extends AbstractRule {

  /** Creates the rule. */
  public LastUserRoot() {
    super("DF112", "LastUserRoot", Severity.WARNING,
        "the last USER of the final stage should not be root", null, "DL3002");
  }

  /**
   * Returns the message.
   *
   * @param user the user
   * @return the message
   */
  public static String message(String user) {
    return "last USER of the final stage is " + user + "; the container runs as root";
  }

  @Override
  public void check(LintContext context) {
    List<Stage> stages = context.dockerfile().stages();
    List<Instruction> steps = Stages.steps(stages.get(stages.size() - 1));
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof UserInstruction u) {
        String name = u.user().split(":", 2)[0];
        if (name.equals("root") || name.equals("0")) {
          context.report(this, u, message(u.user()));
        }
        return;
      }
    }
  }
}
