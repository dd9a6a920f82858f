package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Iteration helpers over stages and their RUNs. */
public final class Stages {
  private Stages() {}

  /**
   * Calls the action for every RUN of every stage, with its stage.
   *
   * @param d the Dockerfile
   * @param action the action
   */
  public static void eachRun(Dockerfile d, BiConsumer<Stage, RunInstruction> action) {
    for (Stage s : d.stages()) {
      for (Instruction i : s.instructions()) {
        if (i instanceof RunInstruction r) {
          action.accept(s, r);
        }
      }
    }
  }

  /**
   * Returns the instructions proper of a stage ({@link Stage#steps()} as a list, without a
   * stream).
   *
   * @param s the stage
   * @return the instructions that are not comments or blank lines
   */
  public static List<Instruction> steps(Stage s) {
    List<Instruction> out = new ArrayList<>();
    for (Instruction i : s.instructions()) {
      if (!i.isTrivia()) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Returns every RUN of every stage, in order (a loop over it links no lambda at start-up).
   *
   * @param d the Dockerfile
   * @return the RUN instructions
   */
  public static List<RunInstruction> runs(Dockerfile d) {
    List<RunInstruction> out = new ArrayList<>();
    for (Stage s : d.stages()) {
      for (Instruction i : s.instructions()) {
        if (i instanceof RunInstruction r) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /**
   * Returns the indexes of the stages whose files end up in the final image: the last stage and
   * the stages it is built on ({@code FROM <stage>}).
   *
   * @param d the Dockerfile
   * @return the stage indexes
   */
  public static Set<Integer> shipped(Dockerfile d) {
    Set<Integer> out = new HashSet<>();
    int i = d.stages().size() - 1;
    while (true) {
      out.add(i);
      Optional<Integer> p = Model.parentStage(d, i);
      if (p.isEmpty() || out.contains(p.get())) {
        return out;
      }
      i = p.get();
    }
  }

  /**
   * Checks a package-manager rule over all RUNs: {@code missing} tells whether a RUN breaks the
   * rule, and {@code fixer} builds the fixed RUN (or null when no safe fix exists).
   *
   * @param context the context
   * @param rule the rule
   * @param missing returns the message for a RUN that breaks the rule, or null
   * @param fixer returns the fixed RUN, or null
   * @param fixDescription the fix description
   */
  public static void checkRuns(LintContext context, Rule rule,
      java.util.function.Function<RunInstruction, String> missing,
      java.util.function.UnaryOperator<RunInstruction> fixer, String fixDescription) {
    for (RunInstruction r : runs(context.dockerfile())) {
      String message = missing.apply(r);
      if (message != null) {
        report(context, rule, r, message, fixer == null ? null : fixer.apply(r), fixDescription);
      }
    }
  }

  /**
   * Reports a RUN that breaks a package-manager rule, with the fix that replaces it by its fixed
   * form when there is one that changes it.
   *
   * @param context the context
   * @param rule the rule
   * @param r the RUN
   * @param message the message
   * @param fixed the fixed RUN, or null
   * @param fixDescription the fix description
   */
  static void report(LintContext context, Rule rule, RunInstruction r, String message,
      RunInstruction fixed, String fixDescription) {
    context.report(rule, r, message, fixed == null || fixed.equals(r) ? null
        : new io.github.dockerfiledsl.lint.Fix(fixDescription, d -> Edit.replace(d, r, fixed)));
  }
}
