package io.github.dockerfiledsl.parse;

import java.util.List;
import java.util.Objects;

/**
 * One argument node of BuildKit's AST: a value, or (for ONBUILD) the wrapped instruction.
 *
 * @param value the argument text
 * @param children the wrapped instructions (ONBUILD only), otherwise empty
 */
public record AstWord(String value, List<AstNode> children) {
  /**
   * Creates a word.
   *
   * @param value the argument text
   * @param children the wrapped instructions
   */
  public AstWord {
    Objects.requireNonNull(value, "value == null");
    children = List.copyOf(children);
  }

  /**
   * Creates a plain word without children.
   *
   * @param value the argument text
   * @return the word
   */
  public static AstWord of(String value) {
    return new AstWord(value, List.of());
  }
}
