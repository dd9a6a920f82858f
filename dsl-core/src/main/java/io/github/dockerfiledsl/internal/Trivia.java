package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Instruction;
import java.util.ArrayList;
import java.util.List;

/** Normalisation of comments and blank lines, applied by the model's constructors. */
public final class Trivia {
  private Trivia() {}

  /**
   * Collapses runs of blank lines to one and optionally strips blank lines at either end.
   *
   * @param elements the elements
   * @param stripLeading whether to drop blank lines at the start
   * @param stripTrailing whether to drop blank lines at the end
   * @return the normalised, immutable list
   */
  public static List<Instruction> normalize(
      List<Instruction> elements, boolean stripLeading, boolean stripTrailing) {
    List<Instruction> out = new ArrayList<>(elements.size());
    for (Instruction i : elements) {
      boolean blank = i instanceof BlankLine;
      if (blank && (out.isEmpty() ? stripLeading : out.get(out.size() - 1) instanceof BlankLine)) {
        continue;
      }
      out.add(i);
    }
    if (stripTrailing) {
      while (!out.isEmpty() && out.get(out.size() - 1) instanceof BlankLine) {
        out.remove(out.size() - 1);
      }
    }
    return List.copyOf(out);
  }
}
