package io.github.dockerfiledsl.testing;

import java.util.List;

/**
 * What a command printed and how it exited, in a container of a {@link BuiltImage}.
 *
 * @param command the command (the container's entrypoint)
 * @param exitCode the exit code
 * @param stdout standard output, UTF-8
 * @param stderr standard error, UTF-8
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {
  /**
   * Creates a result.
   *
   * @param command the command
   * @param exitCode the exit code
   * @param stdout standard output
   * @param stderr standard error
   */
  public CommandResult {
    command = List.copyOf(command);
  }
}
