package io.github.dockerfiledsl.render;

/** A strict check of whether a text is a JSON array, as BuildKit's exec-form detection uses. */
final class JsonArrays {
  private final String s;
  private int pos;

  private JsonArrays(String s) {
    this.s = s;
  }

  /** Returns whether {@code text} is exactly one JSON array (any element types). */
  static boolean isArray(String text) {
    JsonArrays p = new JsonArrays(text);
    try {
      p.ws();
      if (!p.peek('[')) {
        return false;
      }
      p.value(0);
      p.ws();
      return p.pos == text.length();
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw new IllegalStateException();
    }
    pos++;
  }

  private void ws() {
    while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private void value(int depth) {
    if (depth > 512) {
      throw new IllegalStateException();
    }
    ws();
    if (pos >= s.length()) {
      throw new IllegalStateException();
    }
    char c = s.charAt(pos);
    switch (c) {
      case '[' -> container(']', depth, false);
      case '{' -> container('}', depth, true);
      case '"' -> string();
      default -> literal();
    }
  }

  private void container(char close, int depth, boolean object) {
    pos++;
    ws();
    if (peek(close)) {
      pos++;
      return;
    }
    while (true) {
      if (object) {
        ws();
        string();
        ws();
        expect(':');
      }
      value(depth + 1);
      ws();
      if (peek(',')) {
        pos++;
        continue;
      }
      expect(close);
      return;
    }
  }

  private void string() {
    expect('"');
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        if (pos >= s.length()) {
          throw new IllegalStateException();
        }
        char e = s.charAt(pos++);
        if (e == 'u') {
          for (int k = 0; k < 4; k++) {
            if (pos >= s.length() || Character.digit(s.charAt(pos++), 16) < 0) {
              throw new IllegalStateException();
            }
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw new IllegalStateException();
        }
      } else if (c < 0x20) {
        throw new IllegalStateException();
      }
    }
    throw new IllegalStateException();
  }

  private void literal() {
    int start = pos;
    while (pos < s.length() && "-+.eE0123456789truefalsn".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String lit = s.substring(start, pos);
    if (!(lit.equals("true") || lit.equals("false") || lit.equals("null")
        || lit.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?"))) {
      throw new IllegalStateException();
    }
  }
}
