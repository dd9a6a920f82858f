package io.github.dockerfiledsl.parse;

import io.github.dockerfiledsl.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception the parser throws: a Dockerfile that BuildKit would reject, with the file
 * name, the 1-based line and column, the offending source line and what was expected.
 *
 * <p>{@link #getMessage()} reads {@code file:line:column: message}, then the source line and a
 * caret under the column:
 *
 * <pre>
 * Dockerfile:3:1: unknown instruction: WRONG (expected one of ADD, ARG, CMD, ...)
 * WRONG foo
 * ^
 * </pre>
 */
public final class DockerfileParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file name, or null when the text had none. */
  private final String fileName;
  /** The line, from 1. */
  private final int line;
  /** The column, from 1. */
  private final int column;
  /** What is wrong, without the position. */
  private final String reason;
  /** The source line with a caret under the column. */
  private final String snippet;
  /** What was expected there, or null when nothing more can be said. */
  private final String expected;

  /**
   * Creates the exception.
   *
   * @param fileName the file name, or {@code null} when unknown
   * @param line 1-based line of the problem
   * @param column 1-based column of the problem
   * @param reason lower-case description of the problem, without position
   * @param snippet the source line at {@code line} (without line terminator), or {@code ""}
   * @param expected what would have been accepted, or {@code null}
   */
  public DockerfileParseException(
      String fileName, int line, int column, String reason, String snippet, String expected) {
    super(format(fileName, line, column, reason, snippet, expected));
    this.fileName = fileName;
    this.line = Math.max(1, line);
    this.column = Math.max(1, column);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.snippet = snippet == null ? "" : snippet;
    this.expected = expected;
  }

  private static String format(
      String fileName, int line, int column, String reason, String snippet, String expected) {
    StringBuilder sb = new StringBuilder();
    if (fileName != null) {
      sb.append(Checks.escapeControls(fileName, false)).append(':');
    }
    sb.append(Math.max(1, line)).append(':').append(Math.max(1, column)).append(": ");
    sb.append(Checks.escapeControls(reason, false));
    if (expected != null) {
      sb.append(" (expected ").append(Checks.escapeControls(expected, false)).append(')');
    }
    if (snippet != null && !snippet.isEmpty()) {
      String shown = snippet.length() > 200 ? snippet.substring(0, 200) : snippet;
      int caret = Math.min(Math.max(1, column), shown.length() + 1);
      // the caret goes under the escaped form of the character it points at
      String before = Checks.escapeControls(shown.substring(0, caret - 1), false);
      sb.append('\n').append(Checks.escapeControls(shown, false)).append('\n');
      for (int i = 0; i < before.length(); i++) {
        sb.append(before.charAt(i) == '\t' ? '\t' : ' ');
      }
      sb.append('^');
    }
    return sb.toString();
  }

  /**
   * Returns the file name given to the parser.
   *
   * @return the file name, empty when none was given
   */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * Returns the description of the problem without position, snippet or expectation.
   *
   * @return the bare message
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the source line of the problem.
   *
   * @return the line text without terminator, possibly empty
   */
  public String snippet() {
    return snippet;
  }

  /**
   * Returns what would have been accepted at the position.
   *
   * @return the expectation, empty when there is none to state
   */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /**
   * Returns a copy of this exception naming another file.
   *
   * @param name the file name
   * @return the renamed exception
   */
  public DockerfileParseException withFileName(String name) {
    return new DockerfileParseException(name, line, column, reason, snippet, expected);
  }
}
