package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * DF016: with the global ARGs' default values, a FROM image expands to an empty or invalid image
 * reference, so the build fails unless every build passes the argument.
 */
public final class InvalidDefaultArgInFrom extends AbstractRule {

  /** Creates the rule. */
  public InvalidDefaultArgInFrom() {
    super("DF016", "InvalidDefaultArgInFrom", Severity.WARNING,
        "the default values of the global ARGs must give FROM a valid image",
        "InvalidDefaultArgInFrom", null);
  }

  /**
   * Returns the message.
   *
   * @param image the image as written
   * @param expanded the expansion
   * @return the message
   */
  public static String message(String image, String expanded) {
    return "default values of the ARGs in FROM " + image + " give "
        + (expanded.isEmpty() ? "an empty image name" : "an invalid image name '" + expanded + "'");
  }

  @Override
  public void check(LintContext context) {
    Map<String, String> defaults = new HashMap<>();
    Model.globalArgs(context.dockerfile()).forEach((k, v) -> {
      if (v != null) {
        defaults.put(k, Vars.expand(v, defaults));
      }
    });
    for (Stage s : context.dockerfile().stages()) {
      String image = s.from().image();
      if (!image.contains("$")) {
        continue;
      }
      boolean automaticOnly = Vars.refs(image).stream()
          .allMatch(r -> UndefinedArgInFrom.AUTOMATIC.contains(r.name()));
      if (automaticOnly) {
        continue;
      }
      String expanded = Vars.expand(image, defaults);
      if (expanded.isEmpty() || !expanded.equals("scratch") && !ImageRef.isValid(expanded)) {
        context.report(this, s.from(), message(image, expanded));
      }
    }
  }
}
