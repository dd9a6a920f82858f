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

  @Test
  void bindMountWithoutTargetMountsAtTheWorkingDirectoryAndRoundTrips() {
    String text = "FROM golang:1.22\nWORKDIR /src\nRUN --mount=from=deps,src=/go/src,rw --mount=ro go build\n";
    Dockerfile d = Dockerfile.parse(text);
    var run = (io.github.dockerfiledsl.instruction.RunInstruction) d.stages().get(0).instructions().get(1);
    assertThat(run.mounts()).containsExactly(
        new io.github.dockerfiledsl.instruction.Mount.Bind(java.util.Optional.empty(),
            java.util.Optional.of("/go/src"), java.util.Optional.of("deps"), true),
        new io.github.dockerfiledsl.instruction.Mount.Bind(java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), false));
    assertThat(d.render()).isEqualTo("FROM golang:1.22\nWORKDIR /src\n"
        + "RUN --mount=type=bind,source=/go/src,from=deps,rw --mount=type=bind go build\n");
    assertThat(Dockerfile.parse(d.render())).isEqualTo(d);
  }

  @Test
  void quotesInsideAVariableOperatorWordAreRemovedAsBuildKitDoes() {
    Dockerfile d = Dockerfile.parse("ARG A=${B:+\"x y\"} C=${D:-'$E'}\nFROM scratch\n");
    var arg = (io.github.dockerfiledsl.instruction.ArgInstruction) d.preamble().get(0);
    assertThat(arg.args().get(0).defaultValue()).contains("${B:+x y}");
    assertThat(arg.args().get(1).defaultValue()).contains("${D:-\\$E}");
    assertThat(d.render()).startsWith("ARG A=\"${B:+x y}\" C=\"${D:-\\$E}\"\n");
    assertThat(Dockerfile.parse(d.render())).isEqualTo(d);
  }

  @Test
  void aCommentThatLooksLikeADirectiveStaysAComment() {
    Dockerfile d = Dockerfile.parse("\n# syntax=docker/dockerfile:1\nFROM scratch\n");
    assertThat(d.directives()).isEmpty();
    assertThat(d.render()).isEqualTo("\n# syntax=docker/dockerfile:1\nFROM scratch\n");
    assertThat(Dockerfile.parse(d.render())).isEqualTo(d);
  }

  @Test
  void informationSeparatorsAreNotBlankAsInGo() {
    Dockerfile d = Dockerfile.parse("FROM alpine\nRUN \u001f \\\n    && true\n");
    var run = (io.github.dockerfiledsl.instruction.RunInstruction) d.stages().get(0).instructions().get(0);
    assertThat(((Shell) run.command()).lines()).containsExactly("\u001f ", "    && true");
    assertThat(Dockerfile.parse(d.render())).isEqualTo(d);
  }
}
