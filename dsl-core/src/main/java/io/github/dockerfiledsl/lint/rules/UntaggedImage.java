package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/** DF113: FROM an image without tag or digest, which means whatever {@code latest} is today. */
public final class UntaggedImage extends AbstractRule {

  /** Creates the rule. */
  public UntaggedImage() {
    super("DF113", "UntaggedImage", Severity.WARNING,
        "pin the base image with a tag or digest", null, "DL3006");
  }

  /**
   * Returns the message.
   *
   * @param image the image
   * @return the message
   */
  public static String message(String image) {
    return "FROM " + image + " has no tag or digest; pin a version";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    for (int s = 0; s < d.stages().size(); s++) {
      Stage stage = d.stages().get(s);
      if (Model.parentStage(d, s).isPresent()) {
        continue;
      }
      Optional<ImageRef> ref = Model.ref(stage.from().image());
      if (ref.isPresent() && ref.get().tag().isEmpty() && ref.get().digest().isEmpty()) {
        context.report(this, stage.from(), message(stage.from().image()));
      }
    }
  }
}
