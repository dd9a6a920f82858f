package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF021: EXPOSE with an IP address or host port ({@code 127.0.0.1:80:80}); a Dockerfile cannot
 * publish ports, so the host part is ignored. The fix keeps the container port.
 */
public final class ExposeInvalidFormat extends AbstractRule {

  /** Creates the rule. */
  public ExposeInvalidFormat() {
    super("DF021", "ExposeInvalidFormat", Severity.WARNING,
        "EXPOSE takes container ports, not host mappings", "ExposeInvalidFormat", null);
  }

  /**
   * Returns the message.
   *
   * @param port the port spec
   * @return the message
   */
  public static String message(String port) {
    return "EXPOSE " + port + " names an IP address or host port; only the container port counts";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        if (!(i instanceof ExposeInstruction e)) {
          continue;
        }
        for (String p : e.ports()) {
          if (p.contains(":") && !p.contains("$")) {
            ExposeInstruction fixed = new ExposeInstruction(e.ports().stream()
                .map(x -> x.contains("$") ? x : x.substring(x.lastIndexOf(':') + 1)).toList());
            context.report(this, i, message(p),
                new Fix("keep only the container port", d -> Edit.replace(d, i, fixed)));
          }
        }
      }
    }
  }
}
