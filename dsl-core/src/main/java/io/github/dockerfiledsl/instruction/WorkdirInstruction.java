package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code WORKDIR path}: sets the working directory; a relative path joins the previous WORKDIR.
 *
 * @param path the directory, a template
 */
public record WorkdirInstruction(String path) implements Instruction {

  /**
   * Creates a WORKDIR instruction.
   *
   * @param path the value
   */
  public WorkdirInstruction {
    Checks.word(path, "WORKDIR");
  }

  /**
   * Returns {@code WORKDIR path}.
   *
   * @param path the value
   * @return the instruction
   */
  public static WorkdirInstruction of(String path) {
    return new WorkdirInstruction(path);
  }

  @Override
  public String keyword() {
    return "WORKDIR";
  }
}
