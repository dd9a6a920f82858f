package io.github.dockerfiledsl.lint;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.parse.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link Rule} sees: the Dockerfile, optionally its source text and the build context's
 * {@code .dockerignore} patterns, and the place where it reports findings.
 *
 * <p>A finding is reported against a <em>subject</em>, the offending instruction (compared by
 * identity), from which the linter derives the position and the per-instruction {@code #
 * check=skip=} suppression; a finding without subject concerns the whole file.
 */
public final class LintContext {
  private final Dockerfile dockerfile;
  private final Function<Instruction, Optional<Position>> positions;
  private final Optional<Ast> source;
  private final List<String> dockerignore;
  private final List<Reported> reported = new ArrayList<>();

  /** One reported finding with its subject, as the linter collects them. */
  record Reported(Rule rule, Instruction subject, Finding finding) {}

  LintContext(
      Dockerfile dockerfile,
      Function<Instruction, Optional<Position>> positions,
      Optional<Ast> source,
      List<String> dockerignore) {
    this.dockerfile = Objects.requireNonNull(dockerfile, "dockerfile == null");
    this.positions = Objects.requireNonNull(positions, "positions == null");
    this.source = Objects.requireNonNull(source, "source == null");
    this.dockerignore = List.copyOf(dockerignore);
  }

  /**
   * Returns the Dockerfile being linted.
   *
   * @return the Dockerfile
   */
  public Dockerfile dockerfile() {
    return dockerfile;
  }

  /**
   * Returns the parser's reading of the source text, when the Dockerfile was parsed from text;
   * rules about spelling that the model normalises away (keyword casing, legacy formats) read it.
   *
   * @return the AST
   */
  public Optional<Ast> source() {
    return source;
  }

  /**
   * Returns the {@code .dockerignore} lines of the build context, empty when unknown.
   *
   * @return the lines
   */
  public List<String> dockerignore() {
    return dockerignore;
  }

  /**
   * Returns the position of an instruction, when known.
   *
   * @param instruction the instruction, by identity
   * @return the position
   */
  public Optional<Position> position(Instruction instruction) {
    return instruction == null ? Optional.empty() : positions.apply(instruction);
  }

  /**
   * Returns the instruction of the model that starts at a source line, when positions are known.
   *
   * @param line the 1-based line
   * @return the instruction
   */
  public Optional<Instruction> instructionAt(int line) {
    for (Instruction i : Positions.inDocumentOrder(dockerfile)) {
      Optional<Position> p = position(i);
      if (p.isPresent() && p.get().line() == line) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Reports a finding without a fix.
   *
   * @param rule the rule
   * @param subject the offending instruction, or null for the whole file
   * @param message the message, lower case, naming the offending value
   */
  public void report(Rule rule, Instruction subject, String message) {
    report(rule, subject, message, null);
  }

  /**
   * Reports a finding with a fix.
   *
   * @param rule the rule
   * @param subject the offending instruction, or null for the whole file
   * @param message the message
   * @param fix the fix, or null if there is none
   */
  public void report(Rule rule, Instruction subject, String message, Fix fix) {
    report(rule, subject, position(subject), message, fix);
  }

  /**
   * Reports a finding at an explicit position, for rules that read the source text.
   *
   * @param rule the rule
   * @param subject the instruction the finding belongs to, or null
   * @param position the position
   * @param message the message
   * @param fix the fix, or null
   */
  public void report(
      Rule rule, Instruction subject, Optional<Position> position, String message, Fix fix) {
    Finding f =
        new Finding(rule.id(), rule.severity(), position, message, Optional.ofNullable(fix));
    reported.add(new Reported(rule, subject, f));
  }

  List<Reported> reported() {
    return reported;
  }
}
