package io.github.dockerfiledsl;

/**
 * The step right after {@code from(..)}: the only place where {@code platform(..)} and {@code
 * as(..)} may follow, in that order.
 *
 * <pre>{@code
 * Dockerfile.from("golang:1.22").platform("$BUILDPLATFORM").as("build")
 * // FROM --platform=$BUILDPLATFORM golang:1.22 AS build
 * }</pre>
 *
 * <p>Steps are immutable (see {@link InstructionStep}): keep one and branch from it as often as
 * you like; always use the value a step method returns.
 */
public interface FromStep extends AsStep {

  /**
   * Sets {@code --platform} of this FROM.
   *
   * @param platform the platform, a template such as {@code linux/arm64} or {@code $BUILDPLATFORM}
   * @return the step that may name the stage
   */
  AsStep platform(String platform);
}
