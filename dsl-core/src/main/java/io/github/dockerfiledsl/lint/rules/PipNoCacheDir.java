package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;

/**
 * DF108: {@code pip install} without {@code --no-cache-dir} keeps pip's download cache in the
 * layer. {@code ENV PIP_NO_CACHE_DIR} in the stage or a cache mount on pip's cache directory
 * exempts the RUN. The fix adds {@code --no-cache-dir}.
 */
public final class PipNoCacheDir extends AbstractRule {

  /** Creates the rule. */
  public PipNoCacheDir() {
    super("DF108", "PipNoCacheDir", Severity.WARNING,
        "use pip install --no-cache-dir", null, "DL3042");
  }

  /**
   * Returns the message.
   *
   * @param command the pip command
   * @return the message
   */
  public static String message(String command) {
    return "'" + command + "' keeps pip's cache in the layer; add --no-cache-dir";
  }

  /**
   * Returns the pip install command of a simple command, if it is one ({@code pip install},
   * {@code pip3 install}, {@code python -m pip install}).
   *
   * @param c the command
   * @return true for a pip install
   */
  static boolean isPipInstall(Script.Simple c) {
    List<String> w = c.command();
    int i = 0;
    if (c.program().startsWith("python")) {
      int m = w.indexOf("-m");
      if (m < 0 || m + 1 >= w.size() || !w.get(m + 1).matches("pip[0-9.]*")) {
        return false;
      }
      i = m + 1;
    } else if (!c.program().matches("pip[0-9.]*")) {
      return false;
    }
    for (int j = i + 1; j < w.size(); j++) {
      if (!w.get(j).startsWith("-")) {
        return w.get(j).equals("install");
      }
    }
    return false;
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      if (envSet(s)) {
        continue;
      }
      for (Instruction i : s.instructions()) {
        if (!(i instanceof RunInstruction r) || Model.cacheMounted(r, "/root/.cache/pip", "/root/.cache")) {
          continue;
        }
        for (Script.Simple c : Script.of(r).commands()) {
          if (isPipInstall(c) && !c.hasOption("--no-cache-dir")) {
            RunInstruction fixed = r.command() instanceof Shell && r.heredocs().isEmpty()
                ? Edit.replaceInLines(r, "\\b(pip[0-9.]*(?:\\s+-[-\\w]+)*\\s+install)\\b(?! --no-cache-dir)",
                    "$1 --no-cache-dir") : null;
            context.report(this, r, message(AptNoInstallRecommends.abbreviate(c.toString())),
                fixed == null || fixed.equals(r) ? null
                    : new Fix("add --no-cache-dir", d -> Edit.replace(d, r, fixed)));
            break;
          }
        }
      }
    }
  }

  private static boolean envSet(Stage s) {
    for (Instruction i : s.instructions()) {
      if (i instanceof EnvInstruction e) {
        for (var kv : e.vars()) {
          if (kv.key().equals("PIP_NO_CACHE_DIR")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
