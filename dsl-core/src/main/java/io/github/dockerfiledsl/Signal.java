package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.regex.Pattern;

/**
 * A signal for {@code STOPSIGNAL}: a name ({@code SIGTERM}), a number, or a template.
 *
 * <p>{@code stopsignal(Signal.SIGQUIT)} renders {@code STOPSIGNAL SIGQUIT}.
 */
public final class Signal {
  private static final Pattern NAME = Pattern.compile("(SIG)?[A-Z][A-Z0-9]*([+-][0-9]+)?");

  /** {@code SIGTERM}, the default stop signal. */
  public static final Signal SIGTERM = new Signal("SIGTERM");
  /** {@code SIGINT}. */
  public static final Signal SIGINT = new Signal("SIGINT");
  /** {@code SIGQUIT}, used by nginx for a graceful shutdown. */
  public static final Signal SIGQUIT = new Signal("SIGQUIT");
  /** {@code SIGKILL}. */
  public static final Signal SIGKILL = new Signal("SIGKILL");
  /** {@code SIGHUP}. */
  public static final Signal SIGHUP = new Signal("SIGHUP");
  /** {@code SIGUSR1}. */
  public static final Signal SIGUSR1 = new Signal("SIGUSR1");
  /** {@code SIGUSR2}. */
  public static final Signal SIGUSR2 = new Signal("SIGUSR2");
  /** {@code SIGWINCH}, used by Apache httpd for a graceful stop. */
  public static final Signal SIGWINCH = new Signal("SIGWINCH");

  private final String value;

  private Signal(String value) {
    this.value = value;
  }

  /**
   * Returns the signal with the given name, with or without the {@code SIG} prefix ({@code TERM},
   * {@code SIGRTMIN+3}).
   *
   * @param name the upper-case name
   * @return the signal
   */
  public static Signal named(String name) {
    Checks.word(name, "signal name");
    Checks.check(
        NAME.matcher(name).matches(),
        "signal name (%s) must be an upper-case name such as SIGTERM or TERM",
        Checks.quote(name));
    return new Signal(name);
  }

  /**
   * Returns the signal with the given number.
   *
   * @param number the number, 1..64
   * @return the signal
   */
  public static Signal of(int number) {
    Checks.check(number >= 1 && number <= 64, "signal number (%s) must be in 1..64", number);
    return new Signal(String.valueOf(number));
  }

  /**
   * Returns a signal given as a template, such as {@code $STOP_SIGNAL}.
   *
   * @param template the template; must refer to a variable
   * @return the signal
   */
  public static Signal variable(String template) {
    Checks.word(template, "signal template");
    Checks.check(
        Templates.hasVariables(template),
        "signal template (%s) must refer to a variable; use Signal.named or Signal.of",
        Checks.quote(template));
    return new Signal(template);
  }

  /**
   * Returns the signal as written after {@code STOPSIGNAL}.
   *
   * @return the text
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signal s && value.equals(s.value);
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
