package io.github.dockerfiledsl.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem a {@link Rule} found: the rule id, its severity, where (when the Dockerfile was
 * parsed), a message naming the offending value and, where one exists, a {@link Fix}.
 *
 * @param id the rule id, e.g. {@code DF020}
 * @param severity the severity
 * @param position the position of the offending instruction, empty for built models
 * @param message the message, lower case, naming the offending value
 * @param fix the fix, if the rule has one for this case
 */
public record Finding(
    String id, Severity severity, Optional<Position> position, String message, Optional<Fix> fix) {

  /**
   * Creates a finding.
   *
   * @param id the rule id
   * @param severity the severity
   * @param position the position
   * @param message the message
   * @param fix the fix
   */
  public Finding {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(position, "position == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(fix, "fix == null");
  }

  /**
   * Returns whether a fix is available.
   *
   * @return true if {@link #fix()} is present
   */
  public boolean fixable() {
    return fix.isPresent();
  }

  /**
   * Returns this finding with another severity.
   *
   * @param newSeverity the severity
   * @return a new finding
   */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(id, newSeverity, position, message, fix);
  }
}
