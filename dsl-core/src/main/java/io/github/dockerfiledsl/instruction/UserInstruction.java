package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code USER user}: sets the user (and group) for later RUN, CMD and ENTRYPOINT.
 *
 * @param user {@code user[:group]}, a template
 */
public record UserInstruction(String user) implements Instruction {

  /**
   * Creates a USER instruction.
   *
   * @param user the value
   */
  public UserInstruction {
    Checks.word(user, "USER");
  }

  /**
   * Returns {@code USER user}.
   *
   * @param user the value
   * @return the instruction
   */
  public static UserInstruction of(String user) {
    return new UserInstruction(user);
  }

  @Override
  public String keyword() {
    return "USER";
  }
}
