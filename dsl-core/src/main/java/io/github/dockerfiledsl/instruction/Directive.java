package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.Locale;
import java.util.Set;

/**
 * A parser directive at the top of a Dockerfile: {@code # syntax=docker/dockerfile:1}, {@code #
 * escape=`} or {@code # check=skip=JSONArgsRecommended}.
 *
 * @param name the directive name in lower case: {@code syntax}, {@code escape} or {@code check}
 * @param value the value, trimmed
 */
public record Directive(String name, String value) {

  /** The directive names BuildKit knows. */
  public static final Set<String> NAMES = Set.of("syntax", "escape", "check");

  /**
   * Creates a directive, checking its name and value.
   *
   * @param name the directive name (any case)
   * @param value the value
   */
  public Directive {
    Checks.notNull(name, "directive name");
    name = name.toLowerCase(Locale.ROOT);
    Checks.check(NAMES.contains(name), "directive name (%s) must be syntax, escape or check", Checks.quote(name));
    String given = Checks.singleLine(value, "directive " + name);
    value = given.strip();
    // BuildKit's directive pattern needs a value: '# syntax=' is an ordinary comment
    Checks.check(!value.isEmpty(), "directive %s (%s) must not be blank", name,
        Checks.quote(given));
    if (name.equals("escape")) {
      Checks.check(
          value.equals("\\") || value.equals("`"),
          "escape directive (%s) must be \\ or `",
          Checks.quote(value));
    }
  }

  /**
   * Returns {@code # syntax=value}.
   *
   * @param value the frontend image, e.g. {@code docker/dockerfile:1}
   * @return the directive
   */
  public static Directive syntax(String value) {
    return new Directive("syntax", value);
  }

  /**
   * Returns {@code # escape=c}.
   *
   * @param escape the escape character, {@code \} or {@code `}
   * @return the directive
   */
  public static Directive escape(char escape) {
    return new Directive("escape", String.valueOf(escape));
  }

  /**
   * Returns {@code # check=value}.
   *
   * @param value for example {@code skip=JSONArgsRecommended;error=true}
   * @return the directive
   */
  public static Directive check(String value) {
    return new Directive("check", value);
  }
}
