package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * {@code ARG name[=default] ...}: build arguments. Before the first FROM they are global and
 * visible only in FROM lines; {@code ARG name} inside a stage imports the global value.
 *
 * @param args the declarations, at least one
 */
public record ArgInstruction(List<ArgInstruction.Arg> args) implements Instruction {

  /**
   * One build argument.
   *
   * @param name the name
   * @param defaultValue the default value, a template
   */
  public record Arg(String name, Optional<String> defaultValue) {
    /**
     * Creates a build argument.
     *
     * @param name the name
     * @param defaultValue the default value
     */
    public Arg {
      Checks.word(name, "ARG name");
      Checks.check(
          name.chars().noneMatch(c -> c == '=' || Character.isWhitespace(c) || Checks.isSpace(c) || c == '"' || c == '\''),
          "ARG name (%s) must not contain '=', quotes or white space",
          Checks.quote(name));
      Checks.check(
          !name.startsWith("--"),
          "ARG name (%s) must not start with '--', which would be read as a flag",
          Checks.quote(name));
      Checks.optional(defaultValue, "ARG default").ifPresent(v -> Checks.singleLine(v, "default of ARG " + Checks.quote(name)));
    }
  }

  /**
   * Creates an ARG instruction.
   *
   * @param args the declarations
   */
  public ArgInstruction {
    args = Checks.list(args, "ARG declarations");
    Checks.check(!args.isEmpty(), "ARG needs at least one name");
  }

  /**
   * Returns {@code ARG name}.
   *
   * @param name the name
   * @return the instruction
   */
  public static ArgInstruction of(String name) {
    return new ArgInstruction(List.of(new Arg(name, Optional.empty())));
  }

  /**
   * Returns {@code ARG name=defaultValue}.
   *
   * @param name the name
   * @param defaultValue the default value, a template
   * @return the instruction
   */
  public static ArgInstruction of(String name, String defaultValue) {
    return new ArgInstruction(List.of(new Arg(name, Optional.of(defaultValue))));
  }

  @Override
  public String keyword() {
    return "ARG";
  }
}
