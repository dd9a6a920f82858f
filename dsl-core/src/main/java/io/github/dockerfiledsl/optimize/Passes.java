package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.internal.RunChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The standard sets of passes.
 *
 * <pre>{@code
 * Dockerfile optimized = Passes.apply(parsed, Passes.defaults());
 * }</pre>
 */
public final class Passes {
  private Passes() {}

  /**
   * Returns the passes for a Dockerfile from elsewhere (parsed text, YAML): merge consecutive
   * RUNs, add package-manager cleanup, replace MAINTAINER by a LABEL.
   *
   * @return {@link MergeRuns}, {@link PackageCleanup}, {@link MaintainerToLabel}
   */
  public static List<Pass> defaults() {
    return List.of(new MergeRuns(), new PackageCleanup(), new MaintainerToLabel());
  }

  /**
   * Returns the passes the builder applies: the builder merges run steps itself (honouring
   * explicit layer breaks), so {@link MergeRuns} is not among them.
   *
   * @return {@link PackageCleanup}, {@link MaintainerToLabel}
   */
  public static List<Pass> builderDefaults() {
    return List.of(new PackageCleanup(), new MaintainerToLabel());
  }

  /**
   * Applies passes in order.
   *
   * @param dockerfile the input
   * @param passes the passes
   * @return the result
   */
  public static Dockerfile apply(Dockerfile dockerfile, List<Pass> passes) {
    Dockerfile d = dockerfile;
    for (Pass p : passes) {
      d = p.apply(d);
    }
    return d;
  }

  static int baseIndex(Dockerfile d, int stage) {
    return RunChains.baseIndex(d, stage);
  }

  static List<Optional<Exec>> initialShells(Dockerfile d) {
    return RunChains.initialShells(d);
  }

  /**
   * Rewrites the body of every stage.
   *
   * @param d the Dockerfile
   * @param body the new body of a stage, given the Dockerfile and the stage
   * @return the rewritten Dockerfile, or {@code d} itself when nothing changed
   */
  static Dockerfile mapStages(Dockerfile d, BiFunction<Dockerfile, Stage, List<Instruction>> body) {
    List<Stage> stages = new ArrayList<>();
    boolean changed = false;
    for (Stage s : d.stages()) {
      List<Instruction> b = body.apply(d, s);
      if (b.equals(s.instructions())) {
        stages.add(s);
      } else {
        stages.add(s.toBuilder().instructions(b).build());
        changed = true;
      }
    }
    return changed ? d.toBuilder().stages(stages).build() : d;
  }
}
