package io.github.dockerfiledsl.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Variable references in templates (see {@code Instruction}): finding them and a small expander
 * for the forms BuildKit accepts.
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
    scan(template, null, out);
    return out;
  }

  /**
   * Expands a template: unset variables expand to the empty string.
   *
   * @param template the template
   * @param env the variables
   * @return the expansion
   */
  public static String expand(String template, Map<String, String> env) {
    return scan(template, env, new ArrayList<>());
  }

  private static String scan(String t, Map<String, String> env, List<Ref> refs) {
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
        String wordValue = scan(word, env, refs);
        if (env != null) {
          String v = env.get(name);
          boolean set = v != null;
          boolean nonEmpty = set && !v.isEmpty();
          switch (op) {
            case ":-" -> sb.append(nonEmpty ? v : wordValue);
            case "-" -> sb.append(set ? v : wordValue);
            case ":+" -> sb.append(nonEmpty ? wordValue : "");
            case "+" -> sb.append(set ? wordValue : "");
            default -> sb.append(set ? v : "");
          }
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
          sb.append(env.getOrDefault(name, ""));
        }
        i = j;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }
}
