package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import java.util.List;
import java.util.Locale;

/** DF002: the {@code AS} of {@code FROM ... AS name} should be cased like {@code FROM}. */
public final class FromAsCasing extends SourceRule {

  /** Creates the rule. */
  public FromAsCasing() {
    super("DF002", "FromAsCasing", Severity.WARNING,
        "the casing of AS should match the casing of FROM", "FromAsCasing");
  }

  /**
   * Returns the message.
   *
   * @param as the AS keyword as written
   * @param from the FROM keyword as written
   * @return the message
   */
  public static String message(String as, String from) {
    return "'" + as + "' and '" + from + "' keywords' casing do not match";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    for (AstNode n : ast.nodes()) {
      List<String> args = n.args();
      if (n.keyword().equals("FROM") && args.size() == 3) {
        String as = args.get(1);
        boolean fromUpper = n.value().equals(n.value().toUpperCase(Locale.ROOT));
        boolean asUpper = as.equals(as.toUpperCase(Locale.ROOT));
        if (fromUpper != asUpper) {
          report(context, n, message(as, n.value()), RENDER);
        }
      }
    }
  }
}
