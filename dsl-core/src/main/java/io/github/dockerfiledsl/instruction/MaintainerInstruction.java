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
  }

  @Override
  public String keyword() {
    return "MAINTAINER";
  }
}
