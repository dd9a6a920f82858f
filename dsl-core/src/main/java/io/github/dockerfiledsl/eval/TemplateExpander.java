package io.github.dockerfiledsl.eval;

import java.util.Objects;
import java.util.function.Function;

/**
 * Expands model templates (see {@code io.github.dockerfiledsl.instruction.Instruction}): {@code
 * $name} and {@code ${...}} are variable references, {@code \$} a literal dollar sign, {@code \\}
 * a literal backslash, and every other character stands for itself.
 *
 * <pre>{@code
 * TemplateExpander.expand("${APP:-app}-\\$1", Map.of()::get)   // "app-$1"
 * }</pre>
 */
public final class TemplateExpander {
  private static final ShellLexer LEXER = ShellLexer.standard().withSkipProcessQuotes(true);

  private TemplateExpander() {}

  /**
   * Expands a template.
   *
   * @param template the template
   * @param env variable lookup, returning {@code null} for an unset variable
   * @return the expanded value
   * @throws SubstitutionException for a rejected substitution form
   */
  public static String expand(String template, Function<String, String> env) {
    Objects.requireNonNull(template, "template == null");
    if (template.indexOf('$') < 0 && template.indexOf('\\') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 4);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\') {
        char n = i + 1 < template.length() ? template.charAt(i + 1) : 0;
        if (n == '$' || n == '\\') {
          sb.append(c).append(n);
          i++;
        } else {
          sb.append("\\\\");
        }
      } else {
        sb.append(c);
      }
    }
    return LEXER.expand(sb.toString(), env);
  }
}
