package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.eval.ShellLexer;
import io.github.dockerfiledsl.eval.SubstitutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Variable references in templates (see {@code Instruction}): finding them and a small expander
 * for the forms BuildKit accepts.
 *
 * <p>Both are bounded: references nested deeper than {@link ShellLexer#MAX_NESTING_DEPTH} are not
 * looked into by {@link #refs} and make {@link #expand} throw, and {@link #expand} throws once
 * the result would exceed {@link ShellLexer#MAX_EXPANDED_LENGTH} characters.
 */
public final class Vars {
  private Vars() {}

  /**
   * One reference: {@code $name} or {@code ${name<op>word}}.
   *
   * @param name the variable name
   * @param op the operator ({@code :-}, {@code -}, {@code :+}, {@code +}, {@code :?}, {@code ?},
   *     {@code #}, {@code ##}, {@code %}, {@code %%}, {@code /}, {@code //}) or empty
   * @param word the word after the operator
   */
  public record Ref(String name, String op, String word) {
    /**
     * Returns whether the reference supplies its own value or check when the variable is unset.
     *
     * @return true for {@code -}, {@code +} and {@code ?} forms
     */
    public boolean guarded() {
      return op.contains("-") || op.contains("+") || op.contains("?");
    }
  }

  /**
   * Returns the variable references of a template, in order (nested ones in words included).
   *
   * @param template the template
   * @return the references
   */
  public static List<Ref> refs(String template) {
    List<Ref> out = new ArrayList<>();
    scan(template, null, out, 0);
    return out;
  }

  /**
   * Expands a template: unset variables expand to the empty string.
   *
   * @param template the template
   * @param env the variables
   * @return the expansion
   * @throws SubstitutionException when the references nest too deeply or the result is too long
   */
  public static String expand(String template, Map<String, String> env) {
    return scan(template, env, new ArrayList<>(), 0);
  }

  private static String scan(String t, Map<String, String> env, List<Ref> refs, int level) {
    StringBuilder sb = new StringBuilder();
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < n && (t.charAt(i + 1) == '$' || t.charAt(i + 1) == '\\')) {
        sb.append(t.charAt(i + 1));
        i += 2;
      } else if (c == '$' && i + 1 < n && t.charAt(i + 1) == '{') {
        int depth = 0;
        int j = i + 1;
        for (; j < n; j++) {
          if (t.charAt(j) == '{') {
            depth++;
          } else if (t.charAt(j) == '}' && --depth == 0) {
            break;
          }
        }
        String inner = t.substring(i + 2, Math.min(j, n));
        int k = 0;
        while (k < inner.length() && (Character.isLetterOrDigit(inner.charAt(k)) || inner.charAt(k) == '_')) {
          k++;
        }
        String name = inner.substring(0, k);
        String rest = inner.substring(k);
        String op = "";
        for (String o : new String[] {":-", ":+", ":?", "##", "%%", "//", "-", "+", "?", "#", "%", "/"}) {
          if (rest.startsWith(o)) {
            op = o;
            break;
          }
        }
        String word = rest.substring(op.length());
        if (!name.isEmpty()) {
          refs.add(new Ref(name, op, word));
        }
        if (level >= ShellLexer.MAX_NESTING_DEPTH) {
          if (env != null) {
            throw new SubstitutionException("variable substitutions nested deeper than "
                + ShellLexer.MAX_NESTING_DEPTH + " levels", t, i);
          }
        } else if (env == null) {
          scan(word, null, refs, level + 1);
        } else {
          String v = env.get(name);
          boolean set = v != null;
          boolean nonEmpty = set && !v.isEmpty();
          // the word is expanded only when it is used
          String out = switch (op) {
            case ":-" -> nonEmpty ? v : scan(word, env, refs, level + 1);
            case "-" -> set ? v : scan(word, env, refs, level + 1);
            case ":+" -> nonEmpty ? scan(word, env, refs, level + 1) : "";
            case "+" -> set ? scan(word, env, refs, level + 1) : "";
            default -> set ? v : "";
          };
          append(sb, out, t, i);
        }
        i = j + 1;
      } else if (c == '$' && i + 1 < n
          && (Character.isLetter(t.charAt(i + 1)) || t.charAt(i + 1) == '_')) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
          j++;
        }
        String name = t.substring(i + 1, j);
        refs.add(new Ref(name, "", ""));
        if (env != null) {
          append(sb, env.getOrDefault(name, ""), t, i);
        }
        i = j;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  /**
   * Returns a text cut to at most 60 characters (with "..." marking the cut), for messages.
   *
   * @param text the text
   * @return the text or its start
   */
  public static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static void append(StringBuilder sb, String value, String template, int at) {
    if ((long) sb.length() + value.length() > ShellLexer.MAX_EXPANDED_LENGTH) {
      throw new SubstitutionException("expanded value longer than "
          + ShellLexer.MAX_EXPANDED_LENGTH + " characters", template, at);
    }
    sb.append(value);
  }
}
