package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Map;
import java.util.Set;

/** DF009: FROM refers to a variable that no global ARG declares. */
public final class UndefinedArgInFrom extends AbstractRule {
  /** The ARGs BuildKit defines for FROM lines on its own. */
  public static final Set<String> AUTOMATIC = Set.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH",
      "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETSTAGE",
      "TARGETOSVERSION", "BUILDOSVERSION");

  /** Creates the rule. */
  public UndefinedArgInFrom() {
    super("DF009", "UndefinedArgInFrom", Severity.WARNING,
        "FROM may only use ARGs declared before the first FROM", "UndefinedArgInFrom", null);
  }

  /**
   * Returns the message.
   *
   * @param name the variable
   * @param where the value that uses it
   * @return the message
   */
  public static String message(String name, String where) {
    return "FROM argument '" + name + "' (in " + where + ") is not declared by a global ARG";
  }

  @Override
  public void check(LintContext context) {
    Map<String, String> globals = Model.globalArgs(context.dockerfile());
    for (Stage s : context.dockerfile().stages()) {
      StringBuilder all = new StringBuilder(s.from().image());
      if (s.from().platform().isPresent()) {
        all.append(' ').append(s.from().platform().get());
      }
      for (Vars.Ref r : Vars.refs(all.toString())) {
        if (!globals.containsKey(r.name()) && !AUTOMATIC.contains(r.name()) && !r.guarded()) {
          context.report(this, s.from(), message(r.name(), all.toString()));
        }
      }
    }
  }
}
