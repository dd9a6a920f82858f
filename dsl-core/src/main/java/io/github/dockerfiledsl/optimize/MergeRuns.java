package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.internal.RunChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges consecutive RUN instructions of a stage into one (hadolint DL3059), without changing
 * what they do.
 *
 * <pre>{@code
 * RUN apt-get update                 RUN apt-get update \
 * RUN cd /src && make           ->       && ( cd /src && make ) \
 * RUN make test                          && make test
 * }</pre>
 *
 * <p>Two RUNs merge only when both are shell form without heredocs, have the same flags (mounts,
 * network, security, devices), are separated by nothing but blank lines and comments (which
 * move above the merged RUN), and the stage's SHELL
 * (inherited through {@code FROM <stage>} too) is a POSIX shell; PowerShell and {@code cmd}
 * never get {@code &&}. A command joins with {@code &&} as it is only when it is a simple
 * command that provably cannot change the shell's state; any other command runs in a subshell
 * (see the user guide, "Run chains"). A command with a comment, a background job or anything
 * the scanner cannot prove balanced is never merged. Pipefail is not added unless {@link
 * #withPipefail()} asks for it, since it makes a build stricter.
 */
public final class MergeRuns implements Pass {
  private final boolean pipefail;

  /** Creates the pass. */
  public MergeRuns() {
    this(false);
  }

  private MergeRuns(boolean pipefail) {
    this.pipefail = pipefail;
  }

  /**
   * Returns the pass that also adds {@code set -o pipefail} before merged commands with a pipe,
   * where the SHELL is known to support it and does not turn it on already.
   *
   * @return the pass
   */
  public MergeRuns withPipefail() {
    return new MergeRuns(true);
  }

  @Override
  public Dockerfile apply(Dockerfile dockerfile) {
    List<Optional<Exec>> shells = RunChains.initialShells(dockerfile);
    List<Stage> stages = new ArrayList<>();
    boolean changed = false;
    for (int si = 0; si < dockerfile.stages().size(); si++) {
      Stage s = dockerfile.stages().get(si);
      Optional<Exec> shell = shells.get(si);
      List<Instruction> out = new ArrayList<>();
      List<List<Shell>> parts = new ArrayList<>(); // the commands merged into each RUN of out
      int lastRun = -1; // index in out of a RUN that the next RUN may join
      for (Instruction i : s.instructions()) {
        if (i instanceof ShellInstruction sh) {
          shell = Optional.of(sh.shell());
        }
        if (i instanceof BlankLine || i instanceof Comment && lastRun >= 0) {
          out.add(i);
          parts.add(null);
          continue;
        }
        RunChains.ShellInfo info = RunChains.ShellInfo.of(shell);
        if (i instanceof RunInstruction r && lastRun >= 0
            && RunChains.mergeable((RunInstruction) out.get(lastRun), r, info)) {
          List<Shell> joined = new ArrayList<>(parts.get(lastRun));
          joined.add((Shell) r.command());
          List<Instruction> comments = new ArrayList<>();
          while (out.size() > lastRun + 1) {
            Instruction between = out.remove(out.size() - 1); // blank lines and comments
            parts.remove(parts.size() - 1);
            if (between instanceof Comment) {
              comments.add(0, between);
            }
          }
          out.addAll(lastRun, comments); // comments move above the merged RUN
          for (int k = 0; k < comments.size(); k++) {
            parts.add(lastRun, null);
          }
          lastRun += comments.size();
          RunInstruction first = (RunInstruction) out.get(lastRun);
          out.set(lastRun, first.withCommand(RunChains.join(joined, info, pipefail)));
          parts.set(lastRun, joined);
          changed = true;
          continue;
        }
        out.add(i);
        parts.add(i instanceof RunInstruction r && r.command() instanceof Shell sh
            ? List.of(sh) : null);
        lastRun = i instanceof RunInstruction ? out.size() - 1 : -1;
      }
      stages.add(out.equals(s.instructions()) ? s : s.toBuilder().instructions(out).build());
    }
    return changed ? dockerfile.toBuilder().stages(stages).build() : dockerfile;
  }
}
