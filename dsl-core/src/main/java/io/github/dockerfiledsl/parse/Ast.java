package io.github.dockerfiledsl.parse;

import java.util.List;
import java.util.Objects;

/**
 * A Dockerfile read the way BuildKit reads it, plus everything BuildKit drops (comments, blank
 * lines, their positions) so that the file can be rebuilt losslessly.
 *
 * @param fileName the file name, or {@code null}
 * @param escapeToken the escape character in force ({@code \} or a backtick)
 * @param directives the parser directives at the top of the file
 * @param nodes the instructions in order
 * @param entries directives, comments, blank lines and instructions in source order
 * @param lines the physical lines of the source without terminators (BOM removed)
 * @param warnings parser warnings (empty continuation lines)
 */
public record Ast(
    String fileName,
    char escapeToken,
    List<AstEntry.Directive> directives,
    List<AstNode> nodes,
    List<AstEntry> entries,
    List<String> lines,
    List<String> warnings) {
  /**
   * Creates an AST.
   *
   * @param fileName the file name
   * @param escapeToken the escape character
   * @param directives the directives
   * @param nodes the instructions
   * @param entries all entries in source order
   * @param lines the source lines
   * @param warnings the warnings
   */
  public Ast {
    directives = List.copyOf(directives);
    nodes = List.copyOf(nodes);
    entries = List.copyOf(entries);
    lines = List.copyOf(lines);
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns the source line with the given 1-based number.
   *
   * @param line the line number
   * @return the text of the line, or {@code ""} when out of range
   */
  public String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  /**
   * Returns the value of a directive.
   *
   * @param name the directive key, lower case
   * @return the value, or {@code null} when absent
   */
  public String directive(String name) {
    Objects.requireNonNull(name, "name == null");
    for (AstEntry.Directive d : directives) {
      if (d.name().equals(name)) {
        return d.value();
      }
    }
    return null;
  }
}
