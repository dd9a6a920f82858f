package io.github.dockerfiledsl.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * BuildKit's {@code check} directive, {@code skip=<rule,...|all>;error=<bool>}, as written at the
 * top of a Dockerfile ({@code # check=skip=JSONArgsRecommended}) or, since Dockerfile syntax
 * 1.21, in a comment directly above one instruction.
 *
 * @param skip the names of the skipped rules, as written
 * @param skipAll whether {@code skip=all} was given
 * @param error whether {@code error=true} was given (warnings then fail the build)
 * @param experimental the experimental rules enabled by {@code experimental=}
 */
public record CheckDirective(
    List<String> skip, boolean skipAll, boolean error, List<String> experimental) {

  /** The directive that skips nothing. */
  public static final CheckDirective NONE = new CheckDirective(List.of(), false, false, List.of());

  /**
   * Creates a check directive.
   *
   * @param skip the skipped names
   * @param skipAll whether all rules are skipped
   * @param error whether warnings are errors
   * @param experimental the experimental rules enabled, as written ({@code all} for all)
   */
  public CheckDirective {
    skip = List.copyOf(skip);
    experimental = List.copyOf(experimental);
  }

  /**
   * Parses the value of a check directive; only the text before the first blank counts, as in
   * BuildKit, and unknown keys are ignored.
   *
   * @param value the value, e.g. {@code skip=StageNameCasing,FromAsCasing;error=true}
   * @return the directive
   */
  public static CheckDirective parse(String value) {
    String v = value.strip();
    int blank = indexOfBlank(v);
    if (blank >= 0) {
      v = v.substring(0, blank);
    }
    List<String> skip = new ArrayList<>();
    boolean all = false;
    boolean error = false;
    List<String> experimental = new ArrayList<>();
    for (String part : v.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String val = part.substring(eq + 1).strip();
      if (key.equals("skip")) {
        for (String name : val.split(",")) {
          String n = name.strip();
          if (n.equalsIgnoreCase("all")) {
            all = true;
          } else if (!n.isEmpty()) {
            skip.add(n);
          }
        }
      } else if (key.equals("experimental")) {
        for (String name : val.split(",")) {
          if (!name.isBlank()) {
            experimental.add(name.strip());
          }
        }
      } else if (key.equals("error")) {
        error = val.equalsIgnoreCase("true");
      }
    }
    return new CheckDirective(skip, all, error, experimental);
  }

  /**
   * Reads a check directive from a comment's text, the part after {@code #}.
   *
   * @param commentText the comment text, e.g. {@code " check=skip=DF020"}
   * @return the directive, if the comment is one
   */
  public static Optional<CheckDirective> fromComment(String commentText) {
    String t = commentText.strip();
    int eq = t.indexOf('=');
    if (eq < 0 || !t.substring(0, eq).strip().equalsIgnoreCase("check")) {
      return Optional.empty();
    }
    return Optional.of(parse(t.substring(eq + 1)));
  }

  /**
   * Returns whether this directive skips the rule.
   *
   * @param rule the rule
   * @return true if skipped
   */
  public boolean skips(Rule rule) {
    if (skipAll) {
      return true;
    }
    for (String n : skip) {
      if (rule.isNamed(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether this directive enables an experimental rule.
   *
   * @param rule the rule
   * @return true if {@code experimental=} names it or says {@code all}
   */
  public boolean enables(Rule rule) {
    for (String n : experimental) {
      if (n.equalsIgnoreCase("all") || rule.isNamed(n)) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
