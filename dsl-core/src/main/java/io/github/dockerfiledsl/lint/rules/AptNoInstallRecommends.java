package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF102: {@code apt-get install} without {@code --no-install-recommends} installs recommended
 * packages nobody asked for. The fix adds the option.
 */
public final class AptNoInstallRecommends extends AbstractRule {

  /** Creates the rule. */
  public AptNoInstallRecommends() {
    super("DF102", "AptNoInstallRecommends", Severity.INFO,
        "use apt-get install --no-install-recommends", null, "DL3015");
  }

  /**
   * Returns the message.
   *
   * @param command the apt-get command
   * @return the message
   */
  public static String message(String command) {
    return "'" + command + "' installs recommended packages too; add --no-install-recommends";
  }

  @Override
  public void check(LintContext context) {
    Stages.checkRuns(context, this, r -> {
      for (Script.Simple c : Script.of(r).commands()) {
        if (c.is("apt-get", "install") && !c.hasOption("--no-install-recommends")
            && c.args().stream().noneMatch(a -> a.contains("Install-Recommends"))) {
          return message(abbreviate(c.toString()));
        }
      }
      return null;
    }, r -> r.command() instanceof Shell && r.heredocs().isEmpty()
        ? Edit.replaceInLines(r, "\\b(apt-get(?:\\s+-[-\\w]+)*\\s+install)\\b(?! --no-install-recommends)",
            "$1 --no-install-recommends") : null,
        "add --no-install-recommends");
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
