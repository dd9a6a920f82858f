package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.internal.ShellScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DF007: CMD or ENTRYPOINT in shell form; the shell becomes PID 1 and does not pass signals on.
 * The fix writes the exec form when the command is plain words (no quotes, variables,
 * assignments or operators) naming a program: a leading {@code exec} is dropped (the exec form
 * already replaces the shell), and a shell builtin or keyword ({@code cd}, {@code set}, {@code
 * ulimit}, {@code .}, {@code echo}, ...) gets no fix, since the exec form would look for a
 * program of that name and the container could not start. Not reported in a stage that sets
 * SHELL, as BuildKit does.
 */
public final class JsonArgsRecommended extends AbstractRule {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+( +[A-Za-z0-9_./:=@%+,-]+)*");

  /** Creates the rule. */
  public JsonArgsRecommended() {
    super("DF007", "JSONArgsRecommended", Severity.WARNING,
        "CMD and ENTRYPOINT should use the exec (JSON) form so that signals reach the process",
        "JSONArgsRecommended", "DL3025");
  }

  /**
   * Returns the message.
   *
   * @param keyword CMD or ENTRYPOINT
   * @param command the shell command
   * @return the message
   */
  public static String message(String keyword, String command) {
    return "shell form of " + keyword + " (" + command
        + ") runs under /bin/sh -c, which does not forward signals; use the JSON form";
  }

  @Override
  public void check(LintContext context) {
    // dispatchCmd/dispatchEntrypoint in BuildKit's convert.go: only when the image config has
    // no SHELL yet, i.e. no SHELL earlier in the stage or in the stages it is built on
    Dockerfile df = context.dockerfile();
    boolean[] shellAtEnd = new boolean[df.stages().size()];
    for (int index = 0; index < df.stages().size(); index++) {
      Stage s = df.stages().get(index);
      Optional<Integer> parent = Model.parentStage(df, index);
      boolean[] shell = {parent.isPresent() && shellAtEnd[parent.get()]};
      for (Instruction i : s.instructions()) {
        if (i.isTrivia()) {
          continue;
        }
        if (i instanceof ShellInstruction) {
          shell[0] = true;
          continue;
        }
        if (shell[0]) {
          continue;
        }
        Command c = i instanceof CmdInstruction cmd ? cmd.command()
            : i instanceof EntrypointInstruction e ? e.command() : null;
        if (c instanceof Shell sh) {
          String line = sh.command().strip();
          List<String> words = PLAIN.matcher(line).matches()
              ? new ArrayList<>(Arrays.asList(line.split(" +"))) : List.of();
          if (!words.isEmpty() && words.get(0).equals("exec")) {
            words.remove(0);
          }
          boolean program = !words.isEmpty() && !ShellScan.isBuiltin(words.get(0))
              && !words.get(0).contains("=");
          Fix fix = program ? new Fix("write the JSON form",
              d -> Edit.replace(d, i, exec(i, Exec.of(words)))) : null;
          context.report(this, i, message(i.keyword(), line), fix);
        }
      }
      shellAtEnd[index] = shell[0];
    }
  }

  private static Instruction exec(Instruction original, Exec e) {
    return original instanceof CmdInstruction ? CmdInstruction.of(e) : EntrypointInstruction.of(e);
  }
}
