package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DF005: two stages with the same name; {@code FROM name} and {@code COPY --from=name} become
 * ambiguous. An error here, since the model cannot hold such a file.
 */
public final class DuplicateStageName extends SourceRule {

  /** Creates the rule. */
  public DuplicateStageName() {
    super("DF005", "DuplicateStageName", Severity.ERROR, "stage names must be unique",
        "DuplicateStageName");
  }

  /**
   * Returns the message.
   *
   * @param name the stage name
   * @param firstLine the line of the first stage with that name
   * @return the message
   */
  public static String message(String name, int firstLine) {
    return "duplicate stage name '" + name + "' (first defined on line " + firstLine + ")";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    Map<String, Integer> seen = new HashMap<>();
    for (AstNode n : ast.nodes()) {
      List<String> args = n.args();
      if (n.keyword().equals("FROM") && args.size() == 3) {
        String name = args.get(2).toLowerCase(Locale.ROOT);
        Integer first = seen.putIfAbsent(name, n.startLine());
        if (first != null) {
          report(context, n, message(name, first), null);
        }
      }
    }
  }
}
