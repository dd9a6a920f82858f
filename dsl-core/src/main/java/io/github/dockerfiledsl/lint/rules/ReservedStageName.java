package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Set;

/** DF006: a stage named {@code scratch} or {@code context}, names BuildKit reserves. */
public final class ReservedStageName extends AbstractRule {
  private static final Set<String> RESERVED = Set.of("scratch", "context");

  /** Creates the rule. */
  public ReservedStageName() {
    super("DF006", "ReservedStageName", Severity.WARNING,
        "stage names scratch and context are reserved", "ReservedStageName", null);
  }

  /**
   * Returns the message.
   *
   * @param name the stage name
   * @return the message
   */
  public static String message(String name) {
    return "stage name '" + name + "' is reserved; choose another name";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      if (s.name().isPresent() && RESERVED.contains(s.name().get())) {
        context.report(this, s.from(), message(s.name().get()));
      }
    }
  }
}
