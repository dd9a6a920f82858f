package io.github.dockerfiledsl.build;

import java.util.List;

/**
 * Thrown when an {@link ImageBuild} fails; it carries the command, the exit code and the last
 * lines of the build log, which its message shows too.
 */
public final class ImageBuildException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The command that failed, program first. */
  private final List<String> command;
  /** The command's exit code. */
  private final int exitCode;
  /** The last lines of the command's output. */
  private final List<String> logTail;

  ImageBuildException(String message, List<String> command, int exitCode, List<String> logTail,
      Throwable cause) {
    super(message + formatTail(logTail), cause);
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.logTail = List.copyOf(logTail);
  }

  /**
   * Returns the command line that was run.
   *
   * @return the executable and its arguments
   */
  public List<String> command() {
    return command;
  }

  /**
   * Returns the exit code of the build, or -1 when the tool did not start or was stopped.
   *
   * @return the exit code
   */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Returns the last lines of the build log, oldest first.
   *
   * @return at most {@link ImageBuild#LOG_TAIL_LINES} lines
   */
  public List<String> logTail() {
    return logTail;
  }

  private static String formatTail(List<String> tail) {
    if (tail.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nlast ").append(tail.size()).append(" log lines:");
    for (String line : tail) {
      sb.append("\n  ").append(line);
    }
    return sb.toString();
  }
}
