package io.github.dockerfiledsl.codegen;

import io.github.dockerfiledsl.testjavac.InMemoryJavac;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests: the Java generated for the seed examples (and one file with the features the
 * seeds lack) reads like a person wrote it, compiles without warnings, and rebuilds the input.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the {@code .java} files after a deliberate
 * change, then review the diff.
 */
class CodegenGoldenTest {
  private static final String DIR = "golden/codegen/";

  @ParameterizedTest
  @ValueSource(strings = {"django", "multistage", "redis-chain", "redis-layers", "busybox",
      "features"})
  void generatesTheGoldenSource(String name) throws Exception {
    Dockerfile d = DockerfileParser.parse(resource(name + ".Dockerfile"));
    String simpleName = Character.toUpperCase(name.charAt(0)) + JavaNames.camel(name).substring(1);
    JavaOptions options = new JavaOptions("golden", simpleName + "Dockerfile", true);
    String source = new JavaGenerator(options).generate(d);
    if (Boolean.getBoolean("golden.update")) {
      Path file = Paths.get("src/test/resources", DIR, name + ".java");
      Files.writeString(file, source, StandardCharsets.UTF_8);
    }
    assertThat(source).as("generated source for %s.Dockerfile", name)
        .isEqualTo(resource(name + ".java"));

    String className = options.packageName() + "." + options.className();
    InMemoryJavac.Result result = InMemoryJavac.compile(Map.of(className, source));
    assertThat(result.success()).as("compiles without warnings:%n%s", result.report()).isTrue();
    Dockerfile built = (Dockerfile) result.load(className).getMethod("dockerfile").invoke(null);
    assertThat(built.render()).isEqualTo(d.render());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CodegenGoldenTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + DIR + name
            + " (run with -Dgolden.update=true to create it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
