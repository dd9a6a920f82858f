package io.github.dockerfiledsl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The complete example of docs/testing-with-images.md is the source of a test that runs. */
class DocsExampleTest {
  private static final String MARKER = "<!-- example: ";

  @Test
  void documentedExampleIsTheSourceOfGreeterImageTest() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String doc = Files.readString(root.resolve("docs/testing-with-images.md"));
    int marker = doc.indexOf(MARKER);
    assertThat(marker).as("the example marker in docs/testing-with-images.md").isNotNegative();
    String path = doc.substring(marker + MARKER.length(), doc.indexOf(" -->", marker));
    int start = doc.indexOf("```java\n", marker) + "```java\n".length();
    int end = doc.indexOf("```\n", start);
    String documented = doc.substring(start, end);
    assertThat(path).isEqualTo("dsl-testing/src/test/java/io/github/dockerfiledsl/testing/example/GreeterImageTest.java");
    assertThat(documented).isEqualTo(Files.readString(root.resolve(path)));
  }
}
