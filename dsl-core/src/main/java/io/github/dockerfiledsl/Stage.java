package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.internal.Checks;
import io.github.dockerfiledsl.internal.Trivia;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One build stage: the comments above its FROM, the FROM instruction and the instructions that
 * follow it. Immutable; also the typed handle that {@code COPY --from} and {@code FROM <stage>}
 * take in the builder, so a stage can only be referred to once it exists.
 *
 * <p>Runs of blank lines collapse to one, the body never ends with a blank line, and the leading
 * trivia never starts with one (the renderer puts exactly one blank line between stages).
 */
public final class Stage {
  private final List<Instruction> leading;
  private final FromInstruction from;
  private final List<Instruction> instructions;

  private Stage(List<Instruction> leading, FromInstruction from, List<Instruction> instructions) {
    List<Instruction> lead = Checks.list(leading, "stage leading trivia");
    for (Instruction i : lead) {
      Checks.check(i.isTrivia(), "stage leading trivia must be comments and blank lines, not %s", i.keyword());
    }
    this.leading = Trivia.normalize(lead, true, false);
    this.from = Checks.notNull(from, "FROM");
    List<Instruction> body = Checks.list(instructions, "stage instructions");
    for (Instruction i : body) {
      Checks.check(!(i instanceof FromInstruction), "a stage body must not contain FROM; start a new stage");
    }
    this.instructions = Trivia.normalize(body, false, true);
  }

  /**
   * Creates a stage.
   *
   * @param from the FROM instruction
   * @param instructions the instructions after FROM, trivia included
   * @return the stage
   */
  public static Stage of(FromInstruction from, List<Instruction> instructions) {
    return new Stage(List.of(), from, instructions);
  }

  /**
   * Creates a stage with comments above its FROM.
   *
   * @param leading comments and blank lines above FROM
   * @param from the FROM instruction
   * @param instructions the instructions after FROM
   * @return the stage
   */
  public static Stage of(
      List<Instruction> leading, FromInstruction from, List<Instruction> instructions) {
    return new Stage(leading, from, instructions);
  }

  /**
   * Returns the comments and blank lines above FROM.
   *
   * @return the leading trivia
   */
  public List<Instruction> leading() {
    return leading;
  }

  /**
   * Returns the FROM instruction.
   *
   * @return FROM
   */
  public FromInstruction from() {
    return from;
  }

  /**
   * Returns the instructions after FROM, trivia included.
   *
   * @return the body
   */
  public List<Instruction> instructions() {
    return instructions;
  }

  /**
   * Returns the instructions after FROM without comments and blank lines.
   *
   * @return the instructions proper
   */
  public Stream<Instruction> steps() {
    return instructions.stream().filter(i -> !i.isTrivia());
  }

  /**
   * Returns the stage name ({@code AS name}), if any.
   *
   * @return the name
   */
  public Optional<String> name() {
    return from.name();
  }

  /**
   * Returns a builder holding this stage's parts.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns a builder for a stage starting with the given FROM.
   *
   * @param from the FROM instruction
   * @return a builder
   */
  public static Builder builder(FromInstruction from) {
    return new Builder(from);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stage s
        && leading.equals(s.leading)
        && from.equals(s.from)
        && instructions.equals(s.instructions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(leading, from, instructions);
  }

  @Override
  public String toString() {
    return "Stage" + name().map(n -> "[" + n + "]").orElse("") + "(" + from.image() + ", "
        + instructions.size() + " elements)";
  }

  /** A mutable builder of a {@link Stage}; not thread-safe. */
  public static final class Builder {
    private final List<Instruction> leading = new ArrayList<>();
    private FromInstruction from;
    private final List<Instruction> instructions = new ArrayList<>();

    private Builder(FromInstruction from) {
      this.from = Checks.notNull(from, "FROM");
    }

    private Builder(Stage stage) {
      this.leading.addAll(stage.leading);
      this.from = stage.from;
      this.instructions.addAll(stage.instructions);
    }

    /**
     * Replaces the FROM instruction.
     *
     * @param newFrom the FROM instruction
     * @return this builder
     */
    public Builder from(FromInstruction newFrom) {
      this.from = Checks.notNull(newFrom, "FROM");
      return this;
    }

    /**
     * Adds a comment or blank line above FROM.
     *
     * @param trivia a comment or blank line
     * @return this builder
     */
    public Builder addLeading(Instruction trivia) {
      leading.add(Checks.notNull(trivia, "trivia"));
      return this;
    }

    /**
     * Adds an instruction (or trivia) at the end of the body.
     *
     * @param instruction the instruction
     * @return this builder
     */
    public Builder add(Instruction instruction) {
      instructions.add(Checks.notNull(instruction, "instruction"));
      return this;
    }

    /**
     * Replaces the body.
     *
     * @param newInstructions the instructions
     * @return this builder
     */
    public Builder instructions(List<? extends Instruction> newInstructions) {
      instructions.clear();
      instructions.addAll(Checks.list(newInstructions, "instructions"));
      return this;
    }

    /**
     * Builds the stage.
     *
     * @return the stage
     */
    public Stage build() {
      return new Stage(leading, from, instructions);
    }
  }
}
