package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.dockerfiledsl.Dockerfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed specs of dsl-examples render to their golden Dockerfiles and round-trip. */
class SeedSpecsTest {
  static Path specsDir() {
    String dir = System.getProperty("specs.dir", "../dsl-examples/src/main/resources/specs");
    return Path.of(dir);
  }

  static String golden(String name) throws IOException {
    try (InputStream in = SeedSpecsTest.class.getResourceAsStream(
        "/golden/SeedSpecsTest/" + name + ".Dockerfile")) {
      assertThat(in).as("golden file of %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"django", "redis", "href-counter", "kubectl", "busybox"})
  void rendersGoldenDockerfile(String name) throws IOException {
    Path spec = specsDir().resolve(name + ".yaml");
    assumeThat(Files.exists(spec)).as("spec %s", spec).isTrue();
    Dockerfile d = YamlSpec.read(spec.toString(), Files.readString(spec));

    assertThat(d.render()).isEqualTo(golden(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"django", "redis", "href-counter", "kubectl", "busybox"})
  void writtenSpecReadsBackEqual(String name) throws IOException {
    Path spec = specsDir().resolve(name + ".yaml");
    Dockerfile d = YamlSpec.read(spec.toString(), Files.readString(spec));

    String written = YamlSpec.write(d);

    assertThat(YamlSpec.read("written", written)).isEqualTo(d);
    assertThat(YamlSpec.write(YamlSpec.read("written", written))).isEqualTo(written);
  }
}
