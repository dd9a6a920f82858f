package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * One {@code key=value} pair of an {@link EnvInstruction} or a {@link LabelInstruction}. Both key
 * and value are templates (see {@link Instruction}).
 *
 * @param key the key, not blank
 * @param value the value, possibly empty
 */
public record KeyValue(String key, String value) {

  /**
   * Creates a pair.
   *
   * @param key the key
   * @param value the value
   */
  public KeyValue {
    Checks.word(key, "key");
    Checks.singleLine(value, "value of " + Checks.quote(key));
  }

  /**
   * Creates a pair.
   *
   * @param key the key
   * @param value the value
   * @return the pair
   */
  public static KeyValue of(String key, String value) {
    return new KeyValue(key, value);
  }
}
