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

  /**
   * Wraps the writer of standard error so that no character from the input can act on the
   * terminal, whatever message reaches it: control and format characters are escaped as by
   * {@link #safe(String)} (unpaired surrogates are left to the encoder, which writes {@code ?}).
   *
   * @param out the writer
   * @return the escaping writer
   */
  static java.io.Writer escaping(java.io.Writer out) {
    return new java.io.FilterWriter(out) {
      @Override
      public void write(int c) throws java.io.IOException {
        char ch = (char) c;
        if (ch == '\t' || ch == '\n') {
          out.write(ch);
        } else if (ch == '\r') {
          out.write("\\r");
        } else if (ch < 0x20 || ch >= 0x7f && ch <= 0x9f || Character.getType(ch) == Character.FORMAT) {
          out.write(String.format("\\u%04x", (int) ch));
        } else {
          out.write(ch);
        }
      }

      @Override
      public void write(char[] buf, int off, int len) throws java.io.IOException {
        for (int i = off; i < off + len; i++) {
          write(buf[i]);
        }
      }

      @Override
      public void write(String str, int off, int len) throws java.io.IOException {
        for (int i = off; i < off + len; i++) {
          write(str.charAt(i));
        }
      }
    };
  }
}
