package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.image.DigestResolver;
import io.github.dockerfiledsl.image.ImageResolutionException;
import io.github.dockerfiledsl.image.ImageRewrite;
import io.github.dockerfiledsl.image.Mirror;
import io.github.dockerfiledsl.instruction.Instruction;
import java.util.ArrayList;
import java.util.List;
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
   * Returns the pass that moves image references to mirrors or a private registry: every
   * {@code FROM}, {@code COPY --from} and {@code RUN --mount=from=} image whose normalized name
   * matches a rule (the most specific one) is rewritten; see {@link Mirror}.
   *
   * <pre>{@code
   * Passes.apply(d, List.of(Passes.mirror(List.of(Mirror.parse("docker.io=127.0.0.1:5000/hub")))));
   * }</pre>
   *
   * @param mirrors the rules
   * @return the pass
   * @throws IllegalArgumentException when two rules have the same source
   */
  public static Pass mirror(List<Mirror> mirrors) {
    var change = ImageRewrite.mirrors(mirrors);
    return d -> ImageRewrite.model(d, change);
  }

  /**
   * Returns the pass that pins image references by digest: every tagged (or untagged, meaning
   * {@code latest}) image becomes {@code name:tag@digest}; stage names, {@code scratch},
   * references with variables and references that already have a digest are left alone. The
   * resolver (a registry client) is asked once per distinct reference each time the pass runs.
   *
   * @param resolver the resolver
   * @return the pass
   * @throws ImageResolutionException from the resolver, when the pass runs
   */
  public static Pass pin(DigestResolver resolver) {
    var change = ImageRewrite.pin(resolver);
    return d -> ImageRewrite.model(d, change);
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
