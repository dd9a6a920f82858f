package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.internal.EditDistance;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DF011: a value that BuildKit expands refers to a variable that no ARG or ENV in scope defines.
 *
 * <p>Scoping follows BuildKit: a stage sees its own ARGs and ENVs declared before the use, the
 * ENVs of a parent stage ({@code FROM <stage>}), and the predefined proxy ARGs; global ARGs only
 * after {@code ARG NAME} re-imports them; one ENV's values do not see each other. The base image's
 * environment is unknown to a linter that does not pull images, so for a stage built on an image
 * a variable is reported only when it is declared later in the stage (used too early) or when
 * its name is one edit away from a variable in scope (a likely typo); on {@code scratch} every
 * undefined variable is reported. References with a default or check ({@code ${V:-x}}) are never
 * reported.
 */
public final class UndefinedVar extends AbstractRule {
  /** ARGs BuildKit predefines in every stage. */
  public static final Set<String> PREDEFINED = predefined();

  /** Creates the rule. */
  public UndefinedVar() {
    super("DF011", "UndefinedVar", Severity.WARNING,
        "variables must be defined by ARG or ENV before they are used", "UndefinedVar", null);
  }

  /**
   * Returns the message.
   *
   * @param name the variable
   * @param keyword the instruction that uses it
   * @param hint a suggestion, or null
   * @return the message
   */
  public static String message(String name, String keyword, String hint) {
    return "variable '" + name + "' used in " + keyword + " is not defined"
        + (hint == null ? "" : "; " + hint);
  }

