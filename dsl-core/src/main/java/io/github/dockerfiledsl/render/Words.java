package io.github.dockerfiledsl.render;

import io.github.dockerfiledsl.internal.Checks;

/**
 * Quoting of templates: turns a template (see {@link io.github.dockerfiledsl.instruction.Instruction})
 * into a Dockerfile word that BuildKit's word processing reads back as exactly that template,
 * for either escape character.
 *
 * <p>A template is written bare when every character is plainly safe ({@code
 * [A-Za-z0-9_./:@%+,=~^{}$*?!-]}, and {@code #} after the first character), not starting with
 * {@code -} or {@code [}); otherwise it is
 * written in double quotes, where the escape character precedes {@code "}, a literal {@code $}
 * and a literal escape character, and a literal backslash is doubled when the escape character is
 * the backslash.
 */
public final class Words {
  private Words() {}

  private static boolean plain(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || "_./:@%+,=~^{}$*?!-".indexOf(c) >= 0;
  }

  /**
   * Returns whether the template can be written without quotes in a blank-separated list.
   *
   * @param template the template
   * @return true if it needs no quoting
   */
  public static boolean isPlain(String template) {
    if (template.isEmpty() || template.charAt(0) == '-' || template.charAt(0) == '[') {
      return false;
    }
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      // '#' starts a comment only at the start of a line, never inside a word
      if (!plain(c) && !(c == '#' && i > 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Renders a template as one word: bare when plain, else double-quoted.
   *
   * @param template the template
   * @param escape the escape character
   * @param field the field name for error messages
   * @return the word
   */
  public static String word(String template, char escape, String field) {
    Checks.singleLine(template, field);
    return isPlain(template) ? template : quoted(template, escape);
  }

  /**
   * Renders a template as the content of a JSON-form element: white space needs no quoting
   * there, so only templates with quotes, backslashes, the escape character or a literal
   * {@code $} are double-quoted.
   *
   * @param template the template
   * @param escape the escape character
   * @param field the field name for error messages
   * @return the word, to be JSON-escaped by the caller
   */
  public static String jsonWord(String template, char escape, String field) {
    Checks.singleLine(template, field);
    boolean needs = template.isEmpty()
        || template.indexOf('"') >= 0
        || template.indexOf('\'') >= 0
        || template.indexOf('\\') >= 0
        || template.indexOf(escape) >= 0;
    return needs ? quoted(template, escape) : template;
  }

  /**
   * Renders a template in double quotes.
   *
   * @param template the template
   * @param escape the escape character
   * @return the quoted word
   */
  public static String quoted(String template, char escape) {
    StringBuilder sb = new StringBuilder(template.length() + 2).append('"');
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\') {
        char next = i + 1 < template.length() ? template.charAt(i + 1) : 0;
        if (next == '$') {
          sb.append(escape).append('$');
          i++;
          continue;
        }
        if (next == '\\') {
          i++;
        }
        // a literal backslash
        sb.append(escape == '\\' ? "\\\\" : "\\");
      } else if (c == '"' || c == escape) {
        sb.append(escape).append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Checks a value that is written bare because BuildKit reads it without quote processing
   * (flag values such as {@code --from} and {@code --exclude}, mount options, heredoc-free
   * literal fields): it must be a single non-empty word without quotes, blanks or the escape
   * character.
   *
   * @param value the value
   * @param escape the escape character
   * @param field the field name for error messages
   * @param extraForbidden further characters the context forbids (e.g. {@code ,} in mounts)
   * @return the value
   */
  public static String bare(String value, char escape, String field, String extraForbidden) {
    Checks.word(value, field);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Checks.isSpace(c) || c == '"' || c == '\'' || c == '\\' || c == escape
          || extraForbidden.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            field + " (" + Checks.quote(value) + ") must not contain white space, quotes, '\\', the"
                + " escape character" + (extraForbidden.isEmpty() ? "" : " or any of '" + extraForbidden + "'"));
      }
    }
    return value;
  }
}
