package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * DF206: Alpine uses musl, not glibc. Python packages often have no musl wheels, so pip compiles
 * them (slow builds, large images, subtle differences), and glibc-linked binaries need a
 * compatibility layer ({@code gcompat}, {@code libc6-compat}). Reported, as info, for a Python
 * image on Alpine or pip installs on Alpine, and for glibc compatibility packages.
 */
public final class AlpineMuslCaveat extends AbstractRule {
  private static final Set<String> GLIBC = Set.of("gcompat", "libc6-compat", "glibc", "glibc-bin");

  /** Creates the rule. */
  public AlpineMuslCaveat() {
    super("DF206", "AlpineMuslCaveat", Severity.INFO,
        "Alpine's musl libc is a poor fit for Python wheels and glibc-linked software", null, null);
  }

  /**
   * Returns the message.
   *
   * @param what what was found on Alpine
   * @return the message
   */
  public static String message(String what) {
    return what + " on alpine (musl libc): many Python wheels and glibc-linked binaries do not fit; consider a -slim (Debian) image";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    for (int s = 0; s < d.stages().size(); s++) {
      Stage stage = d.stages().get(s);
      String base = Model.baseImage(d, s);
      if (!Model.isAlpine(base)) {
        continue;
      }
      Optional<ImageRef> ref = Model.ref(base);
      boolean pythonImage = ref.isPresent()
          && (ref.get().path().endsWith("python") || ref.get().path().endsWith("pypy"));
      if (pythonImage && Model.parentStage(d, s).isEmpty()) {
        context.report(this, stage.from(), message("python image " + base));
        continue;
      }
      for (Instruction i : stage.instructions()) {
        if (!(i instanceof RunInstruction r)) {
          continue;
        }
        for (Script.Simple c : Script.of(r).commands()) {
          if (!pythonImage && PipNoCacheDir.isPipInstall(c)) {
            context.report(this, r, message("pip install"));
            break;
          }
          if (c.is("apk", "add") && anyGlibc(c.args())) {
            context.report(this, r, message("glibc compatibility package in '"
                + AptNoInstallRecommends.abbreviate(c.toString()) + "'"));
            break;
          }
        }
      }
    }
  }

  private static boolean anyGlibc(java.util.List<String> args) {
    for (String a : args) {
      if (GLIBC.contains(a)) {
        return true;
      }
    }
    return false;
  }
}
