package io.github.dockerfiledsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.StageRef;
import io.github.dockerfiledsl.StageStep;
import org.junit.jupiter.api.Test;

/**
 * The builder's build() on many stages (issue 18): a long chain of stages, each FROM the one
 * before, builds with no recursion as deep as the chain and in time near-linear in it.
 */
class LongStageChainTest {

  @Test
  void aChainOf50000StagesEachFromThePreviousBuildsAndRenders() {
    int n = 50_000;
    StageStep s = Dockerfile.builder().from("debian:bookworm-slim").as("s0");
    StageRef previous = s.end();
    for (int i = 1; i < n; i++) {
      s = s.from(previous).as("s" + i).run("true");
      previous = s.end();
    }
    Dockerfile d = s.build();
    assertThat(d.stages()).hasSize(n);
    assertThat(d.stages().get(n - 1).from().image()).isEqualTo("s" + (n - 2));
    String text = d.render();
    assertThat(text).startsWith("FROM debian:bookworm-slim AS s0\n");
    assertThat(text).contains("\nFROM s" + (n - 2) + " AS s" + (n - 1) + "\n");
  }

  @Test
  void anImageNamingAStageIsStillRefusedAmongManyStages() {
    StageStep s = Dockerfile.builder().from("debian:bookworm-slim").as("s0");
    for (int i = 1; i < 2_000; i++) {
      s = s.from("debian:bookworm-slim").as("s" + i).run("true");
    }
    StageStep last = s.from("S17").as("last").run("true");
    assertThatThrownBy(last::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FROM image ('S17')")
        .hasMessageContaining("use from(StageRef) to build on a stage, or rename the stage");
  }
}
