package io.github.dockerfiledsl.cli;

/** Makes messages safe for a terminal: no character from the input may act on it. */
final class Terminal {
  private Terminal() {}

  /**
   * Escapes control characters (C0 except tab and line feed, DEL, C1), format characters such as
   * bidirectional overrides, and unpaired surrogates as {@code \\uXXXX} ({@code \\r} for a
   * carriage return).
   *
   * @param message the message, possibly null
   * @return the escaped message
   */
  static String safe(String message) {
    if (message == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < message.length()
          && Character.isLowSurrogate(message.charAt(i + 1))
          || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(message.charAt(i - 1));
      if (c == '\t' || c == '\n') {
        sb.append(c);
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c) && !paired) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
