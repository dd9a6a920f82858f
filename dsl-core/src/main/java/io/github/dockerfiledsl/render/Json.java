package io.github.dockerfiledsl.render;

import java.util.List;

/** A small JSON string writer for exec-form arrays; no dependency needed. */
public final class Json {
  private Json() {}

  /**
   * Writes a string as a JSON string literal, escaping quotes, backslashes and control
   * characters.
   *
   * @param value the string
   * @return the JSON literal, with quotes
   */
  public static String string(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Writes a list of strings as a JSON array in canonical layout: {@code ["a", "b"]}.
   *
   * @param values the strings
   * @return the JSON array
   */
  public static String array(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(string(values.get(i)));
    }
    return sb.append(']').toString();
  }
}
