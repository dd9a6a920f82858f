package io.github.dockerfiledsl;

/**
 * A step inside a stage where anything may follow, RUN included.
 *
 * <p>{@code run(String)}, {@code run(Shell)} and {@code run(Run)} add a step to the current run
 * chain (see {@link RunStep}); {@code run(Exec)} and {@code run(Run.Single)} (exec form or
 * heredocs) write a RUN of its own, which can neither merge nor take cleanup, so they return a
 * step without {@code cleanup(..)}.
 *
 * <p>Steps are immutable (see {@link InstructionStep}): keep one and branch from it as often as
 * you like; always use the value a step method returns.
 */
public interface StageStep extends InstructionStep {

  /**
   * Adds a shell command to the run chain: {@code RUN command}.
   *
   * @param command the command line, without line breaks
   * @return the run step
   */
  RunStep run(String command);

  /**
   * Adds a shell-form command, possibly of several physical lines, to the run chain.
   *
   * @param command the command
   * @return the run step
   */
  RunStep run(Shell command);

  /**
   * Adds a run step with flags or cleanup (see {@link Run}) to the run chain.
   *
   * @param run the step
   * @return the run step
   */
  RunStep run(Run run);

  /**
   * Writes an exec-form RUN of its own: {@code RUN ["executable", "arg"]}.
   *
   * @param command the command
   * @return the stage step
   */
  StageStep run(Exec command);

  /**
   * Writes a RUN of its own: an exec-form step ({@code Run.of(Exec.of(..))}) or a heredoc step
   * ({@code Run.script(..)}, {@code Run.heredoc(..)}), with its flags. No cleanup can follow it.
   *
   * @param run the step
   * @return the stage step
   */
  StageStep run(Run.Single run);
}
