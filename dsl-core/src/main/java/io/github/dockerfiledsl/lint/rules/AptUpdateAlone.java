package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/**
 * DF202: {@code apt-get update} (or {@code apk update}) alone in its RUN: the layer is cached, so
 * a later {@code apt-get install} runs with stale lists once the Dockerfile changes below it, and
 * the lists stay in the image. Update and install in one RUN. The fix merges the RUN with the
 * next one when that is safe.
 */
public final class AptUpdateAlone extends AbstractRule {

  /** Creates the rule. */
  public AptUpdateAlone() {
    super("DF202", "AptUpdateAlone", Severity.WARNING,
        "run apt-get update in the same RUN as apt-get install", null, null);
  }

  /**
   * Returns the message.
   *
   * @param command the update command
   * @return the message
   */
  public static String message(String command) {
    return "'" + command + "' alone in its RUN is cached apart from the install; update and install in one RUN";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        if (!(i instanceof RunInstruction r)) {
          continue;
        }
        Script sc = Script.of(r);
        Optional<Script.Simple> update = sc.commands().stream()
            .filter(c -> c.is("apt-get|apt|apk", "update")).findFirst();
        boolean installs = sc.commands().stream().anyMatch(c -> c.is("apt-get|apt",
            "install|upgrade|dist-upgrade|full-upgrade|build-dep|source|satisfy")
            || c.is("apk", "add|upgrade|fix"));
        if (update.isPresent() && !installs) {
          Optional<RunInstruction> next = Model.nextRun(s, r);
          Fix fix = next.filter(n -> Edit.canMerge(context.dockerfile(), r, n))
              .map(n -> new Fix("merge with the next RUN", d -> Edit.merge(d, r, n))).orElse(null);
          context.report(this, r, message(update.get().toString()), fix);
        }
      }
    }
  }
}
