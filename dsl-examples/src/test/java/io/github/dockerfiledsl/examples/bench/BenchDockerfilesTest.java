package io.github.dockerfiledsl.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles that {@code scripts/bench-images.sh} builds are exactly the rendering of the
 * models in {@link BenchDockerfiles}; regenerate them with its {@code main} after a change.
 */
class BenchDockerfilesTest {

  /** Surefire runs the tests in the module directory, beside the repository's scripts/. */
  private static final Path BENCH = Path.of("..", "scripts", "bench");

  @Test
  void scriptDockerfilesAreTheRenderedModels() throws IOException {
    Path dir = BENCH;
    assertThat(dir).as("the benchmark's Dockerfiles").isDirectory();
    for (BenchDockerfiles.Example e : BenchDockerfiles.all()) {
      assertThat(Files.readString(dir.resolve(e.name()).resolve("naive.Dockerfile")))
          .as("%s/naive.Dockerfile", e.name()).isEqualTo(e.naive().render());
      assertThat(Files.readString(dir.resolve(e.name()).resolve("merged.Dockerfile")))
          .as("%s/merged.Dockerfile", e.name()).isEqualTo(e.merged().render());
    }
  }

  @Test
  void mergedVariantsHaveOneRunThatEndsWithCleanup() {
    for (BenchDockerfiles.Example e : BenchDockerfiles.all()) {
      assertThat(e.merged().render()).as(e.name())
          .containsOnlyOnce("RUN ")
          .contains("    && rm -rf /var/lib/apt/lists/*\n");
      assertThat(e.naive().render()).as(e.name()).doesNotContain("rm -rf /var/lib/apt/lists");
    }
  }
}
