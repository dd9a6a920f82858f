package io.github.dockerfiledsl.eval;

/**
 * A word that cannot be expanded: a rejected substitution form, a missing quote or brace, or a
 * {@code ${v?message}} on an unset variable.
 *
 * <p>{@link #offset()} is the index (in UTF-16 units) in the processed text where the problem was
 * found.
 */
public final class SubstitutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient String text;
  /** The offset in the text where the problem is. */
  private final int offset;

  /**
   * Creates the exception.
   *
   * @param message lower-case description of the problem
   * @param text the text being processed
   * @param offset index in {@code text} where the problem was found
   */
  public SubstitutionException(String message, String text, int offset) {
    super(message);
    this.text = text;
    this.offset = offset;
  }

  /**
   * Returns the text that was being processed.
   *
   * @return the processed text
   */
  public String text() {
    return text;
  }

  /**
   * Returns the index in {@link #text()} where the problem was found.
   *
   * @return a 0-based UTF-16 index
   */
  public int offset() {
    return offset;
  }
}
