package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code SHELL ["executable", "parameters"]}: the shell used by later shell-form instructions.
 * Only the exec form exists.
 *
 * @param shell the shell and its parameters, at least one word
 */
public record ShellInstruction(Exec shell) implements Instruction {

  /**
   * Creates a SHELL instruction.
   *
   * @param shell the shell
   */
  public ShellInstruction {
    Checks.notNull(shell, "SHELL");
    Checks.check(!shell.args().isEmpty(), "SHELL must name at least the executable");
  }

  /**
   * Returns {@code SHELL [executable, args...]}.
   *
   * @param executable the shell
   * @param args its parameters, e.g. {@code -o pipefail -c}
   * @return the instruction
   */
  public static ShellInstruction of(String executable, String... args) {
    return new ShellInstruction(Exec.of(executable, args));
  }

  @Override
  public String keyword() {
    return "SHELL";
  }
}
