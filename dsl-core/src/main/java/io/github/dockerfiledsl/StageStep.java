package io.github.dockerfiledsl;

/**
 * A step inside a stage where anything may follow, RUN included.
 *
 * <p>{@code run(String)}, {@code run(Shell)} and {@code run(Run)} add a step to the current run
 * chain (see {@link RunStep}); {@code run(Exec)} writes an exec-form RUN of its own, which can
 * neither merge nor take cleanup.
 *
 * <p>Step types are not for local variables: hold on to the {@link DockerfileBuilder} or a {@link
 * StageRef} instead, and always use the value a step method returns (tools that know a
 * {@code @CheckReturnValue} convention should treat every method here as one; the library has no
 * dependency to declare it).
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
   * Adds a run step with flags, heredocs or cleanup (see {@link Run}) to the run chain.
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
}
