package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shell form of a command: a command line that the image's shell ({@code /bin/sh -c} by
 * default, or what SHELL set) runs, so variables, pipes and {@code &&} work.
 *
 * <p>A shell form is a list of <em>physical lines</em>. The command BuildKit hands to the shell is
 * the concatenation of all lines that are not comment lines ({@link #command()}); the renderer
 * writes each line but the last followed by the escape character, which BuildKit removes together
 * with the line break. A line after the first whose first non-blank character is {@code #} is a
 * comment line: BuildKit drops it, and the renderer writes it without an escape character. Line
 * breaks are therefore kept exactly where the source or the caller put them, and a merged run
 * chain renders one command per line:
 *
 * <pre>{@code
 * Shell.chain("apt-get update", "apt-get install -y curl")
 * // RUN apt-get update \
 * //     && apt-get install -y curl
 * }</pre>
 *
 * <p>No line may contain a line break character; use a heredoc for a multi-line script.
 *
 * <p>The lines are normalised on construction, so that equal commands compare equal however they
 * were indented: the first line loses its leading white space and the last line its trailing
 * white space, and trailing lines of white space only are removed (BuildKit trims the
 * instruction, and would skip such a line as an empty continuation line); empty lines after the
 * first are removed (BuildKit skips them); comment lines are indented by {@link #INDENT}; and a
 * later line that starts with spaces or tabs outside any shell quote gets exactly {@link #INDENT}
 * as its indentation. White space is judged as BuildKit judges it, by Go's {@code
 * unicode.IsSpace}, which also counts {@code U+00A0}, {@code U+0085} and {@code U+3000}; only
 * spaces and tabs are re-indented, since other white space is part of a shell word. Blanks inside single or
 * double quotes, or after a pending backslash, are never touched, so the shell receives the same
 * words.
 *
 * @param lines the physical lines, at least one; the first is not a comment line
 */
public record Shell(List<String> lines) implements Command {

  /** The indentation of continuation lines in the canonical format. */
  public static final String INDENT = "    ";

  /**
   * Creates a shell form, checking the lines.
   *
   * @param lines the physical lines
   */
  public Shell {
    lines = Checks.list(lines, "shell lines");
    Checks.check(!lines.isEmpty(), "shell form must have at least one line");
    for (int i = 0; i < lines.size(); i++) {
      Checks.singleLine(lines.get(i), "shell line " + (i + 1));
    }
    String given = String.join("", lines);
    lines = ShellLayout.normalize(lines);
    Checks.check(
        !Checks.isBlankSpace(lines.get(0)),
        "shell command (%s) must not be blank",
        Checks.quote(given));
    Checks.check(
        !isCommentLine(lines, lines.size() - 1),
        "the last line of a shell command (%s) must not be a comment line",
        Checks.quote(lines.get(lines.size() - 1)));
  }

  private static boolean isCommentLine(List<String> lines, int index) {
    return index > 0 && Checks.stripLeadingSpace(lines.get(index)).startsWith("#");
  }

  /**
   * Creates a one-line shell form.
   *
   * <p>{@code Shell.of("echo hello")} renders {@code RUN echo hello}.
   *
   * @param command the command line, without line breaks
   * @return the shell form
   */
  public static Shell of(String command) {
    return new Shell(List.of(Checks.singleLine(command, "shell command")));
  }

  /**
   * Creates a shell form from physical lines (see the class description).
   *
   * @param lines the lines
   * @return the shell form
   */
  public static Shell lines(String... lines) {
    Checks.notNull(lines, "lines");
    return new Shell(Arrays.asList(lines));
  }

  /**
   * Creates a run chain: the commands joined with {@code &&}, one per line, each later line
   * indented by {@link #INDENT}. Each command must be a single line; a command that is not a
   * simple command (it contains {@code ||}, {@code ;}, {@code &}, a pipe) should be grouped by the
   * caller or through the builder's run chains, which do that automatically.
   *
   * @param commands the commands, at least one
   * @return the shell form
   */
  public static Shell chain(List<String> commands) {
    Checks.list(commands, "commands");
    Checks.check(!commands.isEmpty(), "a run chain needs at least one command");
    List<String> lines = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      String field = "command " + (i + 1);
      String c = Checks.stripTrailingSpace(
          Checks.stripLeadingSpace(Checks.singleLine(commands.get(i), field)));
      Checks.check(!c.isEmpty(), "%s (%s) must not be blank", field,
          Checks.quote(commands.get(i)));
      boolean last = i == commands.size() - 1;
      lines.add((i == 0 ? "" : INDENT + "&& ") + c + (last ? "" : " "));
    }
    return new Shell(lines);
  }

  /**
   * Creates a run chain of the given commands (see {@link #chain(List)}).
   *
   * @param commands the commands
   * @return the shell form
   */
  public static Shell chain(String... commands) {
    Checks.notNull(commands, "commands");
    return chain(Arrays.asList(commands));
  }

  /**
   * Returns whether line {@code index} is a comment line, which BuildKit drops.
   *
   * @param index the line index
   * @return true for a comment line
   */
  public boolean isComment(int index) {
    return isCommentLine(lines, index);
  }

  /**
   * Returns the command line as BuildKit hands it to the shell: the non-comment lines joined
   * without separator.
   *
   * @return the command line
   */
  public String command() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (!isComment(i)) {
        sb.append(lines.get(i));
      }
    }
    return sb.toString();
  }

  /**
   * Returns the physical lines laid out with another continuation indent: every later line whose
   * leading blanks lie outside shell quotes (and every comment line) starts with {@code indent}
   * instead of {@link #INDENT}; the words the shell sees do not change.
   *
   * @param indent the continuation indent, spaces only, at least one
   * @return the lines
   * @throws IllegalArgumentException when {@code indent} is empty or not all spaces
   */
  public List<String> lines(String indent) {
    if (indent.isEmpty() || !indent.replace(" ", "").isEmpty()) {
      throw new IllegalArgumentException("continuation indent must be one or more spaces");
    }
    if (indent.equals(INDENT)) {
      return lines;
    }
    List<String> out = ShellLayout.normalize(lines, indent);
    return out.size() == lines.size() ? out : lines;
  }

  // equals and hashCode as a record defines them, written out: the generated ones bootstrap
  // method handles on their first call (lint compares a RUN with its fixed form), which are not
  // archived for start-up

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Shell other && lines.equals(other.lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }
}
