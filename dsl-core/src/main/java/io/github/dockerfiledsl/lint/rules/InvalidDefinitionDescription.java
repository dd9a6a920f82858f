package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Instruction;
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
   * Returns the message: BuildKit's wording, first letter in lower case as all messages here.
   *
   * @param instruction {@code ARG} or {@code FROM}
   * @param exampleKey the name, or {@code <arg_key>} for an ARG of several names
   * @return the message
   */
  public static String message(String instruction, String exampleKey) {
    return "comment for " + instruction + " should follow the format: `# " + exampleKey
        + " <description>`";
  }

  @Override
  public boolean experimental() {
    return true;
  }

  /**
   * As BuildKit (instructions/parse.go validateDefinitionDescription, with the comments its
   * parser collects in parser.go): the comments since the previous instruction count, blank
   * lines included, an empty comment ({@code #}) starts over; the first word of the last of them
   * must be one of the ARG's names or the stage name.
   */
  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    List<String> comments = new ArrayList<>();
    List<Instruction> all = new ArrayList<>(d.preamble());
    for (Stage stage : d.stages()) {
      all.addAll(stage.leading());
      all.add(stage.from());
      all.addAll(stage.instructions());
    }
    for (Instruction i : all) {
      if (i instanceof Comment c) {
        String text = c.text().strip();
        if (text.isEmpty()) {
          comments.clear();
        } else {
          comments.add(text);
        }
        continue;
      }
      if (i.isTrivia()) {
        continue;
      }
      if (!comments.isEmpty()) {
        List<String> keys = i instanceof ArgInstruction a
            ? a.args().stream().map(ArgInstruction.Arg::name).toList()
            : i instanceof FromInstruction f && f.name().isPresent() ? List.of(f.name().get())
            : List.of();
        String first = comments.get(comments.size() - 1).split(" ", -1)[0];
        if (!keys.isEmpty() && !keys.contains(first)) {
          context.report(this, i, message(i.keyword(), keys.size() == 1 ? keys.get(0) : "<arg_key>"));
        }
      }
      comments.clear();
    }
  }
}
