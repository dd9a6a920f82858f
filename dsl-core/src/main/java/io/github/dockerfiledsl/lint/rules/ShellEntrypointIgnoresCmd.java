package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;

/**
 * DF205: a shell-form ENTRYPOINT runs {@code /bin/sh -c "..."}, which ignores CMD and the
 * arguments of {@code docker run}, and does not pass signals to the process. Reported when the
 * stage also has a CMD, which then has no effect.
 */
public final class ShellEntrypointIgnoresCmd extends AbstractRule {

  /** Creates the rule. */
  public ShellEntrypointIgnoresCmd() {
    super("DF205", "ShellEntrypointIgnoresCmd", Severity.WARNING,
        "a shell-form ENTRYPOINT ignores CMD and signals", null, null);
  }

  /**
   * Returns the message.
   *
   * @param entrypoint the ENTRYPOINT command
   * @return the message
   */
  public static String message(String entrypoint) {
    return "shell-form ENTRYPOINT (" + entrypoint
        + ") ignores CMD and docker run arguments, and does not forward signals; use the JSON form";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      boolean hasCmd = false;
      EntrypointInstruction last = null;
      for (Instruction i : s.instructions()) {
        hasCmd |= i instanceof CmdInstruction;
        if (i instanceof EntrypointInstruction e) {
          last = e;
        }
      }
      if (hasCmd && last != null && last.command() instanceof io.github.dockerfiledsl.Shell sh) {
        context.report(this, last, message(sh.command().strip()));
      }
    }
  }
}
