package io.github.dockerfiledsl.registry;

/** Message helpers: quoting with control characters escaped, and shortening long answers. */
final class Text {
  private static final int MAX_ANSWER = 300;

  private Text() {}

  /**
   * Quotes a value for a message, with control and format characters as Java escapes.
   *
   * @param value the value
   * @return the quoted value
   */
  static String quote(String value) {
    return "'" + escape(value) + "'";
  }

  /**
   * Escapes control and format characters.
   *
   * @param value the value
   * @return the escaped value
   */
  static String escape(String value) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0
              || Character.getType(c) == Character.FORMAT
              || Character.getType(c) == Character.LINE_SEPARATOR
              || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Returns a registry's answer body for a message: trimmed, escaped, at most 300 characters.
   *
   * @param body the body
   * @return the shortened body
   */
  static String answer(String body) {
    String b = body.strip();
    if (b.length() > MAX_ANSWER) {
      b = b.substring(0, MAX_ANSWER) + "...";
    }
    return escape(b);
  }
}
