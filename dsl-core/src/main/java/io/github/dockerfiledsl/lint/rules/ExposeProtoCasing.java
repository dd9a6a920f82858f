package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Locale;

/** DF020: the protocol of an EXPOSE port should be lower case; the fix lower-cases it. */
public final class ExposeProtoCasing extends AbstractRule {

  /** Creates the rule. */
  public ExposeProtoCasing() {
    super("DF020", "ExposeProtoCasing", Severity.WARNING,
        "EXPOSE protocols should be lower case", "ExposeProtoCasing", null);
  }

  /**
   * Returns the message.
   *
   * @param port the port spec
   * @return the message
   */
  public static String message(String port) {
    return "protocol of EXPOSE " + port + " should be lower case";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        if (!(i instanceof ExposeInstruction e)) {
          continue;
        }
        for (String p : e.ports()) {
          int slash = p.lastIndexOf('/');
          if (slash >= 0 && !p.substring(slash).equals(p.substring(slash).toLowerCase(Locale.ROOT))
              && !p.substring(slash).contains("$")) {
            ExposeInstruction fixed = new ExposeInstruction(e.ports().stream()
                .map(x -> x.lastIndexOf('/') < 0 || x.contains("$") ? x
                    : x.substring(0, x.lastIndexOf('/')) + x.substring(x.lastIndexOf('/')).toLowerCase(Locale.ROOT))
                .toList());
            context.report(this, i, message(p),
                new Fix("lower-case the protocol", d -> Edit.replace(d, i, fixed)));
          }
        }
      }
    }
  }
}
