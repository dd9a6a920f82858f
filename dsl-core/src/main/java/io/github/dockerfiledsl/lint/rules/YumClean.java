package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF105: yum install without yum clean all: the package cache stays in the layer unless it is cleaned in the same RUN. A cache or
 * tmpfs mount on /var/cache/yum exempts the RUN. The fix appends {@code && yum clean all} (with the program used).
 */
public final class YumClean extends AbstractRule {

  /** Creates the rule. */
  public YumClean() {
    super("DF105", "YumClean", Severity.WARNING, "yum install without yum clean all", null, "DL3032");
  }

  /**
   * Returns the message.
   *
   * @param command the install command
   * @param cleanup the missing cleanup command
   * @return the message
   */
  public static String message(String command, String cleanup) {
    return "'" + command + "' without '" + cleanup + "' in the same RUN leaves the package cache in the layer";
  }

  @Override
  public void check(LintContext context) {
    Stages.eachRun(context.dockerfile(), (s, r) -> {
      if (Model.cacheMounted(r, "/var/cache/yum")) {
        return;
      }
      Script sc = Script.of(r);
      for (Script.Simple c : sc.commands()) {
        if (c.is("yum", "install|groupinstall|localinstall")) {
          String cleanup = "yum clean all".replace("PROGRAM", c.program());
          boolean cleaned = sc.commands().stream().anyMatch(x -> x.toString().matches("(.*\\byum clean all.*|rm( -\\S+)* /var/cache/yum.*)"));
          if (!cleaned) {
            RunInstruction fixed = Edit.canAppend(r) ? Edit.append(r, cleanup) : null;
            context.report(this, r, message(AptNoInstallRecommends.abbreviate(c.toString()), cleanup),
                fixed == null ? null : new io.github.dockerfiledsl.lint.Fix("append && " + cleanup,
                    d -> Edit.replace(d, r, fixed)));
          }
          return;
        }
      }
    });
  }
}
