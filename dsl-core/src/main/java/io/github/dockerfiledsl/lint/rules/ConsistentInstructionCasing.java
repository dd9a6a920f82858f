package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import java.util.Locale;

/**
 * DF004: instruction keywords should all be upper case or all lower case; each keyword that does
 * not follow the majority is reported.
 */
public final class ConsistentInstructionCasing extends SourceRule {

  /** Creates the rule. */
  public ConsistentInstructionCasing() {
    super("DF004", "ConsistentInstructionCasing", Severity.WARNING,
        "instruction keywords should be cased consistently", "ConsistentInstructionCasing");
  }

  /**
   * Returns the message.
   *
   * @param keyword the keyword as written
   * @param majority {@code uppercase} or {@code lowercase}
   * @return the message
   */
  public static String message(String keyword, String majority) {
    return "command '" + keyword + "' should match the case of the command majority (" + majority + ")";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    int upper = 0;
    int lower = 0;
    for (AstNode n : ast.nodes()) {
      if (n.value().equals(n.value().toUpperCase(Locale.ROOT))) {
        upper++;
      } else if (n.value().equals(n.value().toLowerCase(Locale.ROOT))) {
        lower++;
      }
    }
    boolean majorityUpper = upper >= lower;
    for (AstNode n : ast.nodes()) {
      String expected = majorityUpper ? n.value().toUpperCase(Locale.ROOT) : n.value().toLowerCase(Locale.ROOT);
      if (!n.value().equals(expected)) {
        report(context, n, message(n.value(), majorityUpper ? "uppercase" : "lowercase"), RENDER);
      }
    }
  }
}
