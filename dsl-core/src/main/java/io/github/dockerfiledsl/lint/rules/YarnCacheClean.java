package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF109: yarn install without yarn cache clean: the package cache stays in the layer unless it is cleaned in the same RUN. A cache or
 * tmpfs mount on /usr/local/share/.cache/yarn exempts the RUN. The fix appends {@code && yarn cache clean} (with the program used).
 */
public final class YarnCacheClean extends AbstractRule {

  /** Creates the rule. */
  public YarnCacheClean() {
    super("DF109", "YarnCacheClean", Severity.WARNING, "yarn install without yarn cache clean", null, "DL3060");
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
      if (Model.cacheMounted(r, "/usr/local/share/.cache/yarn")) {
        return;
      }
      Script sc = Script.of(r);
      for (Script.Simple c : sc.commands()) {
        if (c.is("yarn", "install")) {
          String cleanup = "yarn cache clean".replace("PROGRAM", c.program());
          boolean cleaned = sc.commands().stream().anyMatch(x -> x.toString().matches("(.*\\byarn cache clean.*|rm( -\\S+)* .*yarn.*)"));
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
