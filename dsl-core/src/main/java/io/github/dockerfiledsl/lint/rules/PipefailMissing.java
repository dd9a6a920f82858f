package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DF110: a shell-form RUN with a pipe fails only if the last command of the pipe fails; set
 * {@code -o pipefail} (in the command or with {@code SHELL ["/bin/bash", "-o", "pipefail",
 * "-c"]}). Not reported when SHELL is not a POSIX shell.
 */
public final class PipefailMissing extends AbstractRule {

  /** Creates the rule. */
  public PipefailMissing() {
    super("DF110", "PipefailMissing", Severity.WARNING,
        "a RUN with a pipe should set -o pipefail", null, "DL4006");
  }

  /**
   * Returns the message.
   *
   * @param command the piped command
   * @return the message
   */
  public static String message(String command) {
    return "RUN with a pipe ('" + command
        + "') hides failures of all but the last command; set -o pipefail or SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    List<Optional<Exec>> shells = new ArrayList<>();
    for (int s = 0; s < d.stages().size(); s++) {
      Optional<Integer> parent = Model.parentStage(d, s);
      Optional<Exec> shell = parent.isPresent() ? shells.get(parent.get()) : Optional.empty();
      for (Instruction i : d.stages().get(s).instructions()) {
        if (i instanceof ShellInstruction sh) {
          shell = Optional.of(sh.shell());
        } else if (i instanceof RunInstruction r && !r.command().isExec()) {
          boolean exempt = shell.isPresent() && (shell.get().args().contains("pipefail")
              || !shell.get().args().isEmpty()
                  && !shell.get().args().get(0).matches(".*/?(sh|bash|ash|dash|zsh|ksh)"));
          Script sc = Script.of(r);
          if (!exempt && sc.hasPipe() && !setsPipefail(sc)) {
            String piped = "";
            for (Script.Simple c : sc.commands()) {
              if (c.operator().equals("|")) {
                piped = c.toString();
                break;
              }
            }
            context.report(this, r, message(AptNoInstallRecommends.abbreviate(piped + " | ...")));
          }
        }
      }
      shells.add(shell);
    }
  }

  private static boolean setsPipefail(Script sc) {
    for (Script.Simple c : sc.commands()) {
      if (c.program().equals("set") && c.args().contains("pipefail")
          || c.toString().contains("-o pipefail")) {
        return true;
      }
    }
    return false;
  }
}
