package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF104: {@code apk add} without {@code --no-cache} keeps the package index in the layer. A cache
 * or tmpfs mount on {@code /var/cache/apk}, or {@code --no-network} (no index is fetched), exempts
 * the RUN. The fix adds {@code --no-cache}.
 */
public final class ApkNoCache extends AbstractRule {

  /** Creates the rule. */
  public ApkNoCache() {
    super("DF104", "ApkNoCache", Severity.WARNING,
        "use apk add --no-cache", null, "DL3019");
  }

  /**
   * Returns the message.
   *
   * @param command the apk command
   * @return the message
   */
  public static String message(String command) {
    return "'" + command + "' keeps the apk index in the layer; add --no-cache";
  }

  @Override
  public void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      String message = missing(r);
      if (message != null) {
        RunInstruction fixed = r.command() instanceof Shell && r.heredocs().isEmpty()
            ? Edit.replaceInLines(r, "\\b(apk(?:\\s+-[-\\w]+)*\\s+add)\\b(?! --no-cache)", "$1 --no-cache")
            : null;
        Stages.report(context, this, r, message, fixed, "add --no-cache");
      }
    }
  }

  private static String missing(RunInstruction r) {
    if (Model.cacheMounted(r, "/var/cache/apk", "/etc/apk/cache")) {
      return null;
    }
    for (Script.Simple c : Script.of(r).commands()) {
      if (c.is("apk", "add") && !c.hasOption("--no-cache|--no-network")) {
        return message(AptNoInstallRecommends.abbreviate(c.toString()));
      }
    }
    return null;
  }
}
