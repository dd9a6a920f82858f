package io.github.dockerfiledsl.testing;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions on Dockerfile models and built images: every failure is collected, and {@link
 * #assertAll()} reports them together.
 *
 * <pre>{@code
 * DockerfileSoftAssertions.assertSoftly(softly -> {
 *   softly.assertThat(dockerfile).hasFinalUserNotRoot().exposesPort(8080);
 *   softly.assertThat(image).hasUser("app");
 * });
 * }</pre>
 *
 * <p>With JUnit 5, AssertJ's {@code SoftAssertionsExtension} injects it as a field or parameter
 * annotated with {@code @InjectSoftAssertions}.
 */
public class DockerfileSoftAssertions extends AbstractSoftAssertions
    implements DockerfileSoftAssertionsProvider {

  /** Creates an empty collector of failures. */
  public DockerfileSoftAssertions() {}

  /**
   * Runs the assertions softly and then reports every failure at once.
   *
   * @param softly the assertions
   */
  public static void assertSoftly(Consumer<DockerfileSoftAssertions> softly) {
    SoftAssertionsProvider.assertSoftly(DockerfileSoftAssertions.class, softly);
  }
}
