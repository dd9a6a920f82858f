package io.github.dockerfiledsl;

/**
 * The step after {@code cleanup(..)}: a run chain ends with its cleanup, so only more cleanup,
 * {@code layer()} or an instruction other than RUN may follow.
 *
 * <p>Steps are immutable (see {@link InstructionStep}): keep one and branch from it as often as
 * you like; always use the value a step method returns.
 */
public interface CleanupStep extends InstructionStep {

  /**
   * Adds more cleanup commands at the end of this RUN.
   *
   * @param command the first cleanup command
   * @param more further cleanup commands
   * @return this step
   */
  CleanupStep cleanup(String command, String... more);

  /**
   * Ends this RUN: the next run step starts a new layer.
   *
   * @return the stage step
   */
  StageStep layer();
}
