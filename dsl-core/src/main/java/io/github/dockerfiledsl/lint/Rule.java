package io.github.dockerfiledsl.lint;

import java.util.Optional;

/**
 * One lint check with a stable id: it looks at a Dockerfile through a {@link LintContext} and
 * reports findings there.
 *
 * <p>Implementations are stateless and thread-safe; {@link #check(LintContext)} may be called for
 * many Dockerfiles.
 */
public interface Rule {

  /**
   * Returns the stable id, e.g. {@code DF007}.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the rule's name in upper camel case; for a BuildKit check it is BuildKit's name.
   *
   * @return the name, e.g. {@code JSONArgsRecommended}
   */
  String name();

  /**
   * Returns the default severity of the rule's findings.
   *
   * @return the severity
   */
  Severity severity();

  /**
   * Returns a one-sentence summary of what the rule checks.
   *
   * @return the summary
   */
  String summary();

  /**
   * Returns the name of the equivalent BuildKit build check.
   *
   * @return the BuildKit check name, if any
   */
  default Optional<String> buildkit() {
    return Optional.empty();
  }

  /**
   * Returns the code of the equivalent hadolint rule.
   *
   * @return the hadolint code, e.g. {@code DL3020}, if any
   */
  default Optional<String> hadolint() {
    return Optional.empty();
  }

  /**
   * Returns whether the rule reads the source text (and so reports nothing for built models).
   *
   * @return true for rules about spelling that the model normalises away
   */
  default boolean needsSource() {
    return false;
  }

  /**
   * Returns whether the rule is experimental, as some BuildKit checks are: it runs only when the
   * Dockerfile enables it ({@code # check=experimental=<name>|all}) or the linter was made with
   * {@link Linter#withExperimental()}.
   *
   * @return true for an experimental rule
   */
  default boolean experimental() {
    return false;
  }

  /**
   * Checks a Dockerfile and reports findings to the context.
   *
   * @param context the Dockerfile and where to report
   */
  void check(LintContext context);

  /**
   * Returns whether {@code name} designates this rule in a {@code # check=skip=} list: its id, its
   * name, its BuildKit name or its hadolint code, ignoring case.
   *
   * @param name the name from the directive
   * @return true if it names this rule
   */
  default boolean isNamed(String name) {
    String n = name.strip();
    return n.equalsIgnoreCase(id())
        || n.equalsIgnoreCase(name())
        || buildkit().map(n::equalsIgnoreCase).orElse(false)
        || hadolint().map(n::equalsIgnoreCase).orElse(false);
  }
}
