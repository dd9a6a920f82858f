package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * A comment line, kept so that formatting never drops it: {@code # text}.
 *
 * @param text the text after the {@code #}, usually starting with a space; no line breaks
 */
public record Comment(String text) implements Instruction {

  /**
   * Creates a comment.
   *
   * @param text the text after the {@code #}
   */
  public Comment {
    Checks.singleLine(text, "comment");
  }

  /**
   * Creates a comment rendered as {@code # text}.
   *
   * @param text the text, without the leading {@code "# "}
   * @return the comment
   */
  public static Comment of(String text) {
    return new Comment(text.isEmpty() ? "" : " " + text);
  }

  @Override
  public String keyword() {
    return "#";
  }

  @Override
  public boolean isTrivia() {
    return true;
  }
}
