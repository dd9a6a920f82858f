package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DF115: {@code apt-get install} of packages without a version ({@code curl=7.88.1-10}), so rebuilds install whatever is
 * current. Reported as info: pinning is a trade-off against security updates.
 */
public final class AptUnpinned extends AbstractRule {
  private static final Set<String> VALUE_OPTIONS = Set.of("-o", "-t", "--target-release");

  /** Creates the rule. */
  public AptUnpinned() {
    super("DF115", "AptUnpinned", Severity.INFO, "pin package versions in apt-get install", null, "DL3008");
  }

  /**
   * Returns the message.
   *
   * @param packages the unpinned packages
   * @return the message
   */
  public static String message(List<String> packages) {
    return "unpinned packages in apt-get install: " + String.join(", ", packages) + " (pin like curl=7.88.1-10)";
  }

  @Override
  public void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      List<String> unpinned = new ArrayList<>();
      for (Script.Simple c : Script.of(r).commands()) {
        if (!c.is("apt-get", "install")) {
          continue;
        }
        List<String> args = c.args();
        boolean sub = false;
        for (int i = 0; i < args.size(); i++) {
          String a = args.get(i);
          if (VALUE_OPTIONS.contains(a)) {
            i++;
          } else if (a.startsWith("-")) {
            continue;
          } else if (!sub) {
            sub = true;
          } else if (!a.matches(".*=.*") && !a.contains("$") && !a.contains("/") && !a.endsWith(".deb")
              && !a.endsWith(".apk")) {
            unpinned.add(a);
          }
        }
      }
      if (!unpinned.isEmpty()) {
        context.report(this, r, message(unpinned));
      }
    }
  }
}
