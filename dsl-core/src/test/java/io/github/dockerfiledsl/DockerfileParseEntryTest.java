package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.parse.DockerfileParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileParseEntryTest {

  @Test
  void parseThenRenderIsTheCanonicalForm() {
    Dockerfile d = Dockerfile.parse("from alpine:3.20\nrun apk add --no-cache curl\nENV A 1\n");
    assertThat(d.render()).isEqualTo("FROM alpine:3.20\nRUN apk add --no-cache curl\nENV A=1\n");
  }

  @Test
  void parseFileNamesTheFileInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM alpine\nFROBNICATE x\n");
    assertThatThrownBy(() -> Dockerfile.parse(file))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("Dockerfile:2:1");
  }
}
