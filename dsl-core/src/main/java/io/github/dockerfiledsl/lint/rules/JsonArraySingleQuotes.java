package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DF210: an exec form written with single quotes ({@code CMD ['nginx', '-g']}). JSON strings take
 * double quotes only, so BuildKit reads the line as shell form and runs {@code /bin/sh -c
 * "['nginx', '-g']"}, which fails. The fix writes the JSON form when every element is a plain
 * single-quoted string.
 */
public final class JsonArraySingleQuotes extends AbstractRule {

  /** Creates the rule. */
  public JsonArraySingleQuotes() {
    super("DF210", "JsonArraySingleQuotes", Severity.ERROR,
        "exec form needs double quotes; with single quotes it runs as a shell command", null, null);
  }

  /**
   * Returns the message.
   *
   * @param keyword the instruction
   * @param command the command as written
   * @return the message
   */
  public static String message(String keyword, String command) {
    return keyword + " " + command + " uses single quotes, which JSON does not allow: it runs as"
        + " the shell command " + command + "; write it with double quotes";
  }

  /**
   * Reads {@code ['a', 'b']}: the elements, or empty when the text is not such an array of plain
   * single-quoted strings.
   *
   * @param text the command
   * @return the elements
   */
  static Optional<List<String>> elements(String text) {
    String t = text.strip();
    if (!t.startsWith("[") || !t.endsWith("]") || t.indexOf('\'') < 0) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int n = t.length() - 1;
    while (true) {
      while (i < n && t.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
      }
      if (t.charAt(i) != '\'') {
        return Optional.empty();
      }
      int end = t.indexOf('\'', i + 1);
      if (end < 0) {
        return Optional.empty();
      }
      String e = t.substring(i + 1, end);
      if (e.indexOf('"') >= 0 || e.indexOf('\\') >= 0) {
        return Optional.empty();
      }
      out.add(e);
      i = end + 1;
      while (i < n && t.charAt(i) == ' ') {
        i++;
      }
      if (i < n) {
        if (t.charAt(i) != ',') {
          return Optional.empty();
        }
        i++;
      }
    }
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        Command c = i instanceof CmdInstruction cmd ? cmd.command()
            : i instanceof EntrypointInstruction e ? e.command()
            : i instanceof RunInstruction r && r.heredocs().isEmpty() ? r.command() : null;
        if (!(c instanceof Shell sh) || sh.lines().size() != 1) {
          continue;
        }
        String text = sh.command().strip();
        if (!text.startsWith("[") || text.indexOf('\'') < 0 || !text.endsWith("]")) {
          continue;
        }
        Fix fix = elements(text).map(list -> new Fix("write the JSON form with double quotes",
            d -> Edit.replace(d, i, exec(i, Exec.of(list))))).orElse(null);
        context.report(this, i, message(i.keyword(), text), fix);
      }
    }
  }

  private static Instruction exec(Instruction original, Exec e) {
    if (original instanceof RunInstruction r) {
      return new RunInstruction(e, List.of(), r.mounts(), r.network(), r.security(), r.devices());
    }
    return original instanceof CmdInstruction ? CmdInstruction.of(e) : EntrypointInstruction.of(e);
  }
}
