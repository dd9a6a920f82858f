package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.image.DigestResolver;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/** DF114: FROM an image tagged {@code latest}, which changes under the build. */
public final class LatestTag extends AbstractRule {

  private final DigestResolver resolver;

  /** Creates the rule. */
  public LatestTag() {
    this(null);
  }

  /**
   * Creates the rule with a registry to ask: its findings then offer to pin the image by the
   * digest the tag names now ({@link Linter#withResolver}).
   *
   * @param resolver the resolver, or null for no fix
   */
  public LatestTag(DigestResolver resolver) {
    super("DF114", "LatestTag", Severity.WARNING,
        "do not build on the latest tag; pin a version", null, "DL3007");
    this.resolver = resolver;
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
      if (ref.isPresent() && ref.get().tag().isPresent() && ref.get().tag().get().equals("latest")
          && ref.get().digest().isEmpty()) {
        if (resolver == null) {
          context.report(this, s.from(), message(s.from().image()));
        } else {
          context.report(this, s.from(), message(s.from().image()),
              PinFix.of(s.from(), resolver));
        }
      }
    }
  }
}
