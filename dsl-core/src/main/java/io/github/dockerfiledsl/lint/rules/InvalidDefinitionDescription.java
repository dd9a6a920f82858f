package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.CheckDirective;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * DF019: a comment directly above {@code ARG name} or {@code FROM ... AS name} is its description
 * and should start with the name ({@code # name description}). An experimental BuildKit check,
 * reported as info and run only when enabled.
 */
public final class InvalidDefinitionDescription extends AbstractRule {

  /** Creates the rule. */
  public InvalidDefinitionDescription() {
    super("DF019", "InvalidDefinitionDescription", Severity.INFO,
        "a comment describing an ARG or a stage should start with its name",
        "InvalidDefinitionDescription", null);
  }

  /**
   * Returns the message.
   *
   * @param kind {@code ARG} or {@code stage}
   * @param name the name
   * @param comment the comment text
   * @return the message
   */
  public static String message(String kind, String name, String comment) {
    return "comment above " + kind + " '" + name + "' (" + comment.strip()
        + ") should start with '" + name + "'";
  }

  @Override
  public boolean experimental() {
    return true;
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    scan(context, d.preamble(), null);
    for (int s = 0; s < d.stages().size(); s++) {
      Stage stage = d.stages().get(s);
      List<Instruction> above = new ArrayList<>(stage.leading());
      if (s == 0 && above.isEmpty()) {
        above.addAll(d.preamble());
      }
      if (stage.name().isPresent()) {
        checkAbove(context, above, above.size(), stage.from(), "stage", stage.name().get());
      }
      scan(context, stage.instructions(), stage);
    }
  }

  private void scan(LintContext context, List<Instruction> list, Stage stage) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ArgInstruction a && a.args().size() == 1) {
        checkAbove(context, list, i, a, "ARG", a.args().get(0).name());
      }
    }
  }

  private void checkAbove(LintContext context, List<Instruction> list, int index, Instruction subject,
      String kind, String name) {
    if (index == 0 || !(list.get(index - 1) instanceof Comment c)) {
      return;
    }
    if (index >= 2 && !(list.get(index - 2) instanceof BlankLine) && list.get(index - 2) instanceof Comment) {
      return; // a block of comments is prose, not a one-line description
    }
    String text = c.text().strip();
    if (text.isEmpty() || CheckDirective.fromComment(text).isPresent()) {
      return;
    }
    String first = text.split("\\s+")[0];
    if (!first.equals(name)) {
      context.report(this, subject, message(kind, name, text));
    }
  }
}
