package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code ENTRYPOINT command}: the executable a container runs; only the last ENTRYPOINT of a stage counts, and a shell-form ENTRYPOINT ignores CMD and does not receive signals.
 *
 * @param command the command, exec form (preferred) or shell form
 */
public record EntrypointInstruction(Command command) implements Instruction {

  /**
   * Creates a ENTRYPOINT instruction.
   *
   * @param command the command
   */
  public EntrypointInstruction {
    Checks.notNull(command, "ENTRYPOINT command");
  }

  /**
   * Returns {@code ENTRYPOINT command}.
   *
   * @param command the command
   * @return the instruction
   */
  public static EntrypointInstruction of(Command command) {
    return new EntrypointInstruction(command);
  }

  @Override
  public String keyword() {
    return "ENTRYPOINT";
  }
}
