package io.github.dockerfiledsl;

/**
 * The step after {@code from(..)} (and {@code platform(..)}) that may name the stage: {@code
 * FROM image AS name}. Once any instruction follows, the stage can no longer be named.
 *
 * <p>Steps are immutable (see {@link InstructionStep}): keep one and branch from it as often as
 * you like; always use the value a step method returns.
 */
public interface AsStep extends StageStep {

  /**
   * Names the stage.
   *
   * @param name the name, lower case, matching {@code [a-z][a-z0-9-_.]*}; not {@code scratch}
   *     or {@code context}, and not the name of another stage
   * @return the stage step
   */
  StageStep as(String name);
}
