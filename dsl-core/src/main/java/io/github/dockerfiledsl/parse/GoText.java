package io.github.dockerfiledsl.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Text helpers that reproduce Go's notions of space and trimming used by BuildKit. */
final class GoText {
  private GoText() {}

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int ch) {
    return io.github.dockerfiledsl.internal.Checks.isSpace(ch);
  }

  /** The characters of BuildKit's {@code [\t\v\f\r ]+} separator. */
  static boolean isSeparator(char ch) {
    return ch == ' ' || ch == '\t' || ch == 0x0B || ch == '\f' || ch == '\r';
  }

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length()) {
      int ch = s.codePointAt(i);
      if (!isSpace(ch)) {
        break;
      }
      i += Character.charCount(ch);
    }
    return i == 0 ? s : s.substring(i);
  }

  static String trimRight(String s) {
    int end = s.length();
    while (end > 0) {
      int ch = s.codePointBefore(end);
      if (!isSpace(ch)) {
        break;
      }
      end -= Character.charCount(ch);
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  static String trim(String s) {
    return trimRight(trimLeft(s));
  }

  /** Splits on runs of {@code [\t\v\f\r ]} like Go's {@code regexp.Split(s, -1)}. */
  static List<String> splitSeparators(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (isSeparator(s.charAt(i))) {
        out.add(s.substring(start, i));
        while (i < s.length() && isSeparator(s.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /** Index of the first separator run, or -1. */
  static int firstSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isSeparator(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static int endOfSeparators(String s, int i) {
    while (i < s.length() && isSeparator(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String fromUtf8(byte[] b, int from) {
    return new String(b, from, b.length - from, StandardCharsets.UTF_8);
  }
}
