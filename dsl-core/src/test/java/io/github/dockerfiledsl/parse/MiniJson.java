package io.github.dockerfiledsl.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny JSON reader for test data: objects become maps, arrays lists, numbers longs/doubles. */
final class MiniJson {
  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    p.ws();
    Object v = p.value();
    p.ws();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("trailing data at " + p.pos);
    }
    return v;
  }

  private void ws() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private Object value() {
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (s.charAt(pos) == '}') {
          pos++;
          return map;
        }
        while (true) {
          ws();
          String key = string();
          ws();
          expect(':');
          ws();
          map.put(key, value());
          ws();
          char d = s.charAt(pos++);
          if (d == '}') {
            return map;
          }
          if (d != ',') {
            throw new IllegalArgumentException("bad object at " + pos);
          }
        }
      case '[':
        pos++;
        List<Object> list = new ArrayList<>();
        ws();
        if (s.charAt(pos) == ']') {
          pos++;
          return list;
        }
        while (true) {
          ws();
          list.add(value());
          ws();
          char d = s.charAt(pos++);
          if (d == ']') {
            return list;
          }
          if (d != ',') {
            throw new IllegalArgumentException("bad array at " + pos);
          }
        }
      case '"':
        return string();
      case 't':
        pos += 4;
        return Boolean.TRUE;
      case 'f':
        pos += 5;
        return Boolean.FALSE;
      case 'n':
        pos += 4;
        return null;
      default:
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
          pos++;
        }
        String num = s.substring(start, pos);
        if (num.contains(".") || num.contains("e") || num.contains("E")) {
          return Double.parseDouble(num);
        }
        return Long.parseLong(num);
    }
  }

  private void expect(char c) {
    if (s.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos);
    }
    pos++;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case 'n':
          sb.append('\n');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'u':
          sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          pos += 4;
          break;
        default:
          sb.append(e);
      }
    }
  }
}
