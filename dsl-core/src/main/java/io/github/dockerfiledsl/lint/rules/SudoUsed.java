package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

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
    Stages.eachRun(context.dockerfile(), (s, r) -> {
      for (Script.Simple c : Script.of(r).commands()) {
        if (!c.words().isEmpty() && c.words().stream().limit(c.words().size() - c.command().size())
            .anyMatch(w -> w.equals("sudo") || w.endsWith("/sudo"))
            || c.program().equals("sudo")) {
          context.report(this, r, message(c.toString()));
          return;
        }
      }
    });
  }
}
