package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * DF211: a STOPSIGNAL that is neither a signal number (1 or more) nor a Linux signal name
 * ({@code SIGTERM}, {@code TERM}, {@code SIGRTMIN+3}). BuildKit stores the value as it is;
 * {@code docker run} then fails to create the container ("Invalid signal"). Values with
 * variables are not checked.
 */
public final class InvalidStopSignal extends AbstractRule {
  private static final Set<String> NAMES = Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT",
      "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT",
      "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
      "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX");

  /** Creates the rule. */
  public InvalidStopSignal() {
    super("DF211", "InvalidStopSignal", Severity.ERROR,
        "STOPSIGNAL must be a signal name or number", null, null);
  }

  /**
   * Returns the message.
   *
   * @param signal the value
   * @return the message
   */
  public static String message(String signal) {
    return "STOPSIGNAL " + signal + " is not a signal: use a name such as SIGTERM or a number";
  }

  /**
   * Returns whether a value (without variables) is a signal {@code docker run} accepts.
   *
   * @param signal the value
   * @return whether it is valid
   */
  public static boolean isValid(String signal) {
    if (!signal.isEmpty() && signal.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return signal.length() < 10 && Integer.parseInt(signal) > 0;
    }
    String name = signal.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    if (NAMES.contains(name)) {
      return true;
    }
    if (name.matches("RTMIN\\+([1-9]|1[0-5])") || name.matches("RTMAX-([1-9]|1[0-4])")) {
      return true;
    }
    return false;
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        if (i instanceof StopsignalInstruction st && !Templates.hasVariables(st.signal())
            && !isValid(Templates.unescape(st.signal()))) {
          context.report(this, i, message(st.signal()));
        }
      }
    }
  }
}
