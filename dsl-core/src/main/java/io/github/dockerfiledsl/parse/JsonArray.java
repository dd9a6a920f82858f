package io.github.dockerfiledsl.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict JSON reader for exec-form arguments, with the outcomes BuildKit distinguishes: a list
 * of strings, "not JSON" (fall back to shell form) and "JSON but not all strings" (an error).
 */
final class JsonArray {
  /** Marker result for a valid JSON array with a non-string element. */
  static final List<String> NOT_STRINGS = List.of("\u0000not-strings");

  private final String s;
  private int pos;
  private boolean allStrings = true;

  private JsonArray(String s) {
    this.s = s;
  }

  /**
   * Parses {@code text} as a JSON array of strings.
   *
   * @return the strings, {@code null} when the text is not a single valid JSON array, or {@link
   *     #NOT_STRINGS}
   */
  static List<String> parse(String text) {
    JsonArray p = new JsonArray(text);
    List<String> out = new ArrayList<>();
    try {
      p.ws();
      if (p.peek() != '[') {
        return null;
      }
      p.pos++;
      p.ws();
      if (p.peek() == ']') {
        p.pos++;
      } else {
        while (true) {
          p.ws();
          if (p.peek() == '"') {
            out.add(p.string());
          } else {
            p.allStrings = false;
            p.value(1);
          }
          p.ws();
          int c = p.peek();
          p.pos++;
          if (c == ']') {
            break;
          }
          if (c != ',') {
            return null;
          }
        }
      }
      p.ws();
      if (p.pos != text.length()) {
        return null;
      }
    } catch (IllegalStateException e) {
      return null;
    }
    return p.allStrings ? out : NOT_STRINGS;
  }

  private int peek() {
    return pos < s.length() ? s.charAt(pos) : -1;
  }

  private IllegalStateException bad() {
    return new IllegalStateException();
  }

  private void ws() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        break;
      }
    }
  }

  private void value(int depth) {
    if (depth > 10000) {
      throw bad();
    }
    int c = peek();
    switch (c) {
      case '"':
        string();
        return;
      case '[':
        pos++;
        ws();
        if (peek() == ']') {
          pos++;
          return;
        }
        while (true) {
          ws();
          value(depth + 1);
          ws();
          int d = peek();
          pos++;
          if (d == ']') {
            return;
          }
          if (d != ',') {
            throw bad();
          }
        }
      case '{':
        pos++;
        ws();
        if (peek() == '}') {
          pos++;
          return;
        }
        while (true) {
          ws();
          if (peek() != '"') {
            throw bad();
          }
          string();
          ws();
          if (peek() != ':') {
            throw bad();
          }
          pos++;
          ws();
          value(depth + 1);
          ws();
          int d = peek();
          pos++;
          if (d == '}') {
            return;
          }
          if (d != ',') {
            throw bad();
          }
        }
      case 't':
        literal("true");
        return;
      case 'f':
        literal("false");
        return;
      case 'n':
        literal("null");
        return;
      default:
        number();
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw bad();
    }
    pos += word.length();
  }

  private void number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') {
        pos++;
      }
    } else {
      throw bad();
    }
    if (peek() == '.') {
      pos++;
      if (!(peek() >= '0' && peek() <= '9')) {
        throw bad();
      }
      while (peek() >= '0' && peek() <= '9') {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!(peek() >= '0' && peek() <= '9')) {
        throw bad();
      }
      while (peek() >= '0' && peek() <= '9') {
        pos++;
      }
    }
    if (pos == start) {
      throw bad();
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw bad();
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw bad();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= s.length()) {
        throw bad();
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          sb.append(e);
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          int u = hex4();
          if (Character.isHighSurrogate((char) u)) {
            if (s.startsWith("\\u", pos)) {
              int save = pos;
              pos += 2;
              int low = hex4();
              if (Character.isLowSurrogate((char) low)) {
                sb.append((char) u).append((char) low);
                break;
              }
              pos = save;
            }
            sb.append('\uFFFD');
          } else if (Character.isLowSurrogate((char) u)) {
            sb.append('\uFFFD');
          } else {
            sb.append((char) u);
          }
          break;
        default:
          throw bad();
      }
    }
  }

  private int hex4() {
    if (pos + 4 > s.length()) {
      throw bad();
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(s.charAt(pos + i), 16);
      if (d < 0 || s.charAt(pos + i) > 'f') {
        throw bad();
      }
      v = v * 16 + d;
    }
    pos += 4;
    return v;
  }
}
