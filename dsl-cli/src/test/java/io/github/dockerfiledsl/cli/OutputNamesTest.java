package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where batch mode writes each output. */
class OutputNamesTest {

  @Test
  void renderNamesTheDockerfileAfterTheSpec() {
    assertThat(RenderCommand.outputName("specs/django.yaml")).isEqualTo("django.Dockerfile");
    assertThat(RenderCommand.outputName("app.yml")).isEqualTo("app.Dockerfile");
    assertThat(RenderCommand.outputName("a/Dockerfile.yaml")).isEqualTo("Dockerfile");
    assertThat(RenderCommand.outputName("web.Dockerfile.yaml")).isEqualTo("web.Dockerfile");
    assertThat(RenderCommand.outputName("spec.json")).isEqualTo("spec.Dockerfile");
  }

  @Test
  void relativeInputsKeepTheirFolders() {
    Path out = Path.of("out");

    assertThat(Batch.target(out, "a/b/Dockerfile", "Dockerfile.yaml"))
        .isEqualTo(Path.of("out/a/b/Dockerfile.yaml"));
    assertThat(Batch.target(out, "Dockerfile", "Dockerfile.yaml"))
        .isEqualTo(Path.of("out/Dockerfile.yaml"));
  }

  @Test
  void inputsOutsideTheWorkingFolderKeepOnlyTheirName() {
    Path out = Path.of("out");

    assertThat(Batch.target(out, "../x/Dockerfile", "Dockerfile.yaml"))
        .isEqualTo(Path.of("out/Dockerfile.yaml"));
    assertThat(Batch.target(out, "/abs/x/Dockerfile", "Dockerfile.yaml"))
        .isEqualTo(Path.of("out/Dockerfile.yaml"));
  }

  @Test
  void twoInputsForOneOutputAreAnError() {
    Batch batch = new Batch();
    batch.output(Path.of("out/Dockerfile.yaml"), "a", "../a/Dockerfile");
    batch.output(Path.of("out/Dockerfile.yaml"), "b", "../b/Dockerfile");

    assertThat(batch.failed()).isTrue();
  }
}
