package io.github.dockerfiledsl.lint;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Position lookups for the {@link Linter}: a map from instructions, by identity, to where they
 * start in the text they were parsed from.
 */
public final class Positions {
  private Positions() {}

  /**
   * Returns the instructions of a Dockerfile in document order, without trivia: the global ARGs,
   * then for each stage its FROM and its instructions.
   *
   * @param d the Dockerfile
   * @return the instructions
   */
  public static List<Instruction> inDocumentOrder(Dockerfile d) {
    List<Instruction> out = new ArrayList<>();
    for (Instruction i : d.preamble()) {
      if (!i.isTrivia()) {
        out.add(i);
      }
    }
    for (Stage s : d.stages()) {
      out.add(s.from());
      for (Instruction i : s.instructions()) {
        if (!i.isTrivia()) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /**
   * Pairs the instructions of a Dockerfile, in document order, with the positions of the
   * instructions of its source, in the same order.
   *
   * @param d the Dockerfile parsed from the source
   * @param positions the start of each instruction of the source, in order
   * @return the lookup, by identity
   * @throws IllegalArgumentException if the counts differ
   */
  public static Function<Instruction, Optional<Position>> of(Dockerfile d, List<Position> positions) {
    List<Instruction> instructions = inDocumentOrder(d);
    if (instructions.size() != positions.size()) {
      throw new IllegalArgumentException("the model has " + instructions.size()
          + " instructions but the source positions " + positions.size());
    }
    Map<Instruction, Position> map = new IdentityHashMap<>();
    for (int i = 0; i < instructions.size(); i++) {
      map.put(instructions.get(i), positions.get(i));
    }
    return new Function<>() {
      @Override
      public Optional<Position> apply(Instruction i) {
        return Optional.ofNullable(map.get(i));
      }
    };
  }
}
