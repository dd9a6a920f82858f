package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF118: {@code apt-get upgrade} or {@code dist-upgrade} (also {@code apt}, {@code full-upgrade})
 * in a RUN. The result depends on the day of the build, the layer grows by every upgraded package,
 * and the base image's maintainers ship the updates in a new tag; pin and update the base image
 * instead. hadolint DL3005.
 */
public final class AptUpgrade extends AbstractRule {

  /** Creates the rule. */
  public AptUpgrade() {
    super("DF118", "AptUpgrade", Severity.WARNING,
        "do not upgrade all packages in a RUN; update the base image instead", null, "DL3005");
  }

  /**
   * Returns the message.
   *
   * @param command the upgrade command
   * @return the message
   */
  public static String message(String command) {
    return "'" + command + "' makes the image depend on the day of the build; use a newer base"
        + " image tag instead";
  }

  @Override
  public void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      for (Script.Simple c : Script.of(r).commands()) {
        if (c.is("apt-get|apt|aptitude", "upgrade|dist-upgrade|full-upgrade|safe-upgrade")) {
          context.report(this, r, message(c.toString()));
          break;
        }
      }
    }
  }
}
