package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code HEALTHCHECK [options] CMD command} or {@code HEALTHCHECK NONE}: how to test that a
 * container still works. Defaults: interval 30s, timeout 30s, start period 0s, start interval 5s,
 * 3 retries.
 *
 * @param command the check command; empty for {@code HEALTHCHECK NONE}
 * @param interval {@code --interval}
 * @param timeout {@code --timeout}
 * @param startPeriod {@code --start-period}
 * @param startInterval {@code --start-interval}
 * @param retries {@code --retries}
 */
public record HealthcheckInstruction(
    Optional<Command> command,
    Optional<Duration> interval,
    Optional<Duration> timeout,
    Optional<Duration> startPeriod,
    Optional<Duration> startInterval,
    OptionalInt retries)
    implements Instruction {

  /**
   * Creates a HEALTHCHECK instruction.
   *
   * @param command the command, empty for NONE
   * @param interval the interval
   * @param timeout the timeout
   * @param startPeriod the start period
   * @param startInterval the start interval
   * @param retries the retries
   */
  public HealthcheckInstruction {
    Checks.optional(command, "HEALTHCHECK command");
    checkDuration(interval, "interval");
    checkDuration(timeout, "timeout");
    checkDuration(startPeriod, "start-period");
    checkDuration(startInterval, "start-interval");
    Checks.notNull(retries, "HEALTHCHECK retries");
    retries.ifPresent(r -> Checks.check(r >= 0, "HEALTHCHECK --retries (%s) must not be negative", r));
    Checks.check(
        command.isPresent()
            || interval.isEmpty() && timeout.isEmpty() && startPeriod.isEmpty()
                && startInterval.isEmpty() && retries.isEmpty(),
        "HEALTHCHECK NONE takes no options");
  }

  private static void checkDuration(Optional<Duration> d, String name) {
    Checks.optional(d, "HEALTHCHECK --" + name)
        .ifPresent(v -> Checks.check(
            v.isZero() || v.compareTo(Duration.ofMillis(1)) >= 0,
            "HEALTHCHECK --%s (%s) must be 0 or at least 1ms",
            name,
            v));
  }

  /**
   * Returns {@code HEALTHCHECK NONE}, which disables an inherited check.
   *
   * @return the instruction
   */
  public static HealthcheckInstruction none() {
    return new HealthcheckInstruction(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  /**
   * Returns {@code HEALTHCHECK CMD command} with default options.
   *
   * @param command the check command
   * @return the instruction
   */
  public static HealthcheckInstruction of(Command command) {
    return new HealthcheckInstruction(Optional.of(command), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  /**
   * Returns whether this is {@code HEALTHCHECK NONE}.
   *
   * @return true when there is no command
   */
  public boolean isNone() {
    return command.isEmpty();
  }

  @Override
  public String keyword() {
    return "HEALTHCHECK";
  }
}
