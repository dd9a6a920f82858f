package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.regex.Pattern;

/**
 * A file mode for {@code COPY --chmod} and {@code ADD --chmod}: octal or symbolic.
 *
 * <p>{@code Chmod.of(0755)} renders {@code --chmod=755}; {@code Chmod.symbolic("u+x")} renders
 * {@code --chmod=u+x}. Write the octal literal with its leading {@code 0} in Java.
 */
public final class Chmod {
  private static final Pattern SYMBOLIC =
      Pattern.compile("[ugoa]*[-+=][rwxXst]*([-+=][rwxXst]*)*(,[ugoa]*[-+=][rwxXst]*([-+=][rwxXst]*)*)*");

  private final String value;

  private Chmod(String value) {
    this.value = value;
  }

  /**
   * Returns an octal mode.
   *
   * @param mode the mode, 0 to 07777 (write it as a Java octal literal, {@code 0644})
   * @return the mode
   */
  public static Chmod of(int mode) {
    Checks.check(
        mode >= 0 && mode <= 07777,
        "mode (%s) must be in 0..07777 (octal; write it as a Java octal literal such as 0644)",
        mode >= 0 ? "0" + Integer.toOctalString(mode) : String.valueOf(mode));
    return new Chmod(String.format("%03o", mode));
  }

  /**
   * Returns an octal mode written exactly as given, such as {@code 0644} with its leading zero
   * ({@link #of(int)} writes {@code 644}).
   *
   * @param digits three or four octal digits
   * @return the mode
   */
  public static Chmod octal(String digits) {
    Checks.notNull(digits, "chmod mode");
    Checks.check(
        digits.matches("[0-7]{3,4}"),
        "chmod mode (%s) must be three or four octal digits",
        Checks.quote(digits));
    return new Chmod(digits);
  }

  /**
   * Returns a symbolic mode such as {@code u+x} or {@code u=rwX,go=rX} (BuildKit 1.14+).
   *
   * @param mode the symbolic mode
   * @return the mode
   */
  public static Chmod symbolic(String mode) {
    Checks.word(mode, "chmod mode");
    Checks.check(
        SYMBOLIC.matcher(mode).matches(),
        "chmod mode (%s) must be symbolic, like u+x or u=rwX,go=rX",
        Checks.quote(mode));
    return new Chmod(mode);
  }

  /**
   * Returns a mode given as a template, such as {@code $MODE}.
   *
   * @param template the template; must refer to a variable
   * @return the mode
   */
  public static Chmod variable(String template) {
    Checks.word(template, "chmod template");
    Checks.check(
        Templates.hasVariables(template),
        "chmod template (%s) must refer to a variable; use Chmod.of or Chmod.symbolic",
        Checks.quote(template));
    return new Chmod(template);
  }

  /**
   * Returns the mode as written after {@code --chmod=}.
   *
   * @return the text
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Chmod c && value.equals(c.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
