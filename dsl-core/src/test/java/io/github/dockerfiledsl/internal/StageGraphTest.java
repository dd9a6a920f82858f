package io.github.dockerfiledsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Cycles between stages, found once for all stages. */
class StageGraphTest {

  /** Stage i copies from the stages in refs.get(i) (any index: earlier, itself or later). */
  private static Dockerfile file(List<List<Integer>> refs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < refs.size(); i++) {
      sb.append("FROM alpine AS s").append(i).append('\n');
      for (int r : refs.get(i)) {
        sb.append("COPY --from=s").append(r).append(" /a /a\n");
      }
    }
    return DockerfileParser.parse(sb.toString());
  }

  /** The definition: a stage is on a cycle when following references leads back to it. */
  private static boolean reachesItself(StageGraph g, int stage, int n) {
    boolean[] seen = new boolean[n];
    Deque<Integer> todo = new ArrayDeque<>(List.of(stage));
    while (!todo.isEmpty()) {
      for (StageGraph.Edge e : g.references(todo.pop())) {
        if (e.to() == stage) {
          return true;
        }
        if (!seen[e.to()]) {
          seen[e.to()] = true;
          todo.push(e.to());
        }
      }
    }
    return false;
  }

  @Provide
  Arbitrary<List<List<Integer>>> graphs() {
    return Arbitraries.integers().between(1, 12).flatMap(n -> Arbitraries.integers()
        .between(0, n - 1).list().ofMaxSize(3).list().ofSize(n));
  }

  @Property(tries = 2000)
  void onCycleIsReachingItself(@ForAll("graphs") List<List<Integer>> refs) {
    StageGraph g = StageGraph.of(file(refs));
    for (int i = 0; i < refs.size(); i++) {
      assertThat(g.onCycle(i)).as("stage %d of %s", i, refs).isEqualTo(reachesItself(g, i, refs.size()));
    }
  }

  @Test
  void aLongChainHasNoCycleAndALongRingIsOne() {
    int n = 50_000;
    List<List<Integer>> chain = new java.util.ArrayList<>();
    List<List<Integer>> ring = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      chain.add(i == 0 ? List.of() : List.of(i - 1));
      ring.add(List.of((i + 1) % n));
    }
    StageGraph c = StageGraph.of(file(chain));
    StageGraph r = StageGraph.of(file(ring));
    for (int i = 0; i < n; i++) {
      assertThat(c.onCycle(i)).isFalse();
      assertThat(r.onCycle(i)).isTrue();
    }
  }
}
