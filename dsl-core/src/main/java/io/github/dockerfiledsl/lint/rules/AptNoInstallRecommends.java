package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;

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
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      String message = missing(r);
      if (message != null) {
        RunInstruction fixed = r.command() instanceof Shell && r.heredocs().isEmpty()
            ? Edit.replaceInLines(r,
                "\\b(apt-get(?:\\s+-[-\\w]+)*\\s+install)\\b(?! --no-install-recommends)",
                "$1 --no-install-recommends")
            : null;
        Stages.report(context, this, r, message, fixed, "add --no-install-recommends");
      }
    }
  }

  private static String missing(RunInstruction r) {
    for (Script.Simple c : Script.of(r).commands()) {
      if (c.is("apt-get", "install") && !c.hasOption("--no-install-recommends")
          && !anyContains(c.args(), "Install-Recommends")) {
        return message(abbreviate(c.toString()));
      }
    }
    return null;
  }

  private static boolean anyContains(List<String> args, String part) {
    for (String a : args) {
      if (a.contains(part)) {
        return true;
      }
    }
    return false;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
