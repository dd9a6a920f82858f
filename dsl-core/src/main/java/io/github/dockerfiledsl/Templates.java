package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;

/**
 * Helpers for templates, the values BuildKit expands (see {@link
 * io.github.dockerfiledsl.instruction.Instruction}).
 *
 * <p>{@code Templates.literal("price: $5")} is {@code price: \$5}, which renders as {@code
 * "price: \$5"} and reaches the image as {@code price: $5}.
 */
public final class Templates {
  private Templates() {}

  /**
   * Returns the template whose expansion is exactly {@code value}: every {@code $} and every
   * backslash is escaped, so no variable is expanded.
   *
   * @param value any single-line string
   * @return the template
   */
  public static String literal(String value) {
    Checks.singleLine(value, "literal value");
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Returns the value of a template without variables: {@code \$} becomes {@code $} and
   * {@code \\} a backslash; every other character stands for itself. This is the inverse of
   * {@link #literal(String)}.
   *
   * @param template a template for which {@link #hasVariables(String)} is false
   * @return the value BuildKit expands it to
   * @throws IllegalArgumentException if the template refers to a variable
   */
  public static String unescape(String template) {
    Checks.notNull(template, "template");
    Checks.check(!hasVariables(template), "template (%s) refers to a variable",
        Checks.quote(template));
    StringBuilder sb = new StringBuilder(template.length());
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()
          && (template.charAt(i + 1) == '$' || template.charAt(i + 1) == '\\')) {
        c = template.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Returns whether the template refers to a variable (contains an unescaped {@code $}).
   *
   * @param template the template
   * @return true if expansion may change it
   */
  public static boolean hasVariables(String template) {
    Checks.notNull(template, "template");
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()
          && (template.charAt(i + 1) == '$' || template.charAt(i + 1) == '\\')) {
        i++;
      } else if (c == '$') {
        return true;
      }
    }
    return false;
  }
}
