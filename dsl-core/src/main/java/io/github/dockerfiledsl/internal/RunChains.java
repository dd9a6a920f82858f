package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Joins shell commands into one run chain without changing what each means: commands that are
 * not simple run in a subshell, and a pipe gets {@code set -o pipefail} where the shell has it.
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
   */
  public record ShellInfo(boolean posix, boolean pipefailSupported, boolean pipefailOn) {

    /**
     * Describes the shell set by SHELL, or the default {@code /bin/sh -c} when empty (whose
     * pipefail support depends on the image, so it is not assumed).
     *
     * @param shell the SHELL in effect
     * @return the description
     */
    public static ShellInfo of(Optional<Exec> shell) {
      if (shell.isEmpty()) {
        return new ShellInfo(true, false, false);
      }
      List<String> args = shell.get().args();
      String exe = args.get(0);
      String base = exe.substring(Math.max(exe.lastIndexOf('/'), exe.lastIndexOf('\\')) + 1);
      boolean posix = POSIX.contains(base);
      boolean supported = PIPEFAIL.contains(base);
      boolean on = false;
      for (int i = 1; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("pipefail") && args.get(i - 1).startsWith("-") && args.get(i - 1).endsWith("o")) {
          on = true;
        }
      }
      return new ShellInfo(posix, supported, on);
    }
  }

  private RunChains() {}

  /**
   * Returns whether a shell-form command may join a chain at all.
   *
   * @param shell the command
   * @return false for comments, background jobs and unbalanced quotes
   */
  public static boolean chainable(Shell shell) {
    return ShellScan.analyze(shell.command()).chainable();
  }

  /**
   * Joins commands with {@code &&}, one command per line, grouping those that need it.
   *
   * @param parts the commands, each chainable, at least one
   * @param info the shell
   * @param pipefail whether to add {@code set -o pipefail} to commands with a pipe, where the
   *     shell supports it and SHELL does not turn it on already
   * @return the joined command
   */
  public static Shell join(List<Shell> parts, ShellInfo info, boolean pipefail) {
    Checks.check(!parts.isEmpty(), "a run chain needs at least one command");
    boolean alone = parts.size() == 1;
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      Shell part = parts.get(p);
      ShellScan.Analysis a = ShellScan.analyze(part.command());
      List<String> pl = new ArrayList<>(part.lines());
      boolean addPipefail = pipefail && a.pipe() && info.pipefailSupported() && !info.pipefailOn();
      if (addPipefail) {
        pl.set(0, "set -o pipefail && " + pl.get(0));
      }
      if (!alone && (a.needsGroup() || addPipefail)) {
        pl.set(0, "( " + pl.get(0));
        pl.set(pl.size() - 1, pl.get(pl.size() - 1) + " )");
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
   * Appends commands to the end of a shell-form command with {@code &&}, or returns empty when
   * that would change its meaning (a comment or a background job at the end).
   *
   * @param shell the command
   * @param commands the commands to append
   * @return the longer command
   */
  public static Optional<Shell> append(Shell shell, List<String> commands) {
    ShellScan.Analysis a = ShellScan.analyze(shell.command());
    if (!a.chainable()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>(shell.lines());
    if (a.trailingSemicolon()) {
      int last = lines.size() - 1;
      String l = lines.get(last).stripTrailing();
      lines.set(last, l.substring(0, l.length() - 1));
    }
    List<Shell> parts = new ArrayList<>();
    parts.add(new Shell(lines));
    for (String c : commands) {
      parts.add(Shell.of(c));
    }
    // the existing command is the first part: a left-associative && keeps its meaning
    List<String> out = new ArrayList<>(parts.get(0).lines());
    for (int p = 1; p < parts.size(); p++) {
      Shell part = parts.get(p);
      List<String> pl = new ArrayList<>(part.lines());
      if (ShellScan.analyze(part.command()).needsGroup()) {
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
