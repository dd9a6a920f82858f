package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code CMD command}: the default command of a container, or the default arguments of the ENTRYPOINT; only the last CMD of a stage counts.
 *
 * @param command the command, exec form (preferred) or shell form
 */
public record CmdInstruction(Command command) implements Instruction {

  /**
   * Creates a CMD instruction.
   *
   * @param command the command
   */
  public CmdInstruction {
    Checks.notNull(command, "CMD command");
  }

  /**
   * Returns {@code CMD command}.
   *
   * @param command the command
   * @return the instruction
   */
  public static CmdInstruction of(Command command) {
    return new CmdInstruction(command);
  }

  @Override
  public String keyword() {
    return "CMD";
  }
}
