package io.github.dockerfiledsl.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java identifiers for the local variables of generated code: lower camel case from stage names
 * and image names, never a keyword, never a name already taken.
 */
final class JavaNames {
  private final Set<String> taken = new HashSet<>();

  /** Reserves a name so that {@link #allocate} never returns it. */
  void reserve(String name) {
    taken.add(name);
  }

  /**
   * Returns a fresh identifier derived from {@code suggestion}: {@code build-env} becomes {@code
   * buildEnv}, {@code 1st} becomes {@code _1st}, {@code final} becomes {@code finalStage}, and a
   * repeated name gets a number ({@code builder2}).
   */
  String allocate(String suggestion, String fallback) {
    String base = camel(suggestion);
    if (base.isEmpty()) {
      base = fallback;
    }
    if (SourceVersion.isKeyword(base, SourceVersion.RELEASE_17) || isRestricted(base)) {
      base = base + "Stage";
    }
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + n;
    }
    return name;
  }

  /** Names that are legal identifiers but confusing or illegal as a local variable type name. */
  private static boolean isRestricted(String name) {
    return name.equals("var") || name.equals("yield") || name.equals("record")
        || name.equals("sealed") || name.equals("permits") || name.equals("_");
  }

  /**
   * Converts text to a lower camel case Java identifier: separators ({@code - _ . / :} and any
   * other character that cannot be part of an identifier) start a new word.
   */
  static String camel(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        if (sb.length() == 0) {
          sb.append(Character.isDigit(c) ? "_" + c : String.valueOf(c).toLowerCase(Locale.ROOT));
        } else {
          sb.append(upper ? Character.toUpperCase(c) : c);
        }
        upper = false;
      } else {
        upper = sb.length() > 0;
      }
    }
    return sb.toString();
  }
}
