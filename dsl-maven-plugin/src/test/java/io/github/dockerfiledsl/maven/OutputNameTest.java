package io.github.dockerfiledsl.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputNameTest {

  @Test
  void specNamesMapLikeTheCommandLinesOutDir() {
    assertThat(AbstractDockerfileMojo.outputName("web.yaml")).isEqualTo("web.Dockerfile");
    assertThat(AbstractDockerfileMojo.outputName("worker.YML")).isEqualTo("worker.Dockerfile");
    assertThat(AbstractDockerfileMojo.outputName("Dockerfile.yaml")).isEqualTo("Dockerfile");
    assertThat(AbstractDockerfileMojo.outputName("api.dockerfile.yaml"))
        .isEqualTo("api.dockerfile");
  }

  @Test
  void handWrittenDockerfilesAreRecognisedByName() {
    assertThat(AbstractDockerfileMojo.looksLikeDockerfile("Dockerfile")).isTrue();
    assertThat(AbstractDockerfileMojo.looksLikeDockerfile("api.Dockerfile")).isTrue();
    assertThat(AbstractDockerfileMojo.looksLikeDockerfile("Dockerfile.dev")).isTrue();
    assertThat(AbstractDockerfileMojo.looksLikeDockerfile("Dockerfile.yaml")).isFalse();
    assertThat(AbstractDockerfileMojo.looksLikeDockerfile("pom.xml")).isFalse();
    assertThat(AbstractDockerfileMojo.looksLikeDockerfile(".dockerignore")).isFalse();
  }
}
