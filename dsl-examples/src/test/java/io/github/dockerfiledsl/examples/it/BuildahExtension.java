package io.github.dockerfiledsl.examples.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that skips a test class, visibly, when buildah or the local base images are
 * missing, and fails it instead when {@code buildah.required} is true; see {@link BuildahSupport}.
 *
 * <pre>{@code
 * @ExtendWith(BuildahExtension.class)
 * class MyImageTest {
 *   @Test
 *   void builds() {
 *     String id = BuildahSupport.imageBuild(BuildContext.of(dockerfile)).run(System.out::println);
 *     assertThat(BuildahSupport.config(id).user()).isEqualTo("nobody");
 *   }
 * }
 * }</pre>
 */
public final class BuildahExtension implements BeforeAllCallback {

  /** Creates the extension; JUnit calls this. */
  public BuildahExtension() {
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    BuildahSupport.assumeAvailable();
  }
}
