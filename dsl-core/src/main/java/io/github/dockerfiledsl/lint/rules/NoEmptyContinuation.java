package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstEntry;
import io.github.dockerfiledsl.parse.AstNode;

/**
 * DF003: an empty line inside a continued instruction; BuildKit skips it, but a future version
 * will treat it as the end of the instruction.
 */
public final class NoEmptyContinuation extends SourceRule {

  /** Creates the rule. */
  public NoEmptyContinuation() {
    super("DF003", "NoEmptyContinuation", Severity.WARNING,
        "empty continuation lines will become errors", "NoEmptyContinuation");
  }

  /**
   * Returns the message.
   *
   * @param line the line of the empty continuation
   * @param keyword the instruction
   * @return the message
   */
  public static String message(int line, String keyword) {
    return "empty continuation line " + line + " inside " + keyword + "; remove it";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    for (AstEntry e : ast.entries()) {
      if (e instanceof AstEntry.BlankLine b && b.insideInstruction()) {
        for (AstNode n : ast.nodes()) {
          if (n.startLine() <= b.line() && b.line() <= n.endLine()) {
            report(context, n, message(b.line(), n.keyword()), RENDER);
            break;
          }
        }
      }
    }
  }
}
