package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Packages installed without a version, so rebuilds install whatever is current: the check that
 * {@link AptUnpinned} and {@link ApkUnpinned} share. Reported as info: pinning is a trade-off
 * against security updates. Options that take a value skip it; a package named by a variable, a
 * path or a package file counts as pinned.
 */
abstract class UnpinnedPackages extends AbstractRule {
  private final String program;
  private final String subcommand;
  private final Set<String> valueOptions;
  private final String pinCharacters;
  private final String example;

  /**
   * Creates the rule.
   *
   * @param id the rule id
   * @param name the rule name
   * @param hadolint hadolint's code for the same check
   * @param program the package manager
   * @param subcommand its install subcommand
   * @param valueOptions the options that take a value as the next word
   * @param pinCharacters the characters that pin a version ({@code =}, {@code ~}, ...)
   * @param example a pinned package, for the message
   */
  UnpinnedPackages(String id, String name, String hadolint, String program, String subcommand,
      Set<String> valueOptions, String pinCharacters, String example) {
    super(id, name, Severity.INFO, "pin package versions in " + program + " " + subcommand, null,
        hadolint);
    this.program = program;
    this.subcommand = subcommand;
    this.valueOptions = valueOptions;
    this.pinCharacters = pinCharacters;
    this.example = example;
  }

  /**
   * Returns the message.
   *
   * @param command the install command ({@code apt-get install})
   * @param packages the unpinned packages
   * @param example a pinned package
   * @return the message
   */
  static String message(String command, List<String> packages, String example) {
    return "unpinned packages in " + command + ": " + String.join(", ", packages) + " (pin like "
        + example + ")";
  }

  @Override
  public final void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      List<String> unpinned = new ArrayList<>();
      for (Script.Simple c : Script.of(r).commands()) {
        if (!c.is(program, subcommand)) {
          continue;
        }
        List<String> args = c.args();
        boolean sub = false;
        for (int i = 0; i < args.size(); i++) {
          String a = args.get(i);
          if (valueOptions.contains(a)) {
            i++;
          } else if (a.startsWith("-")) {
            continue;
          } else if (!sub) {
            sub = true; // the subcommand itself
          } else if (!pinned(a)) {
            unpinned.add(a);
          }
        }
      }
      if (!unpinned.isEmpty()) {
        context.report(this, r, message(program + " " + subcommand, unpinned, example));
      }
    }
  }

  private boolean pinned(String a) {
    for (int i = 0; i < a.length(); i++) {
      if (pinCharacters.indexOf(a.charAt(i)) >= 0) {
        return true;
      }
    }
    return a.contains("$") || a.contains("/") || a.endsWith(".deb") || a.endsWith(".apk");
  }
}
