package io.github.dockerfiledsl.testing;

import java.util.Collection;
import java.util.List;

/**
 * Thrown when an {@link ImageFixture} cannot be built through the Docker API: the message names
 * the build and the engine's error and shows the last lines of the build log.
 */
public final class ImageFixtureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The last log lines, as a serializable list. */
  private final List<String> logTail;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param logTail the last lines of the build log
   * @param cause the engine's error
   */
  public ImageFixtureException(String message, Collection<String> logTail, Throwable cause) {
    super(message + format(logTail), cause);
    this.logTail = List.copyOf(logTail);
  }

  private static String format(Collection<String> tail) {
    if (tail.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\nlast ").append(tail.size()).append(" log lines:");
    tail.forEach(l -> b.append("\n  ").append(l));
    return b.toString();
  }

  /**
   * Returns the last lines of the build log.
   *
   * @return the lines, oldest first
   */
  public List<String> logTail() {
    return logTail;
  }
}
