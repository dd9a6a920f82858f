package io.github.dockerfiledsl.cli;

/**
 * A user mistake that ends a command: the message goes to standard error as is, and the tool
 * exits with {@link Main#EXIT_BAD_INPUT}.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message {@code file:line:column: message} or {@code dockerfile-dsl: message}
   */
  Failure(String message) {
    super(message, null, false, false);
  }
}
