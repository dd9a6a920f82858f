package io.github.dockerfiledsl.codegen;

import com.palantir.javapoet.CodeBlock;

/**
 * Java literals for Dockerfile text: ordinary string literals through JavaPoet's {@code $S}, and
 * text blocks for multi-line text such as heredoc bodies.
 */
final class JavaLiterals {
  private JavaLiterals() {}

  /**
   * Returns a string literal: a text block when the value has more than one line, else {@code $S}.
   */
  static CodeBlock string(String value) {
    if (value.indexOf('\n') >= 0 && value.indexOf('\r') < 0) {
      return CodeBlock.of("$L", textBlock(value));
    }
    return CodeBlock.of("$S", value);
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
      } else if (Character.isISOControl(c)) {
        sb.append(String.format("\\%03o", (int) c));
      } else {
        sb.append(c);
      }
    }
  }
}
