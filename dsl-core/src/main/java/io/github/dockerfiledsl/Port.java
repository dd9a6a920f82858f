package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.Locale;

/**
 * A port (or port range) for {@code EXPOSE}, validated on construction.
 *
 * <p>{@code expose(Port.tcp(80), Port.udp(53), Port.range(8000, 8010))} renders {@code EXPOSE
 * 80/tcp 53/udp 8000-8010}.
 */
public final class Port {
  private final String value;

  private Port(String value) {
    this.value = value;
  }

  private static int check(int port) {
    Checks.check(port >= 0 && port <= 65535, "port (%s) must be in 0..65535", port);
    return port;
  }

  /**
   * Returns a port without protocol (TCP is implied): {@code 8000}.
   *
   * @param port the port number, 0..65535
   * @return the port
   */
  public static Port of(int port) {
    return new Port(String.valueOf(check(port)));
  }

  /**
   * Returns a TCP port: {@code 80/tcp}.
   *
   * @param port the port number, 0..65535
   * @return the port
   */
  public static Port tcp(int port) {
    return new Port(check(port) + "/tcp");
  }

  /**
   * Returns a UDP port: {@code 53/udp}.
   *
   * @param port the port number, 0..65535
   * @return the port
   */
  public static Port udp(int port) {
    return new Port(check(port) + "/udp");
  }

  /**
   * Returns an SCTP port: {@code 9899/sctp}.
   *
   * @param port the port number, 0..65535
   * @return the port
   */
  public static Port sctp(int port) {
    return new Port(check(port) + "/sctp");
  }

  /**
   * Returns a range of ports without protocol: {@code 8000-8010}.
   *
   * @param from the first port
   * @param to the last port, not below {@code from}
   * @return the port range
   */
  public static Port range(int from, int to) {
    check(from);
    check(to);
    Checks.check(from <= to, "port range (%s-%s) must not be descending", from, to);
    return new Port(from + "-" + to);
  }

  /**
   * Returns a port given as a template with a variable, such as {@code ${PORT}} or {@code
   * ${PORT}/udp}; it is checked by BuildKit after expansion.
   *
   * @param template the template; must refer to a variable
   * @return the port
   */
  public static Port variable(String template) {
    Checks.word(template, "port template");
    Checks.check(
        Templates.hasVariables(template),
        "port template (%s) must refer to a variable; use Port.of for a number",
        Checks.quote(template));
    Checks.check(
        template.chars().noneMatch(Character::isWhitespace),
        "port template (%s) must not contain white space",
        Checks.quote(template));
    return new Port(template);
  }

  /**
   * Returns the port as written after {@code EXPOSE}.
   *
   * @return the text, such as {@code 53/udp}
   */
  public String value() {
    return value;
  }

  /**
   * Returns the protocol written after the port, if any.
   *
   * @return {@code tcp}, {@code udp} or {@code sctp}, or the empty string
   */
  public String protocol() {
    int slash = value.lastIndexOf('/');
    return slash < 0 ? "" : value.substring(slash + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Port p && value.equals(p.value);
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
