package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code HEALTHCHECK} with its options, for {@link InstructionStep#healthcheck(Healthcheck)}.
 * Immutable; durations are {@link Duration}s.
 *
 * <pre>{@code
 * Healthcheck.of(Shell.of("curl -f http://localhost/ || exit 1"))
 *     .interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(3)).retries(3)
 * // HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1
 * }</pre>
 */
public final class Healthcheck {
  private final HealthcheckInstruction h;

  private Healthcheck(HealthcheckInstruction h) {
    this.h = h;
  }

  /**
   * Returns {@code HEALTHCHECK CMD command} with default options.
   *
   * @param command the check, exec or shell form
   * @return the health check
   */
  public static Healthcheck of(Command command) {
    Checks.notNull(command, "command");
    Checks.check(
        !(command instanceof Exec e && e.args().isEmpty()),
        "command (%s) must not be empty: BuildKit rejects HEALTHCHECK CMD []; use"
            + " Healthcheck.none() to disable a check",
        command);
    return new Healthcheck(HealthcheckInstruction.of(command));
  }

  /**
   * Returns {@code HEALTHCHECK NONE}, which disables an inherited check.
   *
   * @return the health check
   */
  public static Healthcheck none() {
    return new Healthcheck(HealthcheckInstruction.none());
  }

  private Healthcheck with(Optional<Duration> interval, Optional<Duration> timeout,
      Optional<Duration> startPeriod, Optional<Duration> startInterval, OptionalInt retries) {
    Checks.check(!h.isNone(), "HEALTHCHECK NONE takes no options");
    return new Healthcheck(new HealthcheckInstruction(h.command(), interval, timeout, startPeriod,
        startInterval, retries));
  }

  /**
   * Returns this check with {@code --interval}.
   *
   * @param interval the time between checks
   * @return a new health check
   */
  public Healthcheck interval(Duration interval) {
    duration(interval, "interval");
    return with(Optional.of(interval), h.timeout(), h.startPeriod(), h.startInterval(), h.retries());
  }

  /**
   * Returns this check with {@code --timeout}.
   *
   * @param timeout the time a check may take
   * @return a new health check
   */
  public Healthcheck timeout(Duration timeout) {
    duration(timeout, "timeout");
    return with(h.interval(), Optional.of(timeout), h.startPeriod(), h.startInterval(), h.retries());
  }

  /**
   * Returns this check with {@code --start-period}.
   *
   * @param startPeriod the start-up time during which failures do not count
   * @return a new health check
   */
  public Healthcheck startPeriod(Duration startPeriod) {
    duration(startPeriod, "startPeriod");
    return with(h.interval(), h.timeout(), Optional.of(startPeriod), h.startInterval(), h.retries());
  }

  /**
   * Returns this check with {@code --start-interval}.
   *
   * @param startInterval the time between checks during the start period
   * @return a new health check
   */
  public Healthcheck startInterval(Duration startInterval) {
    duration(startInterval, "startInterval");
    return with(h.interval(), h.timeout(), h.startPeriod(), Optional.of(startInterval), h.retries());
  }

  /**
   * Returns this check with {@code --retries}.
   *
   * @param retries the consecutive failures that make the container unhealthy
   * @return a new health check
   */
  public Healthcheck retries(int retries) {
    Checks.check(retries >= 0, "retries (%s) must not be negative", retries);
    return with(h.interval(), h.timeout(), h.startPeriod(), h.startInterval(), OptionalInt.of(retries));
  }

  private static void duration(Duration value, String name) {
    Checks.notNull(value, name);
    Checks.check(
        value.compareTo(Duration.ofMillis(1)) >= 0,
        "%s (%s) must be at least 1ms: BuildKit rejects shorter durations and reads 0s as"
            + " \"not set\"; leave the option out for the default",
        name, value);
  }

  /**
   * Returns the HEALTHCHECK instruction.
   *
   * @return the instruction
   */
  public HealthcheckInstruction instruction() {
    return h;
  }

  @Override
  public String toString() {
    return "Healthcheck[" + h + "]";
  }
}
