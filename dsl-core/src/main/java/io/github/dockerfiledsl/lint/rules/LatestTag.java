package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/** DF114: FROM an image tagged {@code latest}, which changes under the build. */
public final class LatestTag extends AbstractRule {

  /** Creates the rule. */
  public LatestTag() {
    super("DF114", "LatestTag", Severity.WARNING,
        "do not build on the latest tag; pin a version", null, "DL3007");
  }

  /**
   * Returns the message.
   *
   * @param image the image
   * @return the message
   */
  public static String message(String image) {
    return "FROM " + image + " uses the latest tag; pin a version";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      Optional<ImageRef> ref = Model.ref(s.from().image());
      if (ref.isPresent() && ref.get().tag().map("latest"::equals).orElse(false)
          && ref.get().digest().isEmpty()) {
        context.report(this, s.from(), message(s.from().image()));
      }
    }
  }
}
