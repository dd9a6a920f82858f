package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DF015: an ARG or ENV whose name looks like a secret (a word such as {@code password}, {@code
 * token}, {@code secret}, {@code key}); its value ends up in the image history or config. Use a
 * secret mount ({@code RUN --mount=type=secret}) instead.
 */
public final class SecretsUsedInArgOrEnv extends AbstractRule {
  private static final Set<String> DENY = Set.of("apikey", "auth", "credential", "credentials",
      "key", "password", "pword", "passwd", "secret", "token");
  private static final Set<String> ALLOW = Set.of("public");

  /** Creates the rule. */
  public SecretsUsedInArgOrEnv() {
    super("DF015", "SecretsUsedInArgOrEnv", Severity.WARNING,
        "secrets must not be passed in ARG or ENV; use a secret mount",
        "SecretsUsedInArgOrEnv", null);
  }

  /**
   * Returns the message.
   *
   * @param keyword ARG or ENV
   * @param name the variable
   * @return the message
   */
  public static String message(String keyword, String name) {
    return keyword + " '" + name
        + "' looks like a secret and stays in the image; use RUN --mount=type=secret";
  }

  /**
   * Returns whether a variable name looks like a secret.
   *
   * @param name the name
   * @return true if one of its {@code _}-separated words is a secret word and none is {@code
   *     public}, as in BuildKit
   */
  public static boolean looksSecret(String name) {
    List<String> words = new ArrayList<>();
    for (String part : name.split("_")) {
      words.add(part.toLowerCase(Locale.ROOT));
    }
    boolean denied = false;
    for (String w : words) {
      if (ALLOW.contains(w)) {
        return false;
      }
      denied |= DENY.contains(w);
    }
    return denied;
  }

  @Override
  public void check(LintContext context) {
    for (Instruction i : context.dockerfile().preamble()) {
      check(context, i);
    }
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        if (!i.isTrivia()) {
          check(context, i);
        }
      }
    }
  }

  private void check(LintContext context, Instruction i) {
    for (String n : names(i)) {
      if (looksSecret(n)) {
        context.report(this, i, message(i.keyword(), n));
      }
    }
  }

  private static List<String> names(Instruction i) {
    if (i instanceof ArgInstruction a) {
      List<String> out = new ArrayList<>();
      for (ArgInstruction.Arg x : a.args()) {
        out.add(x.name());
      }
      return out;
    }
    if (i instanceof EnvInstruction e) {
      List<String> out = new ArrayList<>();
      for (var kv : e.vars()) {
        out.add(kv.key());
      }
      return out;
    }
    return List.of();
  }
}
