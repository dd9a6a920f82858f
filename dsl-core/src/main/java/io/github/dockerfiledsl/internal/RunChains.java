package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins shell commands into one run chain without changing what each means. A command joins
 * with {@code &&} as it is only when {@link ShellScan} proves it a simple command that cannot
 * change the shell's state; any other command runs in a subshell, and a command that cannot
 * be joined safely (a comment, a background job, a heredoc, ...) stays a RUN of its own. The
 * builder, the optimizer passes and lint's fixes all merge through this class.
 */
public final class RunChains {
  private static final Set<String> POSIX = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh",
      "mksh", "busybox", "yash", "posh");
  private static final Set<String> PIPEFAIL = Set.of("bash", "zsh", "ksh", "mksh", "ash",
      "busybox", "yash");

  /**
   * What the builder knows about the shell of a stage.
   *
   * @param posix whether {@code &&}, {@code ( )} and {@code set -o} work (a POSIX shell)
   * @param pipefailSupported whether the shell is known to support {@code set -o pipefail}
   * @param pipefailOn whether SHELL already turns pipefail on
   * @param errexit whether SHELL turns errexit on ({@code -e}, {@code -o errexit})
   * @param nounset whether SHELL turns nounset on ({@code -u}, {@code -o nounset})
   */
  public record ShellInfo(boolean posix, boolean pipefailSupported, boolean pipefailOn,
      boolean errexit, boolean nounset) {

    /**
     * Describes the shell set by SHELL, or the default {@code /bin/sh -c} when empty (whose
     * pipefail support depends on the image, so it is not assumed).
     *
     * @param shell the SHELL in effect
     * @return the description
     */
    public static ShellInfo of(Optional<Exec> shell) {
      if (shell.isEmpty()) {
        return new ShellInfo(true, false, false, false, false);
      }
      List<String> args = shell.get().args();
      String exe = args.get(0);
      String base = exe.substring(Math.max(exe.lastIndexOf('/'), exe.lastIndexOf('\\')) + 1);
      boolean posix = POSIX.contains(base);
      boolean supported = PIPEFAIL.contains(base);
      boolean on = false;
      boolean errexit = false;
      boolean nounset = false;
      for (int i = 1; i < args.size(); i++) {
        String a = args.get(i);
        String before = args.get(i - 1);
        boolean option = before.startsWith("-") && !before.startsWith("--")
            && before.endsWith("o");
        on |= a.equals("pipefail") && option;
        errexit |= a.equals("errexit") && option;
        nounset |= a.equals("nounset") && option;
        if (a.startsWith("-") && !a.startsWith("--")) {
          errexit |= a.indexOf('e') > 0;
          nounset |= a.indexOf('u') > 0;
        }
        if (a.equals("-c") || a.equals("-Command") || a.equals("/S")) {
          break; // the command follows
        }
      }
      return new ShellInfo(posix, supported, on, errexit, nounset);
    }
  }

  private RunChains() {}

  /**
   * How the builder renders run chains.
   *
   * @param pipefail add {@code set -o pipefail} to commands with a pipe, where the shell
   *     supports it and SHELL does not turn it on already
   * @param cleanupAtEnd run every step's cleanup at the end of the RUN instead of right after
   *     the step; refused when a cleanup would remove a path that a later step of the RUN names
   */
  public record Options(boolean pipefail, boolean cleanupAtEnd) {}

  /**
   * Returns the stage each stage is built on ({@code FROM <stage name>}: the nearest earlier
   * stage of that name, matched without regard to case as BuildKit does), or -1 for a stage
   * that starts from an image; one pass with a map, O(n) for n stages.
   *
   * @param d the Dockerfile
   * @return the base stage index by stage index
   */
  public static int[] baseIndexes(Dockerfile d) {
    List<Stage> stages = d.stages();
    int[] out = new int[stages.size()];
    Map<String, Integer> latest = new HashMap<>();
    for (int s = 0; s < stages.size(); s++) {
      Integer base = latest.get(Checks.foldCase(stages.get(s).from().image()));
      out[s] = base == null ? -1 : base;
      Optional<String> name = stages.get(s).name();
      if (name.isPresent()) {
        latest.put(Checks.foldCase(name.get()), s);
      }
    }
    return out;
  }

  /**
   * Returns the SHELL in effect at the start of each stage: the one its base stage ends with
   * (SHELL is inherited through {@code FROM <stage>}), or empty for the default.
   *
   * @param d the Dockerfile
   * @return the shells, by stage index
   */
  public static List<Optional<Exec>> initialShells(Dockerfile d) {
    int[] bases = baseIndexes(d);
    List<Optional<Exec>> initial = new ArrayList<>();
    List<Optional<Exec>> last = new ArrayList<>();
    for (int s = 0; s < d.stages().size(); s++) {
      Optional<Exec> shell = bases[s] < 0 ? Optional.empty() : last.get(bases[s]);
      initial.add(shell);
      for (Instruction i : d.stages().get(s).instructions()) {
        if (i instanceof ShellInstruction sh) {
          shell = Optional.of(sh.shell());
        }
      }
      last.add(shell);
    }
    return initial;
  }

  /**
   * Returns the shell in effect at an instruction (found by identity; its first place when it
   * is in the Dockerfile twice), inherited SHELL included. The shells of the last Dockerfile
   * asked about are kept, so that asking for each of its n instructions costs O(n), not O(n * n).
   *
   * @param d the Dockerfile
   * @param target the instruction
   * @return the shell, or the default when the instruction is not in a stage
   */
  public static ShellInfo shellAt(Dockerfile d, Instruction target) {
    ShellIndex index = lastIndex;
    if (index == null || index.dockerfile.get() != d) {
      index = new ShellIndex(d);
      lastIndex = index;
    }
    Optional<Exec> shell = index.shells.get(target);
    return ShellInfo.of(shell == null ? Optional.empty() : shell);
  }

  /** The index {@link #shellAt} asked for last (replaced whole, so threads may share it). */
  private static volatile ShellIndex lastIndex;

  /** The shell in effect at each instruction of one Dockerfile, by identity. */
  private static final class ShellIndex {
    final WeakReference<Dockerfile> dockerfile;
    final Map<Instruction, Optional<Exec>> shells = new IdentityHashMap<>();

    ShellIndex(Dockerfile d) {
      this.dockerfile = new WeakReference<>(d);
      List<Optional<Exec>> initial = initialShells(d);
      for (int s = 0; s < d.stages().size(); s++) {
        Optional<Exec> shell = initial.get(s);
        for (Instruction i : d.stages().get(s).instructions()) {
          shells.putIfAbsent(i, shell);
          if (i instanceof ShellInstruction sh) {
            shell = Optional.of(sh.shell());
          }
        }
      }
    }
  }

  /**
   * Returns whether a shell-form command may join a chain at all.
   *
   * @param shell the command
   * @return false for comments, background jobs, heredocs and unbalanced quotes
   */
  public static boolean chainable(Shell shell) {
    return ShellScan.analyze(shell.command()).chainable();
  }

  /**
   * Returns whether a command, in a chain under this shell, may only be the last command and
   * must not run in a subshell of the chain's own: it may turn on errexit or an ERR trap (in
   * itself or in a subshell or substitution of its own), or it needs a subshell and may stop
   * the shell by an error, or the SHELL turns errexit or nounset on and the command needs or has
   * a subshell. A subshell on the left of {@code &&} ignores errexit and ERR traps, and bash
   * reports a shell error in a subshell with status 1 where the top level of {@code sh -c}
   * reports 127.
   *
   * @param a the command's analysis
   * @param info the shell
   * @return whether nothing may follow the command in its RUN
   */
  public static boolean endsChain(ShellScan.Analysis a, ShellInfo info) {
    return a.errexit() || info.errexit() && (a.needsGroup() || a.nested())
        || a.needsGroup() && (a.stops().isPresent() || info.nounset());
  }

  /**
   * Returns whether nothing may follow a run step in its RUN (see {@link
   * #endsChain(ShellScan.Analysis, ShellInfo)}).
   *
   * @param run the step
   * @param info the shell
   * @return true for a shell-form step that must end its chain
   */
  public static boolean endsChain(Run run, ShellInfo info) {
    return run.command() instanceof Shell s && endsChain(ShellScan.analyze(s.command()), info);
  }

  private static String whyLast(ShellScan.Analysis a, ShellInfo info) {
    return a.stops().orElse(info.errexit() ? "errexit on in SHELL" : "nounset on in SHELL");
  }

  /**
   * Returns whether a run step may share its RUN with other steps.
   *
   * @param run the step
   * @return true for a chainable shell-form step without heredocs
   */
  public static boolean mergeable(Run run) {
    return run.command() instanceof Shell s && run.heredocs().isEmpty() && chainable(s);
  }

  /**
   * Returns whether two RUNs may be merged into one by a pass or a fix: both mergeable shell
   * forms with the same flags under a POSIX shell.
   *
   * @param first the first RUN
   * @param second the RUN after it
   * @param info the shell in effect
   * @return whether {@link #join} applies
   */
  public static boolean mergeable(RunInstruction first, RunInstruction second, ShellInfo info) {
    return info.posix() && mergeable(first) && mergeable(second) && first.sameFlags(second)
        && !endsChain(ShellScan.analyze(((Shell) first.command()).command()), info);
  }

  private static boolean mergeable(RunInstruction r) {
    return r.command() instanceof Shell s && r.heredocs().isEmpty() && chainable(s);
  }

  /**
   * Returns two RUNs as one, each command keeping its meaning (see {@link #join}).
   *
   * @param first the first RUN
   * @param second the RUN after it
   * @param info the shell in effect
   * @return the merged RUN, with the first's flags
   */
  public static RunInstruction merge(RunInstruction first, RunInstruction second, ShellInfo info) {
    Checks.check(mergeable(first, second, info), "the RUNs cannot be merged safely");
    return first.withCommand(join(List.of((Shell) first.command(), (Shell) second.command()),
        info, false));
  }

  /**
   * Joins commands with {@code &&}, one command per line, running in a subshell each command
   * that could change the shell's state for the commands after it, and each command whose
   * operators ({@code ||}, {@code ;}) would otherwise bind to its neighbours. A command that
   * {@linkplain #endsChain(ShellScan.Analysis, ShellInfo) must end the chain} may only be the
   * last, and is grouped with braces, not a subshell, where its operators need grouping.
   *
   * @param parts the commands, each chainable, at least one
   * @param info the shell
   * @param pipefail whether to add {@code set -o pipefail} to commands with a pipe, where the
   *     shell supports it and SHELL does not turn it on already
   * @return the joined command
   */
  public static Shell join(List<Shell> parts, ShellInfo info, boolean pipefail) {
    Checks.check(!parts.isEmpty(), "a run chain needs at least one command");
    int n = parts.size();
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      Shell part = parts.get(p);
      ShellScan.Analysis a = ShellScan.analyze(part.command());
      Checks.check(n == 1 || a.chainable(),
          "command (%s) cannot join a run chain: it has %s",
          Checks.quote(part.command()), a.reason());
      boolean ends = n > 1 && endsChain(a, info);
      Checks.check(!ends || p == n - 1,
          "%s cannot follow command (%s) in one RUN: the command has %s, so it must end its RUN"
              + " (a subshell would ignore errexit and change the status of shell errors); give"
              + " it a RUN of its own or put what follows inside it",
          p + 1 < n ? Checks.quote(parts.get(p + 1).command()) : "", Checks.quote(part.command()),
          whyLast(a, info));
      List<String> pl = new ArrayList<>(part.lines());
      boolean addPipefail = pipefail && a.pipe() && info.pipefailSupported() && !info.pipefailOn();
      if (addPipefail) {
        pl.set(0, "set -o pipefail && " + pl.get(0));
      }
      // the last command's changes reach nothing after it: it needs a subshell only where its
      // operators would bind to the chain
      boolean wrap = n > 1 && (a.needsGroup() && (p < n - 1 || a.loose())
          || p < n - 1 && addPipefail || a.trailingSemicolon());
      if (wrap && ends) {
        pl.set(0, "{ " + pl.get(0));
        pl.set(pl.size() - 1, pl.get(pl.size() - 1).stripTrailing()
            + (a.trailingSemicolon() ? " }" : "; }"));
      } else if (wrap) {
        pl.set(0, "( " + pl.get(0));
        pl.set(pl.size() - 1, pl.get(pl.size() - 1).stripTrailing() + " )");
      }
      if (p > 0) {
        int last = lines.size() - 1;
        if (!lines.get(last).endsWith(" ")) {
          lines.set(last, lines.get(last) + " ");
        }
        pl.set(0, Shell.INDENT + "&& " + pl.get(0));
      }
      lines.addAll(pl);
    }
    return new Shell(lines);
  }

  /**
   * Renders the RUN of a group of run steps that the builder merges: each step's command, then
   * its {@link Run#cleanupFirst() first} and {@link Run#cleanup() ordinary} cleanup right where
   * the step ends (or, with {@link Options#cleanupAtEnd()}, at the end of the RUN), and at the
   * very end the {@link Run#cleanupLast() last} cleanup of all steps (purging build
   * dependencies, which the whole chain may use).
   *
   * @param group the steps, at least one; more than one only if each is {@link #mergeable(Run)}
   * @param info the shell
   * @param options the rendering options
   * @param verbatim whether the builder writes steps as written (no pipefail added)
   * @return the command of the RUN
   */
  public static Command render(List<Run> group, ShellInfo info, Options options,
      boolean verbatim) {
    Run first = group.get(0);
    boolean pipefail = options.pipefail() && !verbatim;
    boolean any = group.stream().anyMatch(r -> !r.cleanupFirst().isEmpty()
        || !r.cleanup().isEmpty() || !r.cleanupLast().isEmpty());
    if (group.size() == 1 && !any) {
      Command command = first.command();
      if (pipefail && mergeable(first)) {
        command = join(List.of((Shell) command), info, true);
      }
      return command;
    }
    for (Run r : group) {
      Checks.check(
          mergeable(r),
          "cleanup (%s) cannot follow %s, which %s; put the cleanup inside that command",
          Checks.quote(String.join(" && ", allCleanup(group))), r, why(r));
    }
    List<Shell> parts = new ArrayList<>();
    Set<String> end = new LinkedHashSet<>();
    if (options.cleanupAtEnd()) {
      checkEndCleanup(group);
      group.forEach(r -> end.addAll(r.cleanupFirst()));
      group.forEach(r -> end.addAll(r.cleanup()));
    }
    for (Run r : group) {
      parts.add((Shell) r.command());
      if (!options.cleanupAtEnd()) {
        r.cleanupFirst().forEach(c -> parts.add(Shell.of(c)));
        r.cleanup().forEach(c -> parts.add(Shell.of(c)));
      }
    }
    group.forEach(r -> end.addAll(r.cleanupLast()));
    end.forEach(c -> parts.add(Shell.of(c)));
    return join(parts, info, pipefail);
  }

  private static String why(Run r) {
    if (!(r.command() instanceof Shell s)) {
      return "is in exec form";
    }
    if (!r.heredocs().isEmpty()) {
      return "has a heredoc";
    }
    return "has " + ShellScan.analyze(s.command()).reason();
  }

  private static List<String> allCleanup(List<Run> group) {
    List<String> all = new ArrayList<>();
    for (Run r : group) {
      all.addAll(r.cleanupFirst());
      all.addAll(r.cleanup());
      all.addAll(r.cleanupLast());
    }
    return all;
  }

  /**
   * Refuses end-of-chain cleanup that could delete what a later step of the chain writes: an
   * {@code rm} of a path that a later step names, or of a path that is not a literal word.
   */
  private static void checkEndCleanup(List<Run> group) {
    for (int j = 0; j < group.size(); j++) {
      List<String> cleanups = new ArrayList<>(group.get(j).cleanupFirst());
      cleanups.addAll(group.get(j).cleanup());
      for (String c : cleanups) {
        for (ShellScan.Command cmd : ShellScan.analyze(c).commands()) {
          if (!cmd.name().map(x -> x.equals("rm") || x.endsWith("/rm")).orElse(false)) {
            continue;
          }
          for (ShellScan.Word w : cmd.words().subList(1, cmd.words().size())) {
            if (w.raw().startsWith("-")) {
              continue;
            }
            String path = w.raw().replaceAll("(/\\*|/\\*\\.\\*|\\*)+$", "");
            Checks.check(path.matches("[A-Za-z0-9_./@%+,:=-]+"),
                "end-of-chain cleanup (%s) removes %s, which is not a plain path, so a later step"
                    + " might lose its files to it; run that step's cleanup where it ends",
                Checks.quote(c), Checks.quote(w.raw()));
            for (int k = j + 1; k < group.size(); k++) {
              Run later = group.get(k);
              String text = ((Shell) later.command()).command();
              Checks.check(path.isEmpty() || !text.contains(path),
                  "end-of-chain cleanup (%s) would remove %s, which the later step %s uses; run"
                      + " the cleanup where its step ends",
                  Checks.quote(c), Checks.quote(path), later);
            }
          }
        }
      }
    }
  }

  /**
   * Appends commands to the end of a shell-form command with {@code &&}, or returns empty when
   * that would change its meaning (a comment, a background job or a heredoc in it; or errexit
   * may be on and the last and-or list runs commands of its own, a function or a compound
   * command, whose commands {@code &&} after them would exempt from errexit). The existing command stays as it is
   * (a left-associative {@code &&} keeps its meaning; a trailing {@code ;} is dropped); an
   * appended command that is not simple runs in a subshell.
   *
   * @param shell the command
   * @param commands the commands to append
   * @param info the shell
   * @return the longer command
   */
  public static Optional<Shell> append(Shell shell, List<String> commands, ShellInfo info) {
    ShellScan.Analysis a = ShellScan.analyze(shell.command());
    if (!a.chainable() || (a.errexit() || info.errexit()) && !a.tailSimple()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(shell.lines());
    if (a.trailingSemicolon()) {
      int last = out.size() - 1;
      String l = out.get(last).stripTrailing();
      out.set(last, l.substring(0, l.length() - 1));
    }
    for (int p = 0; p < commands.size(); p++) {
      Shell part = Shell.of(commands.get(p));
      ShellScan.Analysis pa = ShellScan.analyze(part.command());
      if (!pa.chainable()) {
        return Optional.empty();
      }
      List<String> pl = new ArrayList<>(part.lines());
      if (pa.loose() || p < commands.size() - 1 && !pa.inert()) {
        pl.set(0, "( " + pl.get(0));
        pl.set(pl.size() - 1, pl.get(pl.size() - 1) + " )");
      }
      int last = out.size() - 1;
      if (!out.get(last).endsWith(" ")) {
        out.set(last, out.get(last) + " ");
      }
      pl.set(0, Shell.INDENT + "&& " + pl.get(0));
      out.addAll(pl);
    }
    return Optional.of(new Shell(out));
  }
}
