package io.github.dockerfiledsl.render;

import java.util.ArrayList;
import java.util.List;

/** A strict, test-only reader of JSON arrays of strings, as Go's encoding/json reads them. */
final class MiniJson {
  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Parses a JSON array of strings; throws IllegalStateException on anything else. */
  static List<String> strings(String text) {
    MiniJson p = new MiniJson(text);
    p.ws();
    p.expect('[');
    List<String> out = new ArrayList<>();
    p.ws();
    if (p.peek() == ']') {
      p.pos++;
    } else {
      while (true) {
        p.ws();
        out.add(p.string());
        p.ws();
        char c = p.next();
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw new IllegalStateException("expected , or ] in " + text);
        }
      }
    }
    p.ws();
    if (p.pos != text.length()) {
      throw new IllegalStateException("trailing text after JSON array in " + text);
    }
    return out;
  }

  private char peek() {
    if (pos >= s.length()) {
      throw new IllegalStateException("unexpected end of JSON " + s);
    }
    return s.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalStateException("expected " + c + " in " + s);
    }
  }

  private void ws() {
    while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw new IllegalStateException("raw control character in JSON string " + s);
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw new IllegalStateException("bad JSON escape in " + s);
      }
    }
  }
}
