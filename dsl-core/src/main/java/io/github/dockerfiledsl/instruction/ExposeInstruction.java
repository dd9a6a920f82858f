package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.internal.Checks;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code EXPOSE port[/proto] ...}: documents the ports a container listens on.
 *
 * @param ports the ports, at least one: {@code 80}, {@code 53/udp}, {@code 8000-8010/tcp}, or a
 *     template with variables such as {@code ${PORT}}
 */
public record ExposeInstruction(List<String> ports) implements Instruction {

  private static final Pattern PORT =
      Pattern.compile("(\\d+)(?:-(\\d+))?(?:/([A-Za-z]+))?");

  /**
   * Creates an EXPOSE instruction, validating ports that contain no variable.
   *
   * @param ports the ports
   */
  public ExposeInstruction {
    ports = Checks.list(ports, "EXPOSE ports");
    Checks.check(!ports.isEmpty(), "EXPOSE needs at least one port");
    for (String p : ports) {
      Checks.word(p, "EXPOSE port");
      Checks.check(
          p.chars().noneMatch(Character::isWhitespace),
          "EXPOSE port (%s) must not contain white space",
          Checks.quote(p));
      if (!Templates.hasVariables(p)) {
        checkPort(Templates.unescape(p));
      }
    }
  }

  private static void checkPort(String spec) {
    // a host mapping (ip:host:container) is accepted, as BuildKit does, with a lint warning
    String p = spec.substring(spec.lastIndexOf(':') + 1);
    Matcher m = PORT.matcher(p);
    Checks.check(
        m.matches(),
        "EXPOSE port (%s) must be N, N/proto or N-M/proto",
        Checks.quote(spec));
    long from = Long.parseLong(m.group(1).length() > 6 ? "999999" : m.group(1));
    Checks.check(from <= 65535, "EXPOSE port (%s) must be in 0..65535", Checks.quote(spec));
    if (m.group(2) != null) {
      long to = Long.parseLong(m.group(2).length() > 6 ? "999999" : m.group(2));
      Checks.check(to <= 65535, "EXPOSE port (%s) must be in 0..65535", Checks.quote(spec));
      Checks.check(from <= to, "EXPOSE port range (%s) must not be descending",
          Checks.quote(spec));
    }
    if (m.group(3) != null) {
      String proto = m.group(3).toLowerCase(java.util.Locale.ROOT);
      Checks.check(
          proto.equals("tcp") || proto.equals("udp") || proto.equals("sctp"),
          "EXPOSE port (%s) must use the protocol tcp, udp or sctp, not %s",
          Checks.quote(spec),
          m.group(3));
    }
  }

  /**
   * Returns {@code EXPOSE port}.
   *
   * @param port the port number
   * @return the instruction
   */
  public static ExposeInstruction of(int port) {
    return new ExposeInstruction(List.of(String.valueOf(port)));
  }

  @Override
  public String keyword() {
    return "EXPOSE";
  }
}
