package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;

/**
 * DF013: the legacy {@code ENV key value} and {@code LABEL key value} forms; use {@code
 * key=value}.
 */
public final class LegacyKeyValueFormat extends SourceRule {

  /** Creates the rule. */
  public LegacyKeyValueFormat() {
    super("DF013", "LegacyKeyValueFormat", Severity.WARNING,
        "ENV and LABEL should use the key=value form", "LegacyKeyValueFormat");
  }

  /**
   * Returns the message.
   *
   * @param keyword ENV or LABEL
   * @param key the key
   * @return the message
   */
  public static String message(String keyword, String key) {
    return "legacy '" + keyword + " " + key + " value' format; write " + keyword + " " + key + "=value";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    for (AstNode n : ast.nodes()) {
      check(context, n, n);
      AstNode trigger = n.trigger();
      if (trigger != null) {
        check(context, n, trigger);
      }
    }
  }

  private void check(LintContext context, AstNode at, AstNode n) {
    if (!n.keyword().equals("ENV") && !n.keyword().equals("LABEL")) {
      return;
    }
    String[] words = n.original().strip().split("[ \t]+");
    int k = 0;
    while (k < words.length && words[k].equalsIgnoreCase("ONBUILD")) {
      k++;
    }
    k++; // the ENV or LABEL keyword
    if (k >= words.length) {
      return;
    }
    String first = words[k];
    if (!first.contains("=")) {
      report(context, at, message(n.keyword(), first), RENDER);
    }
  }
}
