package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstEntry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * DF214: a comment that reads like a {@code syntax} or {@code escape} parser directive but is not
 * one, because it comes after the first line that is not a directive (an instruction, another
 * comment or a blank line): BuildKit treats it as a plain comment (parser/directives.go). It is
 * reported as a repeated directive when the same directive was already given at the top, which
 * BuildKit rejects only in the directive block. {@code # check=} above an instruction is a
 * per-instruction check comment and not reported.
 */
public final class IgnoredDirective extends SourceRule {

  /** Creates the rule. */
  public IgnoredDirective() {
    super("DF214", "IgnoredDirective", Severity.WARNING,
        "a parser directive after the top of the file is an ordinary comment", null);
  }

  /**
   * Returns the message.
   *
   * @param name the directive name
   * @param repeated whether the directive was already given at the top
   * @return the message
   */
  public static String message(String name, boolean repeated) {
    return repeated
        ? "repeated parser directive '" + name + "' is ignored: only the one at the top of the"
            + " file counts"
        : "parser directive '" + name + "' is ignored here: directives must come before any"
            + " instruction, comment or blank line";
  }

  @Override
  protected void check(LintContext context, Ast ast) {
    Set<String> given = new HashSet<>();
    for (AstEntry e : ast.entries()) {
      if (e instanceof AstEntry.Directive d) {
        given.add(d.name().toLowerCase(Locale.ROOT));
      } else if (e instanceof AstEntry.Comment c) {
        Matcher m = DirectiveCasing.DIRECTIVE.matcher(c.text().strip());
        if (!m.matches()) {
          continue;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("syntax") || name.equals("escape")) {
          context.report(this, null, Optional.of(new Position(c.line(), 1)),
              message(name, given.contains(name)), null);
        }
      }
    }
  }
}
