package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.image.DigestResolver;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/** DF113: FROM an image without tag or digest, which means whatever {@code latest} is today. */
public final class UntaggedImage extends AbstractRule {

  private final DigestResolver resolver;

  /** Creates the rule. */
  public UntaggedImage() {
    this(null);
  }

  /**
   * Creates the rule with a registry to ask: its findings then offer to pin the image as
   * {@code name:latest@digest} ({@link Linter#withResolver}).
   *
   * @param resolver the resolver, or null for no fix
   */
  public UntaggedImage(DigestResolver resolver) {
    super("DF113", "UntaggedImage", Severity.WARNING,
        "pin the base image with a tag or digest", null, "DL3006");
    this.resolver = resolver;
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
        if (resolver == null) {
          context.report(this, stage.from(), message(stage.from().image()));
        } else {
          context.report(this, stage.from(), message(stage.from().image()),
              PinFix.of(stage.from(), resolver));
        }
      }
    }
  }
}
