package io.github.dockerfiledsl;

/**
 * The step after a shell-form {@code run(..)}: more run steps merge into the same RUN, {@code
 * cleanup(..)} ends the chain, {@code layer()} starts a new RUN.
 *
 * <pre>{@code
 * .run("apt-get update")
 * .run("apt-get install -y --no-install-recommends curl")
 * .cleanup("rm -rf /var/lib/apt/lists/*")
 * // RUN apt-get update \
 * //     && apt-get install -y --no-install-recommends curl \
 * //     && rm -rf /var/lib/apt/lists/*
 * }</pre>
 *
 * <p>Merging keeps the meaning of separate RUNs: a step joins with {@code &&} as it is only when
 * it is a simple command that provably cannot change the shell's state; any other step ({@code
 * ||}, {@code ;}, {@code cd}, {@code export}, {@code set}, {@code exit}, an assignment, ...) runs
 * in a subshell {@code ( ... )}; a step with a comment or a background {@code &}, an exec-form
 * or heredoc step, and steps with different flags never merge. A step's cleanup runs where the
 * step ends.
 *
 * <p>Steps are immutable (see {@link InstructionStep}): keep one and branch from it as often as
 * you like; always use the value a step method returns.
 */
public interface RunStep extends StageStep {

  /**
   * Adds cleanup commands at the end of this RUN; after them only more cleanup or a non-RUN
   * instruction may follow.
   *
   * @param command the first cleanup command
   * @param more further cleanup commands
   * @return the cleanup step
   */
  CleanupStep cleanup(String command, String... more);

  /**
   * Ends this RUN: the next run step starts a new layer.
   *
   * @return the stage step
   */
  StageStep layer();
}
