package io.github.dockerfiledsl.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code optimized.Dockerfile} of the image benchmarks under {@code scripts/bench/} is what
 * {@link Passes#defaults()} makes of the {@code naive.Dockerfile} beside it ({@code
 * scripts/bench-images.sh} builds both with buildah). Run with {@code -Dbench.write=true} to
 * rewrite them.
 */
class BenchPassesTest {

  @ParameterizedTest
  @ValueSource(strings = {"apt-comment", "apt-later-install"})
  void optimizedIsWhatThePassesMake(String name) throws IOException {
    Path dir = Path.of("..", "scripts", "bench", name);
    String naive = Files.readString(dir.resolve("naive.Dockerfile"));
    String optimized = Passes.apply(DockerfileParser.parse("naive.Dockerfile", naive),
        Passes.defaults()).render();
    if (Boolean.getBoolean("bench.write")) {
      Files.writeString(dir.resolve("optimized.Dockerfile"), optimized);
    }
    assertThat(Files.readString(dir.resolve("optimized.Dockerfile"))).isEqualTo(optimized);
    assertThat(List.of(naive, optimized)).allMatch(t -> t.startsWith("FROM debian:bookworm-slim"));
  }
}
