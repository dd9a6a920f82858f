package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;

/**
 * {@code ENV key=value ...}: environment variables for later instructions and the container. All
 * values of one ENV see the variables defined before it, not each other.
 *
 * @param vars the pairs, at least one; keys and values are templates
 */
public record EnvInstruction(List<KeyValue> vars) implements Instruction {

  /**
   * Creates an ENV instruction.
   *
   * @param vars the pairs
   */
  public EnvInstruction {
    vars = Checks.list(vars, "ENV pairs");
    Checks.check(!vars.isEmpty(), "ENV needs at least one key=value pair");
    for (KeyValue kv : vars) {
      Checks.check(
          kv.key().chars().noneMatch(c -> c == '=' || Character.isWhitespace(c) || Checks.isSpace(c)),
          "ENV name (%s) must not contain '=' or white space",
          Checks.quote(kv.key()));
    }
  }

  /**
   * Returns {@code ENV key=value}.
   *
   * @param key the name
   * @param value the value
   * @return the instruction
   */
  public static EnvInstruction of(String key, String value) {
    return new EnvInstruction(List.of(KeyValue.of(key, value)));
  }

  @Override
  public String keyword() {
    return "ENV";
  }
}
