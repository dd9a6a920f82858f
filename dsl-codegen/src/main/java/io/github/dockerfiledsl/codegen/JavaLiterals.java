package io.github.dockerfiledsl.codegen;

import com.palantir.javapoet.CodeBlock;

/**
 * Java literals for Dockerfile text: string literals, and text blocks for multi-line text such as
 * heredoc bodies.
 *
 * <p>JavaPoet's {@code $S} is not used for Dockerfile text: it splits a literal at every character
 * that {@code \R} matches ({@code U+2028}, {@code U+0085}, ...), which breaks the literal; here
 * such characters are escaped.
 */
final class JavaLiterals {
  private JavaLiterals() {}

  /**
   * Returns a string literal: a text block when the value has more than one line, else a quoted
   * literal.
   */
  static CodeBlock string(String value) {
    if (value.indexOf('\n') >= 0 && fitsTextBlock(value)) {
      // the content and the closing delimiter one level deeper than the line that opens it
      return CodeBlock.of("$>$>$L$<$<", textBlock(value));
    }
    return CodeBlock.of("$L", quoted(value));
  }

  /** Returns a double-quoted literal, escaping quotes, backslashes and control characters. */
  static String quoted(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> escapeOther(sb, c);
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Appends a character that needs no escape of its own: control characters as octal escapes,
   * the line and paragraph separators as Unicode escapes (which the compiler accepts inside a
   * literal, while JavaPoet would break the line there).
   */
  private static void escapeOther(StringBuilder sb, char c) {
    if (Character.isISOControl(c)) {
      sb.append(String.format("\\%03o", (int) c));
    } else if (c == '\u2028' || c == '\u2029') {
      sb.append(String.format("\\u%04x", (int) c));
    } else {
      sb.append(c);
    }
  }

  /**
   * Returns whether a text block can hold the value: white space other than blanks, tabs and line
   * breaks (such as {@code U+2028} or a carriage return) would be taken for a line end or stripped
   * by the compiler, whether escaped as a Unicode escape or not.
   */
  private static boolean fitsTextBlock(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n'
          && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the source of a text block whose value is exactly {@code value}.
   *
   * <p>The content lines and the closing delimiter start at column 0; JavaPoet indents every line
   * of a statement by the same amount, so the incidental indentation that the compiler strips is
   * exactly what JavaPoet adds. Backslashes, runs of three quotes, tabs, control characters and
   * trailing blanks (which the compiler would strip) are escaped; a value that does not end with a
   * line break ends with a {@code \<line break>} escape.
   */
  static String textBlock(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 16).append("\"\"\"\n");
    String[] lines = value.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      boolean last = i == lines.length - 1;
      if (last && lines[i].isEmpty()) {
        break;
      }
      appendLine(sb, lines[i]);
      sb.append(last ? "\\\n" : "\n");
    }
    return sb.append("\"\"\"").toString();
  }

  private static void appendLine(StringBuilder sb, String line) {
    int end = line.length();
    // the compiler strips trailing blanks; keep them by escaping the last one
    int keep = end;
    while (keep > 0 && line.charAt(keep - 1) == ' ') {
      keep--;
    }
    int quotes = 0;
    for (int k = 0; k < end; k++) {
      char c = line.charAt(k);
      quotes = c == '"' ? quotes + 1 : 0;
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '"' && quotes == 3) {
        sb.append("\\\"");
        quotes = 0;
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == ' ' && k == end - 1 && keep < end) {
        sb.append("\\s");
      } else {
        escapeOther(sb, c);
      }
    }
  }
}
