package io.github.dockerfiledsl.testing;

import io.github.dockerfiledsl.Dockerfile;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions on Dockerfile models and built images, to mix into any of AssertJ's soft
 * assertion classes: {@code class MySoftly extends SoftAssertions implements
 * DockerfileSoftAssertionsProvider {}}. Failures are collected and reported together.
 */
public interface DockerfileSoftAssertionsProvider extends SoftAssertionsProvider {

  /**
   * Starts soft assertions on a Dockerfile model.
   *
   * @param actual the Dockerfile
   * @return the proxied assertion
   */
  default DockerfileAssert assertThat(Dockerfile actual) {
    return proxy(DockerfileAssert.class, Dockerfile.class, actual);
  }

  /**
   * Starts soft assertions on a built image.
   *
   * @param actual the image
   * @return the proxied assertion
   */
  default ImageAssert assertThat(BuiltImage actual) {
    return proxy(ImageAssert.class, BuiltImage.class, actual);
  }
}
