package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/** DF014: {@code FROM --platform=$TARGETPLATFORM} is the default; the fix drops the flag. */
public final class RedundantTargetPlatform extends AbstractRule {

  /** Creates the rule. */
  public RedundantTargetPlatform() {
    super("DF014", "RedundantTargetPlatform", Severity.INFO,
        "--platform=$TARGETPLATFORM is the default and can be dropped", "RedundantTargetPlatform",
        null);
  }

  /**
   * Returns the message.
   *
   * @param platform the platform value
   * @return the message
   */
  public static String message(String platform) {
    return "FROM --platform=" + platform + " is redundant: the target platform is the default";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      FromInstruction f = s.from();
      String p = f.platform().orElse(null);
      if (p != null && (p.equals("$TARGETPLATFORM") || p.equals("${TARGETPLATFORM}"))) {
        context.report(this, f, message(p), new Fix("remove --platform",
            d -> Edit.replace(d, f, new FromInstruction(f.image(), Optional.empty(), f.name()))));
      }
    }
  }
}
