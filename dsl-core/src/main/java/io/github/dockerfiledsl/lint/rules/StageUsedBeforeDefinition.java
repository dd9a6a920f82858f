package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.internal.StageGraph;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * DF208: a {@code COPY --from} or {@code RUN --mount from} that names the stage itself or a later
 * stage. BuildKit parses such a file and fails when it builds it (dockerfile2llb/convert.go: a
 * source stage not yet dispatched; validations.go: a cycle between stages): a cycle fails every
 * build, a forward reference only the builds of that stage, so a stage the default target (the
 * last stage) does not build is reported only when it is on a cycle.
 */
public final class StageUsedBeforeDefinition extends AbstractRule {

  /** Creates the rule. */
  public StageUsedBeforeDefinition() {
    super("DF208", "StageUsedBeforeDefinition", Severity.ERROR,
        "a stage must be defined before the stages that copy or mount from it", null, null);
  }

  /**
   * Returns the message for a forward reference, BuildKit's wording.
   *
   * @param from the referenced stage as written
   * @param current the current stage's name ({@code stage-N} for an unnamed one)
   * @return the message
   */
  public static String message(String from, String current) {
    return "cannot copy from stage \"" + from + "\", it needs to be defined before current stage \""
        + current + "\"";
  }

  /**
   * Returns the message for a mount from a later stage, BuildKit's wording
   * (dockerfile2llb/convert_runmount.go).
   *
   * @param from the referenced stage as written
   * @param target the mount target, empty when the mount has none
   * @return the message
   */
  public static String mountMessage(String from, String target) {
    return "cannot mount from stage \"" + from + "\" to \"" + target
        + "\", stage needs to be defined before current command";
  }

  private static String target(RunInstruction run, String from) {
    for (Mount m : run.mounts()) {
      if (m instanceof Mount.Bind b && b.from().map(from::equals).orElse(false)) {
        return b.target().orElse("");
      }
      if (m instanceof Mount.Cache c && c.from().map(from::equals).orElse(false)) {
        return c.target();
      }
    }
    return "";
  }

  /**
   * Returns the message for a cycle, BuildKit's wording.
   *
   * @param stage the stage's name ({@code stage-N} for an unnamed one)
   * @return the message
   */
  public static String cycle(String stage) {
    return "circular dependency detected on stage: " + stage;
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    StageGraph g = StageGraph.of(d);
    boolean[] built = g.reachableFromTarget();
    for (int i = 0; i < d.stages().size(); i++) {
      String current = name(d, i);
      boolean cyclic = g.onCycle(i);
      boolean reported = false;
      for (StageGraph.Edge e : g.references(i)) {
        if (e.to() < i) {
          continue;
        }
        if (cyclic && !reported) {
          context.report(this, e.instruction(), cycle(current));
          reported = true;
        } else if (!cyclic && built[i]) {
          context.report(this, e.instruction(), e.instruction() instanceof RunInstruction r
              ? mountMessage(e.reference(), target(r, e.reference())) : message(e.reference(), current));
        }
      }
    }
  }

  private static String name(Dockerfile d, int index) {
    return d.stages().get(index).name().orElse("stage-" + index);
  }
}
