package io.github.dockerfiledsl.parse;

/**
 * One item of a parsed file in source order: an instruction, a directive, a comment or a blank
 * line.
 */
public sealed interface AstEntry permits AstNode, AstEntry.Directive, AstEntry.Comment, AstEntry.BlankLine {
  /**
   * Returns the 1-based line where the entry starts.
   *
   * @return the start line
   */
  int line();

  /**
   * A parser directive such as {@code # syntax=docker/dockerfile:1}.
   *
   * @param name the key, lower case
   * @param value the value, trimmed
   * @param line the 1-based line
   * @param text the source line as written
   */
  record Directive(String name, String value, int line, String text) implements AstEntry {}

  /**
   * A comment line.
   *
   * @param text the source line as written (leading blanks and {@code #} included)
   * @param line the 1-based line
   * @param insideInstruction whether the comment sits inside a continued instruction
   */
  record Comment(String text, int line, boolean insideInstruction) implements AstEntry {
    /**
     * Returns the comment text after {@code #}, trimmed.
     *
     * @return the comment body
     */
    public String body() {
      String t = text.strip();
      return t.startsWith("#") ? t.substring(1).strip() : t;
    }
  }

  /**
   * An empty (or blank-only) line.
   *
   * @param line the 1-based line
   * @param insideInstruction whether the line sits inside a continued instruction
   */
  record BlankLine(int line, boolean insideInstruction) implements AstEntry {}
}