  private static Set<String> predefined() {
    Set<String> s = new HashSet<>();
    for (String n : List.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY")) {
      s.add(n);
      s.add(n.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(s);
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    List<Set<String>> envs = new ArrayList<>();
    for (int s = 0; s < d.stages().size(); s++) {
      Stage stage = d.stages().get(s);
      Optional<Integer> parent = Model.parentStage(d, s);
      Set<String> env = new HashSet<>(parent.isPresent() ? envs.get(parent.get()) : Set.of());
      Scope scope = new Scope();
      for (String v : env) {
        scope.add(v);
      }
      for (String v : PREDEFINED) {
        scope.add(v);
      }
      boolean scratch = Model.baseImage(d, s).equals("scratch");
      List<Instruction> body = stage.instructions();
      Later later = new Later(body);
      for (int n = 0; n < body.size(); n++) {
        Instruction i = body.get(n);
        later.at(n);
        if (i instanceof ArgInstruction a) {
          for (ArgInstruction.Arg arg : a.args()) {
            if (arg.defaultValue().isPresent()) {
              check(context, i, arg.defaultValue().get(), scope, later, scratch);
            }
            scope.add(arg.name());
          }
          continue;
        }
        for (String t : templates(i)) {
          check(context, i, t, scope, later, scratch);
        }
        if (i instanceof EnvInstruction e) {
          for (var kv : e.vars()) {
            scope.add(kv.key());
            env.add(kv.key());
          }
        }
      }
      envs.add(Set.copyOf(env));
    }
  }

  /**
   * The names an ARG or ENV declares after a given instruction, less those an ENV after it
   * defines in terms of themselves ({@code ENV PATH=/x:$PATH}, which come from the base image):
   * one pass records the last position of each, so every question is a constant-time lookup.
   */
  private static final class Later {
    private final Map<String, Integer> lastDeclared = new HashMap<>();
    private final Map<String, Integer> lastSelfReferenced = new HashMap<>();
    private int position;

    Later(List<Instruction> instructions) {
      for (int n = 0; n < instructions.size(); n++) {
        Instruction i = instructions.get(n);
        int at = n;
        if (i instanceof ArgInstruction a) {
          for (ArgInstruction.Arg x : a.args()) {
            lastDeclared.put(x.name(), at);
          }
        } else if (i instanceof EnvInstruction e) {
          for (KeyValue x : e.vars()) {
            lastDeclared.put(x.key(), at);
            for (Vars.Ref r : Vars.refs(x.value())) {
              if (r.name().equals(x.key())) {
                lastSelfReferenced.put(x.key(), at);
                break;
              }
            }
          }
        }
      }
    }

    void at(int n) {
      position = n;
    }

    boolean contains(String name) {
      return lastDeclared.getOrDefault(name, -1) > position
          && lastSelfReferenced.getOrDefault(name, -1) <= position;
    }
  }

  private void check(LintContext context, Instruction i, String template, Scope scope,
      Later later, boolean scratch) {
    for (Vars.Ref r : Vars.refs(template)) {
      if (scope.contains(r.name()) || r.guarded()) {
        continue;
      }
      String near = scope.nearest(r.name());
      if (scratch || later.contains(r.name()) || near != null) {
        String hint = near != null ? "did you mean '" + near + "'?"
            : later.contains(r.name()) ? "it is declared later in the stage" : null;
        context.report(this, i, message(r.name(), i.keyword(), hint));
      }
    }
  }

  /**
   * The names in scope, indexed for typo hints: a name one edit away is found through its
   * one-character deletions instead of by comparing it with every name in scope, so that a stage
   * with many undefined references stays linear. Among several candidates the one added first
   * wins.
   */
  private static final class Scope {
    private final Map<String, Integer> order = new HashMap<>();
    /** A name without one character (by position, {@code i + ":" + rest}) to the names. */
    private final Map<String, List<String>> substitutions = new HashMap<>();
    /** A name without one character to the names. */
    private final Map<String, List<String>> deletions = new HashMap<>();
    private final Map<String, String> lowerCase = new HashMap<>();

    void add(String name) {
      if (order.containsKey(name)) {
        return;
      }
      order.put(name, order.size());
      if (PREDEFINED.contains(name)) {
        return;
      }
      for (int i = 0; i < name.length(); i++) {
        String rest = name.substring(0, i) + name.substring(i + 1);
        substitutions.computeIfAbsent(i + ":" + rest, k -> new ArrayList<>(1)).add(name);
        deletions.computeIfAbsent(rest, k -> new ArrayList<>(1)).add(name);
      }
      lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }

    boolean contains(String name) {
      return order.containsKey(name);
    }

    String nearest(String name) {
      String best = null;
      // a name in scope with one more character
      best = first(best, deletions.getOrDefault(name, List.of()), name);
      for (int i = 0; i < name.length(); i++) {
        String rest = name.substring(0, i) + name.substring(i + 1);
        // a name in scope with one character less, or one character different
        if (order.containsKey(rest) && !PREDEFINED.contains(rest)) {
          best = first(best, List.of(rest), name);
        }
        best = first(best, substitutions.getOrDefault(i + ":" + rest, List.of()), name);
      }
      if (best != null) {
        return best;
      }
      String same = lowerCase.get(name.toLowerCase(Locale.ROOT));
      return same != null && same.equalsIgnoreCase(name) ? same : null;
    }

    private String first(String best, List<String> candidates, String name) {
      for (String c : candidates) {
        if (!c.equals(name) && EditDistance.levenshtein(name, c) == 1
            && (best == null || order.get(c) < order.get(best))) {
          best = c;
        }
      }
      return best;
    }
  }

  /** Returns the templates of an instruction that BuildKit expands. */
  static List<String> templates(Instruction i) {
    List<String> out = new ArrayList<>();
    if (i instanceof EnvInstruction e) {
      for (KeyValue kv : e.vars()) {
        out.add(kv.key());
        out.add(kv.value());
      }
    } else if (i instanceof LabelInstruction l) {
      for (KeyValue kv : l.labels()) {
        out.add(kv.key());
        out.add(kv.value());
      }
    } else if (i instanceof CopyInstruction c) {
      if (c.heredocs().isEmpty()) {
        out.addAll(c.sources());
      }
      out.add(c.destination());
      if (c.chown().isPresent()) {
        out.add(c.chown().get());
      }
      if (c.chmod().isPresent()) {
        out.add(c.chmod().get());
      }
    } else if (i instanceof AddInstruction a) {
      if (a.heredocs().isEmpty()) {
        out.addAll(a.sources());
      }
      out.add(a.destination());
      if (a.chown().isPresent()) {
        out.add(a.chown().get());
      }
      if (a.chmod().isPresent()) {
        out.add(a.chmod().get());
      }
      if (a.checksum().isPresent()) {
        out.add(a.checksum().get());
      }
    } else if (i instanceof ExposeInstruction e) {
      out.addAll(e.ports());
    } else if (i instanceof StopsignalInstruction s) {
      out.add(s.signal());
    } else if (i instanceof UserInstruction u) {
      out.add(u.user());
    } else if (i instanceof VolumeInstruction v) {
      out.addAll(v.paths());
    } else if (i instanceof WorkdirInstruction w) {
      out.add(w.path());
    }
    return out;
  }
}
