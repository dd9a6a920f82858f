package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;

/**
 * DF103: consecutive RUNs each make a layer; they could be one. The fix merges the two when that
 * keeps what each command sees (see {@code Edit.canMerge}).
 */
public final class ConsecutiveRuns extends AbstractRule {

  /** Creates the rule. */
  public ConsecutiveRuns() {
    super("DF103", "ConsecutiveRuns", Severity.INFO,
        "consecutive RUN instructions could be merged into one layer", null, "DL3059");
  }

  /**
   * Returns the message.
   *
   * @param first the first command
   * @param second the second command
   * @return the message
   */
  public static String message(String first, String second) {
    return "RUN '" + AptNoInstallRecommends.abbreviate(second) + "' follows RUN '"
        + AptNoInstallRecommends.abbreviate(first) + "'; consider merging them into one layer";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (RunInstruction[] pair : Model.consecutiveRuns(s)) {
        RunInstruction a = pair[0];
        RunInstruction b = pair[1];
        Fix fix = Edit.canMerge(context.dockerfile(), a, b) ? new Fix("merge the two RUNs", d -> Edit.merge(d, a, b)) : null;
        context.report(this, b, message(text(a), text(b)), fix);
      }
    }
  }

  static String text(RunInstruction r) {
    List<Script.Simple> commands = Script.of(r).commands();
    return commands.isEmpty() ? "" : commands.get(0).toString();
  }
}
