package io.github.dockerfiledsl.examples.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that skips each test of a class, visibly, when buildah or the local base
 * images are missing, and fails the class instead when {@code buildah.required} is true; see
 * {@link BuildahSupport}.
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
public final class BuildahExtension implements ExecutionCondition, BeforeAllCallback {

  /** Creates the extension; JUnit calls this. */
  public BuildahExtension() {
  }

  /**
   * Disables each test method (so that it is reported as skipped) when buildah cannot run here
   * and is not required, printing the reason to stderr.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = BuildahSupport.unavailableReason();
    if (reason == null || BuildahSupport.required() || context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("buildah is available or required");
    }
    String message = "[buildah] SKIPPED " + context.getDisplayName() + ": " + reason
        + " (run scripts/setup-buildah.sh as root; -Dbuildah.required=true makes this a failure)";
    System.err.println(message);
    return ConditionEvaluationResult.disabled(message);
  }

  /** Fails the class when buildah is required but cannot run here. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (BuildahSupport.required()) {
      BuildahSupport.assumeAvailable();
    }
  }
}
