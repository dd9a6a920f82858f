package io.github.dockerfiledsl.testing;

/**
 * Assertions on a {@link BuiltImage}; see {@link AbstractImageAssert} for what they check.
 * Obtain one with {@link DockerfileAssertions#assertThat(BuiltImage)}, or softly with {@link
 * DockerfileSoftAssertions}.
 */
public class ImageAssert extends AbstractImageAssert<ImageAssert> {

  /**
   * Creates the assertion.
   *
   * @param actual the image under test
   */
  public ImageAssert(BuiltImage actual) {
    super(actual, ImageAssert.class);
  }
}
