package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.eval.SubstitutionException;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    List<Stage> stages = context.dockerfile().stages();
    Set<String> needed = new HashSet<>();
    for (Stage s : stages) {
      if (s.from().image().contains("$")) {
        for (Vars.Ref r : Vars.refs(s.from().image())) {
          needed.add(r.name());
        }
      }
    }
    if (needed.isEmpty()) {
      return;
    }
    List<ArgInstruction> owners = new ArrayList<>();
    List<ArgInstruction.Arg> globals = new ArrayList<>();
    for (Instruction i : context.dockerfile().preamble()) {
      if (i instanceof ArgInstruction a) {
        for (ArgInstruction.Arg arg : a.args()) {
          owners.add(a);
          globals.add(arg);
        }
      }
    }
    // only the defaults a FROM line can see are expanded (walking back from the FROM lines), so
    // an unused chain of ARGs costs nothing
    boolean[] used = new boolean[globals.size()];
    for (int k = globals.size() - 1; k >= 0; k--) {
      ArgInstruction.Arg arg = globals.get(k);
      if (needed.remove(arg.name())) {
        used[k] = true;
        if (arg.defaultValue().isPresent()) {
          for (Vars.Ref r : Vars.refs(arg.defaultValue().get())) {
            needed.add(r.name());
          }
        }
      }
    }
    Map<String, String> defaults = new HashMap<>();
    for (int k = 0; k < globals.size(); k++) {
      ArgInstruction.Arg arg = globals.get(k);
      if (!used[k]) {
        continue;
      }
      if (arg.defaultValue().isEmpty()) {
        defaults.remove(arg.name());
        continue;
      }
      try {
        defaults.put(arg.name(), Vars.expand(arg.defaultValue().get(), defaults));
      } catch (SubstitutionException e) {
        context.report(this, owners.get(k),
            "cannot expand the default value of ARG " + arg.name() + ": " + e.getMessage());
        return;
      }
    }
    for (Stage s : stages) {
      String image = s.from().image();
      if (!image.contains("$")) {
        continue;
      }
      boolean automaticOnly = true;
      for (Vars.Ref r : Vars.refs(image)) {
        automaticOnly &= UndefinedArgInFrom.AUTOMATIC.contains(r.name());
      }
      if (automaticOnly) {
        continue;
      }
      String expanded;
      try {
        expanded = Vars.expand(image, defaults);
      } catch (SubstitutionException e) {
        context.report(this, s.from(), "cannot expand FROM " + Vars.shorten(image) + ": " + e.getMessage());
        continue;
      }
      if (expanded.isEmpty() || !expanded.equals("scratch") && !ImageRef.isValid(expanded)) {
        context.report(this, s.from(), message(image, expanded));
      }
    }
  }
}
