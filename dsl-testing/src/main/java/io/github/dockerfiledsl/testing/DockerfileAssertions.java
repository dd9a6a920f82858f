package io.github.dockerfiledsl.testing;

import io.github.dockerfiledsl.Dockerfile;

/**
 * Entry point of the AssertJ assertions on Dockerfile models and built images.
 *
 * <pre>{@code
 * import static io.github.dockerfiledsl.testing.DockerfileAssertions.assertThat;
 *
 * assertThat(dockerfile).hasFinalUserNotRoot().exposesPort(8080)
 *     .hasNoLintFindingAtOrAbove(Severity.WARNING);
 * assertThat(image).hasUser("app").hasFile("/app/run.sh").commandPrints("ok\n", "/app/run.sh");
 * }</pre>
 *
 * <p>For soft assertions use {@link DockerfileSoftAssertions}, or implement {@link
 * DockerfileSoftAssertionsProvider} in a class of your own that extends AssertJ's soft
 * assertions.
 */
public final class DockerfileAssertions {
  private DockerfileAssertions() {}

  /**
   * Starts assertions on a Dockerfile model (without building it).
   *
   * @param actual the Dockerfile
   * @return the assertion
   */
  public static DockerfileAssert assertThat(Dockerfile actual) {
    return new DockerfileAssert(actual);
  }

  /**
   * Starts assertions on a built image.
   *
   * @param actual the image
   * @return the assertion
   */
  public static ImageAssert assertThat(BuiltImage actual) {
    return new ImageAssert(actual);
  }
}
