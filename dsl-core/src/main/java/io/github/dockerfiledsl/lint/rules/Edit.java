package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.internal.RunChains;
import java.util.ArrayList;
import java.util.List;

/** Model rewrites for fixes: instructions are located by identity. */
public final class Edit {
  private Edit() {}

  /**
   * Replaces one instruction (by identity) by zero or more others.
   *
   * @param d the Dockerfile
   * @param target the instruction to replace
   * @param with the replacements; a FROM can only be replaced by one FROM
   * @return the new Dockerfile
   * @throws IllegalArgumentException if the instruction is not in the Dockerfile
   */
  public static Dockerfile replace(Dockerfile d, Instruction target, List<? extends Instruction> with) {
    List<Instruction> pre = replaceIn(d.preamble(), target, with);
    if (pre != null) {
      return d.toBuilder().preamble(pre).build();
    }
    List<Stage> stages = new ArrayList<>(d.stages());
    for (int s = 0; s < stages.size(); s++) {
      Stage stage = stages.get(s);
      if (stage.from() == target) {
        if (with.size() != 1 || !(with.get(0) instanceof FromInstruction f)) {
          throw new IllegalArgumentException("FROM must be replaced by one FROM");
        }
        stages.set(s, stage.toBuilder().from(f).build());
        return d.toBuilder().stages(stages).build();
      }
      List<Instruction> body = replaceIn(stage.instructions(), target, with);
      if (body != null) {
        stages.set(s, stage.toBuilder().instructions(body).build());
        return d.toBuilder().stages(stages).build();
      }
    }
    throw new IllegalArgumentException("instruction " + target.keyword() + " not found");
  }

  /**
   * Replaces one instruction (by identity) by another.
   *
   * @param d the Dockerfile
   * @param target the instruction
   * @param with the replacement
   * @return the new Dockerfile
   */
  public static Dockerfile replace(Dockerfile d, Instruction target, Instruction with) {
    return replace(d, target, List.of(with));
  }

  /**
   * Removes one instruction (by identity).
   *
   * @param d the Dockerfile
   * @param target the instruction
   * @return the new Dockerfile
   */
  public static Dockerfile remove(Dockerfile d, Instruction target) {
    return replace(d, target, List.of());
  }

