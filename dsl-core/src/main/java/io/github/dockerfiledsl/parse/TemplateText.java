package io.github.dockerfiledsl.parse;

/**
 * Turns a word as written in a Dockerfile (quotes and escapes included) into a model template:
 * the value after quote removal, with live variable references kept, literal {@code $} written
 * {@code \$} and literal backslashes written {@code \\}.
 */
final class TemplateText {
  private TemplateText() {}

  static String of(String raw, char escape) {
    if (raw.indexOf('\'') < 0 && raw.indexOf('"') < 0 && raw.indexOf(escape) < 0
        && raw.indexOf('\\') < 0) {
      return raw; // nothing to remove or escape; '$' references stay live
    }
    StringBuilder sb = new StringBuilder(raw.length() + 8);
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (c == escape) {
        if (i + 1 < n) {
          literal(sb, raw.charAt(i + 1));
        }
        i += 2;
      } else if (c == '\'') {
        int end = raw.indexOf('\'', i + 1);
        if (end < 0) {
          end = n; // BuildKit fails on expansion; keep the text
        }
        for (int k = i + 1; k < end; k++) {
          literal(sb, raw.charAt(k));
        }
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < n && raw.charAt(i) != '"') {
          char d = raw.charAt(i);
          if (d == escape && i + 1 < n) {
            char e = raw.charAt(i + 1);
            if (e == '"' || e == '$' || e == escape) {
              literal(sb, e);
              i += 2;
              continue;
            }
            literal(sb, d);
            i++;
          } else if (d == '$') {
            i = dollar(raw, i, sb);
          } else {
            literal(sb, d);
            i++;
          }
        }
        i++; // closing quote
      } else if (c == '$') {
        i = dollar(raw, i, sb);
      } else {
        literal(sb, c);
        i++;
      }
    }
    return sb.toString();
  }

  private static void literal(StringBuilder sb, char c) {
    if (c == '$' || c == '\\') {
      sb.append('\\');
    }
    sb.append(c);
  }

  /** Copies a variable reference starting at {@code i} ('$'); returns the index after it. */
  private static int dollar(String raw, int i, StringBuilder sb) {
    int n = raw.length();
    if (i + 1 < n && raw.charAt(i + 1) == '{') {
      int depth = 0;
      int k = i + 1;
      for (; k < n; k++) {
        char c = raw.charAt(k);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) {
            break;
          }
        }
      }
      int end = Math.min(k + 1, n);
      sb.append(raw, i, end);
      return end;
    }
    int k = i + 1;
    if (k < n && Character.isDigit(raw.charAt(k))) {
      while (k < n && Character.isDigit(raw.charAt(k))) {
        k++;
      }
    } else if (k < n && "@*#?-$!0".indexOf(raw.charAt(k)) >= 0) {
      k++;
    } else {
      while (k < n && (Character.isLetterOrDigit(raw.charAt(k)) || raw.charAt(k) == '_')) {
        k++;
      }
    }
    if (k == i + 1) {
      sb.append("\\$"); // a lone '$' is literal
      return k;
    }
    sb.append(raw, i, k);
    return k;
  }
}
