package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;

/**
 * The check shared by the rules that want a package manager's cache removed in the RUN that
 * filled it: an install without the cleanup in the same RUN leaves the cache in the layer. A cache
 * or tmpfs mount on the cache directory exempts the RUN; the fix appends the cleanup command.
 */
abstract class PackageCacheClean extends AbstractRule {
  private final String cacheDirectory;
  private final String programs;
  private final String subcommands;
  private final String cleanup;
  private final String cleanedPattern;

  /**
   * Creates the rule.
   *
   * @param id the rule id
   * @param name the rule name
   * @param summary the one-line summary
   * @param hadolint the hadolint code
   * @param cacheDirectory the cache directory whose cache or tmpfs mount exempts a RUN
   * @param programs the programs, a regular expression ({@code dnf|microdnf})
   * @param subcommands the installing subcommands, a regular expression
   * @param cleanup the cleanup command; {@code PROGRAM} stands for the program used
   * @param cleanedPattern a regular expression matching a command that cleans the cache
   */
  PackageCacheClean(String id, String name, String summary, String hadolint,
      String cacheDirectory, String programs, String subcommands, String cleanup,
      String cleanedPattern) {
    super(id, name, Severity.WARNING, summary, null, hadolint);
    this.cacheDirectory = cacheDirectory;
    this.programs = programs;
    this.subcommands = subcommands;
    this.cleanup = cleanup;
    this.cleanedPattern = cleanedPattern;
  }

  /**
   * Returns the message.
   *
   * @param command the install command
   * @param cleanup the missing cleanup command
   * @return the message
   */
  public static String message(String command, String cleanup) {
    return "'" + command + "' without '" + cleanup
        + "' in the same RUN leaves the package cache in the layer";
  }

  @Override
  public final void check(LintContext context) {
    for (RunInstruction r : Stages.runs(context.dockerfile())) {
      if (Model.cacheMounted(r, cacheDirectory)) {
        continue;
      }
      Script sc = Script.of(r);
      for (Script.Simple c : sc.commands()) {
        if (c.is(programs, subcommands)) {
          String command = cleanup.replace("PROGRAM", c.program());
          boolean cleaned = false;
          for (Script.Simple x : sc.commands()) {
            cleaned |= x.toString().matches(cleanedPattern);
          }
          if (!cleaned) {
            RunInstruction fixed = Edit.canAppend(context.dockerfile(), r) ? Edit.append(context.dockerfile(), r, command) : null;
            context.report(this, r, message(AptNoInstallRecommends.abbreviate(c.toString()), command),
                fixed == null ? null : new Fix("append && " + command,
                    d -> Edit.replace(d, r, fixed)));
          }
          break;
        }
      }
    }
  }
}
