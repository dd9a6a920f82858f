package io.github.dockerfiledsl.lint;

/**
 * A place in Dockerfile text: the 1-based line and column where an instruction starts.
 *
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record Position(int line, int column) {

  /**
   * Creates a position, checking that both numbers are positive.
   *
   * @param line the line
   * @param column the column
   */
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "position (" + line + ":" + column + ") must have line and column >= 1");
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
