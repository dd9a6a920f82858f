package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import java.util.Optional;

/**
 * A rule about how the source text spells something that the model normalises away (keyword
 * casing, legacy formats); it reads the parser's AST and reports nothing for built models. The
 * canonical renderer already writes the fixed spelling, so the fix leaves the model as it is and
 * {@code fmt} (or {@code lint --fix}, which renders) applies it.
 */
public abstract class SourceRule extends AbstractRule {
  /** The fix of spelling rules: the model is already right, rendering it fixes the text. */
  public static final Fix RENDER = new Fix("fmt writes the canonical form", d -> d);

  /**
   * Creates the metadata.
   *
   * @param id the id
   * @param name the name
   * @param severity the severity
   * @param summary the summary
   * @param buildkit the BuildKit check name
   */
  protected SourceRule(String id, String name, Severity severity, String summary, String buildkit) {
    super(id, name, severity, summary, buildkit, null);
  }

  @Override
  public final boolean needsSource() {
    return true;
  }

  @Override
  public final void check(LintContext context) {
    if (context.source().isPresent()) {
      check(context, context.source().get());
    }
  }

  /**
   * Checks the AST.
   *
   * @param context the context
   * @param ast the parser's AST
   */
  protected abstract void check(LintContext context, Ast ast);

  /**
   * Reports a finding at a node, against the model instruction starting on its line.
   *
   * @param context the context
   * @param node the node
   * @param message the message
   * @param fix the fix, or null
   */
  protected void report(LintContext context, AstNode node, String message, Fix fix) {
    Optional<Position> p = node.startLine() > 0
        ? Optional.of(new Position(node.startLine(), Math.max(1, node.column())))
        : Optional.empty();
    context.report(this, context.instructionAt(node.startLine()).orElse(null), p, message, fix);
  }
}
