package io.github.dockerfiledsl.instruction;

/**
 * A blank line between instructions, kept so that a formatter preserves the grouping the author
 * chose. Runs of blank lines collapse to one.
 */
public record BlankLine() implements Instruction {

  /** The blank line. */
  public static final BlankLine INSTANCE = new BlankLine();

  @Override
  public String keyword() {
    return "";
  }

  @Override
  public boolean isTrivia() {
    return true;
  }
}
