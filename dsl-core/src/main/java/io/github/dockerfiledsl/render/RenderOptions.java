package io.github.dockerfiledsl.render;

/**
 * Options of the canonical renderer.
 *
 * @param columnLimit the column after which long flag lists and argument lists are wrapped onto
 *     continuation lines; {@code 0} never wraps
 * @param escapeOverride the escape character to render with, or {@code 0} to use the
 *     Dockerfile's own escape directive ({@code \} by default)
 */
public record RenderOptions(int columnLimit, char escapeOverride) {

  /**
   * Creates options.
   *
   * @param columnLimit the column limit, 0 for none
   * @param escapeOverride the escape character, or 0
   */
  public RenderOptions {
    if (columnLimit < 0) {
      throw new IllegalArgumentException("column limit (" + columnLimit + ") must not be negative");
    }
    if (escapeOverride != 0 && escapeOverride != '\\' && escapeOverride != '`') {
      throw new IllegalArgumentException("escape character (" + escapeOverride + ") must be \\ or `");
    }
  }

  /**
   * Returns the default options: no escape override, column limit 100.
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
    return new RenderOptions(limit, escapeOverride);
  }

  /**
   * Returns these options rendering with the given escape character; the renderer writes or
   * replaces the escape directive accordingly.
   *
   * @param escape {@code \} or {@code `}
   * @return new options
   */
  public RenderOptions withEscape(char escape) {
    return new RenderOptions(columnLimit, escape);
  }
}
