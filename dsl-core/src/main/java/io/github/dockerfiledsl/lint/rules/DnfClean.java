package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF106: dnf or microdnf install without dnf clean all: the package cache stays in the layer unless it is cleaned in the same RUN. A cache or
 * tmpfs mount on /var/cache/dnf exempts the RUN. The fix appends {@code && PROGRAM clean all} (with the program used).
 */
public final class DnfClean extends AbstractRule {

  /** Creates the rule. */
  public DnfClean() {
    super("DF106", "DnfClean", Severity.WARNING, "dnf or microdnf install without dnf clean all", null, "DL3040");
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
      if (Model.cacheMounted(r, "/var/cache/dnf")) {
        return;
      }
      Script sc = Script.of(r);
      for (Script.Simple c : sc.commands()) {
        if (c.is("dnf|microdnf", "install|groupinstall|localinstall")) {
          String cleanup = "PROGRAM clean all".replace("PROGRAM", c.program());
          boolean cleaned = sc.commands().stream().anyMatch(x -> x.toString().matches("(.*\\b(micro)?dnf clean all.*|rm( -\\S+)* /var/cache/(dnf|yum).*)"));
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
