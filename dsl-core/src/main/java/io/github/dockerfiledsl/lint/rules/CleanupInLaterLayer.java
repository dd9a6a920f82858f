package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;
import java.util.Optional;

/**
 * DF203: a RUN that only cleans up (package caches, lists, temporary files) after earlier RUNs
 * created them: the files stay in the earlier layers, so the image does not shrink. Clean up in
 * the same RUN. The fix merges the cleanup into the previous RUN when that is safe.
 */
public final class CleanupInLaterLayer extends AbstractRule {

  /** Creates the rule. */
  public CleanupInLaterLayer() {
    super("DF203", "CleanupInLaterLayer", Severity.WARNING,
        "clean up in the same RUN that created the files", null, null);
  }

  /**
   * Returns the message.
   *
   * @param command the cleanup command
   * @return the message
   */
  public static String message(String command) {
    return "cleanup '" + command + "' in its own RUN does not shrink the image: the files stay in the earlier layers";
  }

  /**
   * Returns whether a simple command is a cleanup of caches or temporary files.
   *
   * @param c the command
   * @return true for cleanup
   */
  static boolean isCleanup(Script.Simple c) {
    if (c.is("apt-get|apt", "clean|autoclean|autoremove|purge|remove")
        || c.is("yum|dnf|microdnf|zypper", "clean|cc|autoremove|remove")
        || c.is("apk", "del|cache") || c.is("pip|pip3", "cache") || c.is("npm", "cache")
        || c.is("yarn", "cache") || c.is("conda", "clean")) {
      return true;
    }
    if (!c.program().equals("rm")) {
      return false;
    }
    boolean any = false;
    for (String t : c.args()) {
      if (t.startsWith("-")) {
        continue;
      }
      any = true;
      if (!(t.startsWith("/var/lib/apt/lists")
          || t.startsWith("/var/cache/") || t.startsWith("/tmp/") || t.equals("/tmp")
          || t.startsWith("/root/.cache") || t.startsWith("~/.cache") || t.startsWith("/var/tmp")
          || t.contains("/.npm") || t.startsWith("/usr/share/doc") || t.startsWith("/usr/share/man"))) {
        return false;
      }
    }
    return any;
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      boolean earlierRun = false;
      for (Instruction i : s.instructions()) {
        if (!(i instanceof RunInstruction r)) {
          continue;
        }
        List<Script.Simple> commands = Script.of(r).commands();
        if (earlierRun && !commands.isEmpty() && allCleanup(commands)) {
          Optional<RunInstruction> previous = Model.previousRun(s, r);
          Fix fix = previous.filter(p -> Edit.canMerge(context.dockerfile(), p, r))
              .map(p -> new Fix("merge into the previous RUN", d -> Edit.merge(d, p, r))).orElse(null);
          context.report(this, r, message(AptNoInstallRecommends.abbreviate(commands.get(0).toString())), fix);
        }
        earlierRun = true;
      }
    }
  }

  private static boolean allCleanup(List<Script.Simple> commands) {
    for (Script.Simple c : commands) {
      if (!isCleanup(c)) {
        return false;
      }
    }
    return true;
  }
}
