package io.github.dockerfiledsl.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One instruction as BuildKit's parser reads it.
 *
 * @param value the keyword as written (any case)
 * @param original the logical line (continuations joined, comments dropped)
 * @param flags the leading {@code --flag[=value]} words, quotes removed
 * @param next the arguments as split by the instruction's line parser
 * @param heredocs the heredocs, in order
 * @param json whether the arguments were written as a JSON array
 * @param startLine the 1-based first line, {@code 0} for an ONBUILD trigger
 * @param endLine the 1-based last line (heredoc bodies included), {@code 0} for an ONBUILD trigger
 * @param column the 1-based column of the keyword on the first line
 */
public record AstNode(
    String value,
    String original,
    List<String> flags,
    List<AstWord> next,
    List<Heredoc> heredocs,
    boolean json,
    int startLine,
    int endLine,
    int column)
    implements AstEntry {
  /**
   * Creates a node.
   *
   * @param value the keyword
   * @param original the logical line
   * @param flags the flags
   * @param next the arguments
   * @param heredocs the heredocs
   * @param json whether JSON form was used
   * @param startLine first line
   * @param endLine last line
   * @param column column of the keyword
   */
  public AstNode {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(original, "original == null");
    flags = List.copyOf(flags);
    next = List.copyOf(next);
    heredocs = List.copyOf(heredocs);
  }

  /**
   * Returns the keyword upper-cased.
   *
   * @return the instruction name, e.g. {@code RUN}
   */
  public String keyword() {
    return value.toUpperCase(Locale.ROOT);
  }

  /**
   * Returns the argument values.
   *
   * @return the values of {@link #next()}
   */
  public List<String> args() {
    List<String> out = new ArrayList<>(next.size());
    for (AstWord w : next) {
      out.add(w.value());
    }
    return List.copyOf(out);
  }

  /**
   * Returns the ONBUILD trigger, if this is an ONBUILD node with one.
   *
   * @return the wrapped instruction or {@code null}
   */
  public AstNode trigger() {
    if (!next.isEmpty() && !next.get(0).children().isEmpty()) {
      return next.get(0).children().get(0);
    }
    return null;
  }

  @Override
  public int line() {
    return startLine;
  }
}
