package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Locale;

/**
 * DF017: {@code FROM --platform} with a constant value pins the stage to one platform and breaks
 * multi-platform builds; use {@code $BUILDPLATFORM} or {@code $TARGETPLATFORM}. As in BuildKit, a
 * stage whose name contains the platform's OS or architecture is exempt.
 */
public final class FromPlatformFlagConstDisallowed extends AbstractRule {

  /** Creates the rule. */
  public FromPlatformFlagConstDisallowed() {
    super("DF017", "FromPlatformFlagConstDisallowed", Severity.WARNING,
        "FROM --platform should not be a constant", "FromPlatformFlagConstDisallowed", null);
  }

  /**
   * Returns the message.
   *
   * @param platform the platform
   * @return the message
   */
  public static String message(String platform) {
    return "FROM --platform=" + platform
        + " is a constant; use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after it";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      String p = s.from().platform().orElse(null);
      if (p != null && !p.contains("$")) {
        String name = s.name().orElse("");
        boolean named = false;
        for (String part : p.toLowerCase(Locale.ROOT).split("/")) {
          named |= !part.isEmpty() && name.contains(part);
        }
        if (!named) {
          context.report(this, s.from(), message(p));
        }
      }
    }
  }
}
