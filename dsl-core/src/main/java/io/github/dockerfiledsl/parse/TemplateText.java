package io.github.dockerfiledsl.parse;

import io.github.dockerfiledsl.eval.ShellLexer;

/**
 * Turns a word as written in a Dockerfile (quotes and escapes included) into a model template:
 * the value after quote removal, with live variable references kept, literal {@code $} written
 * {@code \$} and literal backslashes written {@code \\}.
 */
final class TemplateText {
  private TemplateText() {}

  static String of(String raw, char escape) {
    return of(raw, escape, 0);
  }

  private static String of(String raw, char escape, int level) {
    if (raw.indexOf('\'') < 0 && raw.indexOf('"') < 0 && raw.indexOf(escape) < 0
        && raw.indexOf('\\') < 0 && !hasLoneDollar(raw) && !hasUnterminatedReference(raw)) {
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
            i = dollar(raw, i, sb, escape, level);
          } else {
            literal(sb, d);
            i++;
          }
        }
        i++; // closing quote
      } else if (c == '$') {
        i = dollar(raw, i, sb, escape, level);
      } else {
        literal(sb, c);
        i++;
      }
    }
    return sb.toString();
  }

  /** Returns whether a top-level {@code ${} has no matching brace (one pass over the text). */
  private static boolean hasUnterminatedReference(String raw) {
    int i = raw.indexOf("${");
    while (i >= 0) {
      int depth = 0;
      int k = i + 1;
      for (; k < raw.length(); k++) {
        char c = raw.charAt(k);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      if (k >= raw.length()) {
        return true;
      }
      i = raw.indexOf("${", k + 1);
    }
    return false;
  }

  /** Returns whether a '$' starts no reference, so that the template must write it {@code \$}. */
  private static boolean hasLoneDollar(String raw) {
    for (int i = raw.indexOf('$'); i >= 0; i = raw.indexOf('$', i + 1)) {
      char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
      if (next != '{' && !Character.isLetterOrDigit(next) && next != '_'
          && "@*#?-$!".indexOf(next) < 0) {
        return true;
      }
    }
    return false;
  }

  private static void literal(StringBuilder sb, char c) {
    if (c == '$' || c == '\\') {
      sb.append('\\');
    }
    sb.append(c);
  }

  /** Copies a variable reference starting at {@code i} ('$'); returns the index after it. */
  private static int dollar(String raw, int i, StringBuilder sb, char escape, int level) {
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
      if (k < n) {
        if (level >= ShellLexer.MAX_NESTING_DEPTH) {
          throw new IllegalArgumentException("variable substitutions nested deeper than "
              + ShellLexer.MAX_NESTING_DEPTH + " levels");
        }
        braced(raw.substring(i + 2, k), sb, escape, level + 1);
      } else {
        // BuildKit fails every expansion of it ("missing '}'"), and no quoting could carry it
        // through fmt unchanged
        throw new IllegalArgumentException("variable reference '"
            + (end - i > 40 ? raw.substring(i, i + 37) + "..." : raw.substring(i, end))
            + "' has no closing '}'");
      }
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

  /**
   * Copies {@code ${inner}}: the name and operator as written, and the operator's word with
   * BuildKit's quote removal applied, since BuildKit processes that word like any other
   * ({@code ${A:+"x"}} expands to {@code x}, without quotes).
   */
  private static void braced(String inner, StringBuilder sb, char escape, int level) {
    int k = 0;
    while (k < inner.length()
        && (Character.isLetterOrDigit(inner.charAt(k)) || inner.charAt(k) == '_')) {
      k++;
    }
    int op = k;
    if (op < inner.length() && inner.charAt(op) == ':') {
      op++;
    }
    if (op < inner.length() && "-+?#%/".indexOf(inner.charAt(op)) >= 0) {
      char o = inner.charAt(op);
      op++;
      if (op < inner.length() && (o == '#' || o == '%' || o == '/') && inner.charAt(op) == o) {
        op++;
      }
    }
    sb.append("${").append(inner, 0, op).append(of(inner.substring(op), escape, level)).append('}');
  }
}
