package io.github.dockerfiledsl.render;

/**
 * Options of the canonical renderer.
 *
 * @param columnLimit the column after which long flag lists and argument lists are wrapped onto
 *     continuation lines; {@code 0} never wraps
 * @param escapeOverride the escape character to render with, or {@code 0} to use the
 *     Dockerfile's own escape directive ({@code \} by default)
 * @param continuationIndent the number of spaces that continuation lines start with (1 to 16,
 *     4 by default), for wrapped flags and words and for shell commands where the indentation
 *     lies outside shell quotes
 */
public record RenderOptions(int columnLimit, char escapeOverride, int continuationIndent) {

  /**
   * Creates options with the default continuation indent of four spaces.
   *
   * @param columnLimit the column limit, 0 for none
   * @param escapeOverride the escape character, or 0
   */
  public RenderOptions(int columnLimit, char escapeOverride) {
    this(columnLimit, escapeOverride, 4);
  }

  /**
   * Creates options.
   *
   * @param columnLimit the column limit, 0 for none
   * @param escapeOverride the escape character, or 0
   * @param continuationIndent the continuation indent in spaces, 1 to 16
   */
  public RenderOptions {
    if (continuationIndent < 1 || continuationIndent > 16) {
      throw new IllegalArgumentException("continuation indent (" + continuationIndent
          + ") must be 1 to 16 spaces");
    }
    if (columnLimit < 0) {
      throw new IllegalArgumentException("column limit (" + columnLimit + ") must not be negative");
    }
    if (escapeOverride != 0 && escapeOverride != '\\' && escapeOverride != '`') {
      throw new IllegalArgumentException("escape character (" + escapeOverride + ") must be \\ or `");
    }
  }

  /**
   * Returns the default options: no escape override, column limit 100, continuation indent 4.
   *
   * @return the defaults
   */
  public static RenderOptions defaults() {
    return new RenderOptions(100, (char) 0);
  }

  /**
   * Returns these options with another column limit.
   *
   * @param limit the column limit, 0 for none
   * @return new options
   */
  public RenderOptions withColumnLimit(int limit) {
    return new RenderOptions(limit, escapeOverride, continuationIndent);
  }

  /**
   * Returns these options rendering with the given escape character; the renderer writes or
   * replaces the escape directive accordingly.
   *
   * @param escape {@code \} or {@code `}
   * @return new options
   */
  public RenderOptions withEscape(char escape) {
    return new RenderOptions(columnLimit, escape, continuationIndent);
  }

  /**
   * Returns these options with another continuation indent.
   *
   * @param spaces the number of spaces, 1 to 16
   * @return new options
   */
  public RenderOptions withContinuationIndent(int spaces) {
    return new RenderOptions(columnLimit, escapeOverride, spaces);
  }
}
