package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        Optional<Script.Simple> update = Optional.empty();
        boolean installs = false;
        for (Script.Simple c : sc.commands()) {
          if (update.isEmpty() && c.is("apt-get|apt|apk", "update")) {
            update = Optional.of(c);
          }
          installs |= installs(c);
        }
        if (update.isPresent() && !installs) {
          Optional<RunInstruction> next = Model.nextRun(s, r);
          Fix fix = next.filter(n -> Edit.canMerge(context.dockerfile(), r, n))
              .map(n -> new Fix("merge with the next RUN", d -> Edit.merge(d, r, n))).orElse(null);
          context.report(this, r, message(update.get().toString()), fix);
        }
      }
    }
  }

  private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude", "xx-apt-get",
      "xx-apt");
  private static final Set<String> APT_INSTALL = Set.of("install", "upgrade", "dist-upgrade",
      "full-upgrade", "build-dep", "source", "satisfy");
  private static final Set<String> APK = Set.of("apk", "xx-apk");
  private static final Set<String> APK_INSTALL = Set.of("add", "upgrade", "fix");

  /**
   * Whether a simple command installs with apt or apk anywhere in its words: also behind {@code
   * xargs} with options ({@code ... | xargs -r apt-get install -y}) and through tonistiigi/xx's
   * cross-compilation wrappers ({@code xx-apt-get install}).
   */
  static boolean installs(Script.Simple c) {
    List<String> words = c.words();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String program = w.substring(w.lastIndexOf('/') + 1);
      Set<String> subs = APT.contains(program) ? APT_INSTALL : APK.contains(program) ? APK_INSTALL
          : null;
      if (subs == null) {
        continue;
      }
      for (int k = i + 1; k < words.size(); k++) {
        if (Set.of("-o", "-c", "-t", "-a", "-X").contains(words.get(k))) {
          k++; // an option with a separate argument (apt-get -o Opt=v, apk -X repo)
        } else if (!words.get(k).startsWith("-")) {
          if (subs.contains(words.get(k))) {
            return true;
          }
          break;
        }
      }
    }
    return false;
  }
}