  private static List<Instruction> replaceIn(
      List<Instruction> list, Instruction target, List<? extends Instruction> with) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == target) {
        List<Instruction> out = new ArrayList<>(list.subList(0, i));
        out.addAll(with);
        out.addAll(list.subList(i + 1, list.size()));
        return out;
      }
    }
    return null;
  }

  /**
   * Returns whether two RUNs can be merged into one without changing what each command does:
   * both shell form without heredocs, equal flags, a POSIX SHELL in effect (inherited through
   * {@code FROM <stage>} too), and neither command with a comment, a background job or
   * anything else that cannot share a RUN (see {@link RunChains}).
   *
   * @param d the Dockerfile holding both
   * @param first the first RUN
   * @param second the second RUN
   * @return true if {@link #merge} applies
   */
  public static boolean canMerge(Dockerfile d, RunInstruction first, RunInstruction second) {
    return RunChains.mergeable(first, second, RunChains.shellAt(d, first));
  }

  /**
   * Returns the RUN that runs both commands, the way the builder and the optimizer merge them:
   * a command that could change the shell's state for the other runs in a subshell.
   *
   * @param d the Dockerfile holding both
   * @param first the first RUN
   * @param second the second RUN
   * @return the merged RUN, with the first's flags
   */
  public static RunInstruction mergedRun(Dockerfile d, RunInstruction first, RunInstruction second) {
    return RunChains.merge(first, second, RunChains.shellAt(d, first));
  }

  /**
   * Merges two RUNs of one stage into the first; comments between them move above it.
   *
   * @param d the Dockerfile
   * @param first the first RUN
   * @param second a later RUN of the same stage, with only trivia between
   * @return the new Dockerfile
   */
  public static Dockerfile merge(Dockerfile d, RunInstruction first, RunInstruction second) {
    List<Stage> stages = new ArrayList<>(d.stages());
    for (int s = 0; s < stages.size(); s++) {
      List<Instruction> body = stages.get(s).instructions();
      int a = indexOf(body, first);
      int b = indexOf(body, second);
      if (a >= 0 && b > a) {
        List<Instruction> out = new ArrayList<>(body.subList(0, a));
        for (Instruction t : body.subList(a + 1, b)) {
          if (!(t instanceof BlankLine)) {
            out.add(t);
          }
        }
        out.add(mergedRun(d, first, second));
        out.addAll(body.subList(b + 1, body.size()));
        stages.set(s, stages.get(s).toBuilder().instructions(out).build());
        return d.toBuilder().stages(stages).build();
      }
    }
    throw new IllegalArgumentException("RUN instructions not found in one stage");
  }

  /**
   * Returns a RUN with {@code && command} appended as a new line.
   *
   * @param d the Dockerfile holding the RUN
   * @param run a shell-form RUN for which {@link #canAppend} holds
   * @param command the command to append
   * @return the new RUN
   */
  public static RunInstruction append(Dockerfile d, RunInstruction run, String command) {
    return run.withCommand(RunChains.append((Shell) run.command(), List.of(command),
            RunChains.shellAt(d, run))
        .orElseThrow(() -> new IllegalArgumentException("cannot append to this RUN")));
  }

  /**
   * Returns whether a fix may append a command to this RUN: shell form, no heredoc, a POSIX
   * SHELL in effect, and no comment, background job or unbalanced quote in the command (after
   * which an appended command would not run, or would run too early).
   *
   * @param d the Dockerfile holding the RUN
   * @param run the RUN
   * @return true if {@link #append} is safe
   */
  public static boolean canAppend(Dockerfile d, RunInstruction run) {
    if (!(run.command() instanceof Shell s) || !run.heredocs().isEmpty()) {
      return false;
    }
    RunChains.ShellInfo info = RunChains.shellAt(d, run);
    return info.posix() && RunChains.append(s, List.of("true"), info).isPresent();
  }

  /**
   * Rewrites the lines of a shell-form RUN with a regular expression replacement applied to each
   * line that is not a comment line; a match that starts inside quotes or a comment is kept as
   * it is.
   *
   * @param run the RUN
   * @param regex the pattern
   * @param replacement the replacement
   * @return the new RUN
   */
  public static RunInstruction replaceInLines(RunInstruction run, String regex, String replacement) {
    Shell sh = (Shell) run.command();
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
    List<String> out = new ArrayList<>();
    char quote = 0; // the shell quote open at the start of the line (a quote can span lines)
    for (int i = 0; i < sh.lines().size(); i++) {
      String l = sh.lines().get(i);
      if (sh.isComment(i)) {
        out.add(l);
        continue;
      }
      boolean[] quoted = new boolean[l.length() + 1];
      for (int k = 0; k < l.length(); k++) {
        char c = l.charAt(k);
        quoted[k] = quote != 0;
        if (quote == 0 && c == '#' && (k == 0 || Character.isWhitespace(l.charAt(k - 1)))) {
          for (int j = k; j <= l.length(); j++) {
            quoted[j] = true; // a comment: never rewritten
          }
          break;
        }
        if (c == '\\' && quote != '\'') {
          k++;
          if (k < l.length()) {
            quoted[k] = true;
          }
        } else if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (c == quote) {
          quote = 0;
        }
      }
      // only matches that start outside quotes and comments: text inside them is not a command
      java.util.regex.Matcher m = p.matcher(l);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, quoted[m.start()] ? java.util.regex.Matcher.quoteReplacement(m.group())
            : replacement);
      }
      m.appendTail(sb);
      out.add(sb.toString());
    }
    return run.withCommand(new Shell(out));
  }

  private static int indexOf(List<Instruction> list, Instruction target) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == target) {
        return i;
      }
    }
    return -1;
  }
}
