package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DF215: {@code apk add --virtual NAME} (or {@code -t NAME}) without {@code apk del NAME} in the
 * same RUN. A virtual package groups build dependencies so that one {@code apk del} removes them;
 * deleted in a later RUN (or never), they stay in the layer that installed them. Names that mark
 * run-time dependencies kept on purpose ({@code .rundeps}, {@code .postgresql-rundeps},
 * {@code .runtime-deps}, {@code .persistent-deps}, {@code .httpd-so-deps}), the docker-library
 * idiom, are exempt.
 */
public final class ApkVirtualNotDeleted extends AbstractRule {
  /** Virtual packages that group run-time dependencies on purpose ({@code .rundeps}). */
  private static final java.util.regex.Pattern RUNTIME =
      java.util.regex.Pattern.compile("(?i)run(time)?[-_.]?deps|runtime|persistent|so-deps");

  /** Creates the rule. */
  public ApkVirtualNotDeleted() {
    super("DF215", "ApkVirtualNotDeleted", Severity.WARNING,
        "delete an apk virtual package in the RUN that adds it", null, null);
  }

  /**
   * Returns the message.
   *
   * @param name the virtual package
   * @return the message
   */
  public static String message(String name) {
    return "virtual package '" + name + "' is added but not deleted in the same RUN; its packages"
        + " stay in the layer (add '&& apk del " + name + "' after the build steps)";
  }

  @Override
  public void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      Set<String> added = new LinkedHashSet<>();
      List<String> deleted = new ArrayList<>();
      for (Script.Simple c : Script.of(r).commands()) {
        List<String> args = c.args();
        if (c.is("apk", "add")) {
          for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--virtual") || a.equals("-t")) && i + 1 < args.size()) {
              added.add(args.get(i + 1));
            } else if (a.startsWith("--virtual=")) {
              added.add(a.substring("--virtual=".length()));
            }
          }
        } else if (c.is("apk", "del")) {
          deleted.addAll(c.operands());
        }
      }
      for (String name : added) {
        if (!name.contains("$") && !deleted.contains(name) && !RUNTIME.matcher(name).find()) {
          context.report(this, r, message(name));
        }
      }
    }
  }
}
