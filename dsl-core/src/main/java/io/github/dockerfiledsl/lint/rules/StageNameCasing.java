package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import java.util.List;
import java.util.Locale;

/** DF001: stage names should be lower case ({@code FROM x AS Build}). */
public final class StageNameCasing extends SourceRule {

  /** Creates the rule. */
  public StageNameCasing() {
    super("DF001", "StageNameCasing", Severity.WARNING, "stage names should be lower case",
        "StageNameCasing");
  }

  /**
   * Returns the message.
   *
   * @param name the stage name
   * @return the message
   */
  public static String message(String name) {
    return "stage name '" + name + "' should be lower case";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    for (AstNode n : ast.nodes()) {
      List<String> args = n.args();
      if (n.keyword().equals("FROM") && args.size() == 3) {
        String name = args.get(2);
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
          report(context, n, message(name), RENDER);
        }
      }
    }
  }
}
