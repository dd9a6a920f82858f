package io.github.dockerfiledsl.testing;

import io.github.dockerfiledsl.Dockerfile;

/**
 * Assertions on a {@link Dockerfile} model; see {@link AbstractDockerfileAssert} for what they
 * check. Obtain one with {@link DockerfileAssertions#assertThat(Dockerfile)}, or softly with
 * {@link DockerfileSoftAssertions}.
 */
public class DockerfileAssert extends AbstractDockerfileAssert<DockerfileAssert> {

  /**
   * Creates the assertion.
   *
   * @param actual the Dockerfile under test
   */
  public DockerfileAssert(Dockerfile actual) {
    super(actual, DockerfileAssert.class);
  }
}
