package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code STOPSIGNAL signal}: sets the signal that stops the container.
 *
 * @param signal a signal name ({@code SIGTERM}, {@code TERM}) or number, a template
 */
public record StopsignalInstruction(String signal) implements Instruction {

  /**
   * Creates a STOPSIGNAL instruction.
   *
   * @param signal the value
   */
  public StopsignalInstruction {
    Checks.word(signal, "STOPSIGNAL");
  }

  /**
   * Returns {@code STOPSIGNAL signal}.
   *
   * @param signal the value
   * @return the instruction
   */
  public static StopsignalInstruction of(String signal) {
    return new StopsignalInstruction(signal);
  }

  @Override
  public String keyword() {
    return "STOPSIGNAL";
  }
}
