package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/**
 * DF010: a relative WORKDIR before any absolute one in the stage (or its parent stages) depends
 * on the base image's working directory.
 */
public final class WorkdirRelativePath extends AbstractRule {

  /** Creates the rule. */
  public WorkdirRelativePath() {
    super("DF010", "WorkdirRelativePath", Severity.WARNING,
        "a relative WORKDIR depends on the base image's working directory; use an absolute path",
        "WorkdirRelativePath", "DL3000");
  }

  /**
   * Returns the message.
   *
   * @param path the path
   * @return the message
   */
  public static String message(String path) {
    return "relative WORKDIR (" + path + ") without an earlier absolute WORKDIR depends on the base image";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    boolean[] absolute = new boolean[d.stages().size()];
    for (int s = 0; s < d.stages().size(); s++) {
      Optional<Integer> parent = Model.parentStage(d, s);
      boolean abs = parent.isPresent() && absolute[parent.get()];
      for (Instruction i : d.stages().get(s).instructions()) {
        if (i instanceof WorkdirInstruction w) {
          String p = w.path();
          boolean isAbs = p.startsWith("/") || p.startsWith("$") || p.matches("[A-Za-z]:[\\\\/].*");
          if (!isAbs && !abs) {
            context.report(this, i, message(p));
          }
          abs |= isAbs;
        }
      }
      absolute[s] = abs;
    }
  }
}
