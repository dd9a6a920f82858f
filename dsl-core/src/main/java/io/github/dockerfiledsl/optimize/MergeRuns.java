package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.internal.RunChains;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges consecutive RUN instructions of a stage into one (hadolint DL3059), without changing
 * what they do.
 *
 * <pre>{@code
 * RUN apt-get update                 RUN apt-get update \
 * RUN cd /src && make           ->       && ( cd /src && make )
 * }</pre>
 *
 * <p>Two RUNs merge only when both are shell form without heredocs, have the same flags (mounts,
 * network, security, devices), are separated by nothing but blank lines, and the stage's SHELL
 * is a POSIX shell. A command with {@code ||}, {@code ;}, a pipe or a state-changing builtin
 * ({@code cd}, {@code export}, ...) is grouped in a subshell; a command ending with a comment or
 * running a background job is never merged. Unlike the builder, this pass does not add {@code
 * set -o pipefail}, which would make a build stricter.
 */
public final class MergeRuns implements Pass {

  /** Creates the pass. */
  public MergeRuns() {}

  @Override
  public Dockerfile apply(Dockerfile dockerfile) {
    Map<String, Optional<Exec>> finalShells = new HashMap<>();
    List<Stage> stages = new ArrayList<>();
    boolean changed = false;
    for (Stage s : dockerfile.stages()) {
      Optional<Exec> shell = finalShells.getOrDefault(s.from().image(), Optional.empty());
      List<Instruction> out = new ArrayList<>();
      int lastRun = -1; // index in out of a RUN that the next RUN may join
      for (Instruction i : s.instructions()) {
        if (i instanceof ShellInstruction sh) {
          shell = Optional.of(sh.shell());
        }
        if (i instanceof BlankLine) {
          out.add(i);
          continue;
        }
        if (i instanceof RunInstruction r && mergeable(r) && RunChains.ShellInfo.of(shell).posix()) {
          if (lastRun >= 0) {
            RunInstruction prev = (RunInstruction) out.get(lastRun);
            if (prev.sameFlags(r)) {
              Shell joined = RunChains.join(
                  List.of((Shell) prev.command(), (Shell) r.command()),
                  RunChains.ShellInfo.of(shell), false);
              while (out.size() > lastRun + 1) {
                out.remove(out.size() - 1); // blank lines between the two
              }
              out.set(lastRun, prev.withCommand(joined));
              changed = true;
              continue;
            }
          }
          out.add(r);
          lastRun = out.size() - 1;
          continue;
        }
        out.add(i);
        lastRun = -1;
      }
      Optional<Exec> fin = shell;
      s.name().ifPresent(n -> finalShells.put(n, fin));
      stages.add(out.equals(s.instructions()) ? s : s.toBuilder().instructions(out).build());
    }
    return changed ? dockerfile.toBuilder().stages(stages).build() : dockerfile;
  }

  private static boolean mergeable(RunInstruction r) {
    return r.command() instanceof Shell s && r.heredocs().isEmpty() && RunChains.chainable(s);
  }
}
