package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;

/**
 * DF117: {@code sudo} in a RUN. The build runs as the USER of the stage; {@code sudo} needs a
 * terminal or a sudoers entry, and its environment handling differs between images. Switch with
 * {@code USER}, or use {@code gosu}/{@code su-exec} at run time. hadolint DL3004.
 */
public final class SudoUsed extends AbstractRule {

  /** Creates the rule. */
  public SudoUsed() {
    super("DF117", "SudoUsed", Severity.WARNING,
        "do not use sudo in RUN; switch users with USER", null, "DL3004");
  }

  /**
   * Returns the message.
   *
   * @param command the command that uses sudo
   * @return the message
   */
  public static String message(String command) {
    return "'" + command + "' uses sudo, which behaves unpredictably in a build; use USER instead";
  }

  @Override
  public void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      for (Script.Simple c : Script.of(r).commands()) {
        if (!c.words().isEmpty() && sudoBefore(c) || c.program().equals("sudo")) {
          context.report(this, r, message(c.toString()));
          break;
        }
      }
    }
  }

  /** Whether a word before the command proper (a wrapper like env or time) is sudo. */
  private static boolean sudoBefore(Script.Simple c) {
    List<String> w = c.words();
    int n = w.size() - c.command().size();
    for (int i = 0; i < n; i++) {
      if (w.get(i).equals("sudo") || w.get(i).endsWith("/sudo")) {
        return true;
      }
    }
    return false;
  }
}
