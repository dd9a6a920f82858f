package io.github.dockerfiledsl.yaml;

import java.util.Optional;

/**
 * A YAML spec that cannot be read: a syntax error, a limit exceeded, an unknown key, a value of
 * the wrong type or a value the model rejects, located at the YAML node at fault.
 *
 * <p>{@link #getMessage()} reads {@code file:line:column: message}, for example {@code
 * app.yaml:7:9: unknown key 'comand' in run (did you mean 'command'?)}.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The spec's file name, or null when it had none. */
  private final String fileName;
  /** The line of the YAML node at fault, from 1. */
  private final int line;
  /** The column of the YAML node at fault, from 1. */
  private final int column;
  /** What is wrong, without the position. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param fileName the file name, or {@code null} when unknown
   * @param line the 1-based line
   * @param column the 1-based column
   * @param reason the problem, lower case, without position
   */
  public SpecException(String fileName, int line, int column, String reason) {
    super((fileName == null ? "" : fileName + ":") + Math.max(1, line) + ":" + Math.max(1, column)
        + ": " + reason);
    this.fileName = fileName;
    this.line = Math.max(1, line);
    this.column = Math.max(1, column);
    this.reason = reason;
  }

  /**
   * Returns the file name given to the reader.
   *
   * @return the file name, empty when none was given
   */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /**
   * Returns the 1-based line of the node at fault.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the node at fault.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * Returns the problem without the position.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
