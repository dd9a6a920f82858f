package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstEntry;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DF212: a parser directive whose name is not lower case ({@code # Syntax=...}). BuildKit reads
 * the name in any case (parser/directives.go lower-cases it), other tools and readers expect
 * {@code syntax}, {@code escape} and {@code check}; {@code fmt} writes them in lower case.
 */
public final class DirectiveCasing extends SourceRule {
  static final Pattern DIRECTIVE =
      Pattern.compile("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*$");

  /** Creates the rule. */
  public DirectiveCasing() {
    super("DF212", "DirectiveCasing", Severity.WARNING,
        "parser directives should be written in lower case", null);
  }

  /**
   * Returns the message.
   *
   * @param name the directive name as written
   * @return the message
   */
  public static String message(String name) {
    return "parser directive '" + name + "' should be lower case ('"
        + name.toLowerCase(Locale.ROOT) + "')";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    for (AstEntry e : ast.entries()) {
      if (e instanceof AstEntry.Directive d) {
        Matcher m = DIRECTIVE.matcher(d.text().strip());
        if (m.matches() && !m.group(1).equals(m.group(1).toLowerCase(Locale.ROOT))) {
          context.report(this, null, Optional.of(new Position(d.line(), 1)), message(m.group(1)),
              RENDER);
        }
      }
    }
  }
}
