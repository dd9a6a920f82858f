package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/** DF008: MAINTAINER is deprecated; the fix writes the OCI authors label. */
public final class MaintainerDeprecated extends AbstractRule {
  /** The label that replaces MAINTAINER. */
  public static final String AUTHORS = "org.opencontainers.image.authors";

  /** Creates the rule. */
  public MaintainerDeprecated() {
    super("DF008", "MaintainerDeprecated", Severity.WARNING,
        "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors",
        "MaintainerDeprecated", "DL4000");
  }

  /**
   * Returns the message.
   *
   * @param name the maintainer
   * @return the message
   */
  public static String message(String name) {
    return "MAINTAINER (" + name + ") is deprecated; use LABEL " + AUTHORS;
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        if (i instanceof MaintainerInstruction m) {
          Instruction label = LabelInstruction.of(AUTHORS, Templates.literal(m.name().strip()));
          context.report(this, i, message(m.name().strip()),
              new Fix("replace MAINTAINER with LABEL " + AUTHORS, d -> Edit.replace(d, i, label)));
        }
      }
    }
  }
}
