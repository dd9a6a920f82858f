package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF107: zypper install without zypper clean: the package cache stays in the layer unless it is cleaned in the same RUN. A cache or
 * tmpfs mount on /var/cache/zypp exempts the RUN. The fix appends {@code && zypper clean} (with the program used).
 */
public final class ZypperClean extends AbstractRule {

  /** Creates the rule. */
  public ZypperClean() {
    super("DF107", "ZypperClean", Severity.WARNING, "zypper install without zypper clean", null, "DL3036");
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
      if (Model.cacheMounted(r, "/var/cache/zypp")) {
        return;
      }
      Script sc = Script.of(r);
      for (Script.Simple c : sc.commands()) {
        if (c.is("zypper", "install|in|update|up|patch|dist-upgrade|dup")) {
          String cleanup = "zypper clean".replace("PROGRAM", c.program());
          boolean cleaned = sc.commands().stream().anyMatch(x -> x.toString().matches(".*\\bzypper( -\\S+)* (clean|cc).*"));
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
