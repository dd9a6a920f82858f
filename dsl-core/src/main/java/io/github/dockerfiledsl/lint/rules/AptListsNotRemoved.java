package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Set;

/**
 * DF101: a RUN with {@code apt-get update} that does not delete {@code /var/lib/apt/lists} in
 * the same RUN (or {@code apt-get dist-clean}) leaves the package lists in the layer. Only the final image's stages are checked,
 * as hadolint does; a cache or tmpfs mount on the lists exempts the RUN. The fix appends {@code
 * && rm -rf /var/lib/apt/lists/*}.
 */
public final class AptListsNotRemoved extends AbstractRule {
  /** The cleanup command the fix appends. */
  public static final String CLEANUP = "rm -rf /var/lib/apt/lists/*";

  /** Creates the rule. */
  public AptListsNotRemoved() {
    super("DF101", "AptListsNotRemoved", Severity.WARNING,
        "delete /var/lib/apt/lists in the RUN that ran apt-get update", null, "DL3009");
  }

  /**
   * Returns the message.
   *
   * @return the message
   */
  public static String message() {
    return "apt-get update without rm -rf /var/lib/apt/lists/* in the same RUN leaves the lists in the layer";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    Set<Integer> shipped = Stages.shipped(d);
    for (int s = 0; s < d.stages().size(); s++) {
      if (!shipped.contains(s)) {
        continue;
      }
      for (Instruction i : d.stages().get(s).instructions()) {
        if (i instanceof RunInstruction r && violates(r)) {
          Fix fix = Edit.canAppend(context.dockerfile(), r)
              ? new Fix("append && " + CLEANUP, x -> Edit.replace(x, r, Edit.append(context.dockerfile(), r, CLEANUP)))
              : null;
          context.report(this, r, message(), fix);
        }
      }
    }
  }

  static boolean violates(RunInstruction r) {
    Script sc = Script.of(r);
    return sc.has("apt-get|apt", "update") && !removesLists(sc)
        && !Model.cacheMounted(r, "/var/lib/apt/lists", "/var/lib/apt");
  }

  static boolean removesLists(Script sc) {
    for (Script.Simple c : sc.commands()) {
      if (c.program().equals("rm") && anyStartsWith(c.args(), "/var/lib/apt/lists")
          || c.is("apt-get|apt", "dist-clean")) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyStartsWith(java.util.List<String> args, String prefix) {
    for (String a : args) {
      if (a.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
