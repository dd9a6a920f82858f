package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code MAINTAINER name}: deprecated; use {@code LABEL org.opencontainers.image.authors=...}.
 *
 * @param name the maintainer, taken literally
 */
public record MaintainerInstruction(String name) implements Instruction {

  /**
   * Creates a MAINTAINER instruction.
   *
   * @param name the maintainer
   */
  public MaintainerInstruction {
    Checks.word(name, "MAINTAINER");
    Checks.check(
        Checks.stripTrailingSpace(Checks.stripLeadingSpace(name)).equals(name),
        "MAINTAINER (%s) must not start or end with white space, which BuildKit drops",
        Checks.quote(name));
    Checks.check(
        !name.startsWith("--"),
        "MAINTAINER (%s) must not start with '--', which would be read as a flag",
        Checks.quote(name));
  }

  @Override
  public String keyword() {
    return "MAINTAINER";
  }
}
