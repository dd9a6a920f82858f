package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;

/**
 * {@code LABEL key=value ...}: image metadata.
 *
 * @param labels the pairs, at least one; keys and values are templates
 */
public record LabelInstruction(List<KeyValue> labels) implements Instruction {

  /**
   * Creates a LABEL instruction.
   *
   * @param labels the pairs
   */
  public LabelInstruction {
    labels = Checks.list(labels, "LABEL pairs");
    Checks.check(!labels.isEmpty(), "LABEL needs at least one key=value pair");
  }

  /**
   * Returns {@code LABEL key=value}.
   *
   * @param key the key
   * @param value the value
   * @return the instruction
   */
  public static LabelInstruction of(String key, String value) {
    return new LabelInstruction(List.of(KeyValue.of(key, value)));
  }

  @Override
  public String keyword() {
    return "LABEL";
  }
}
