package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.Rule;
import java.util.List;

/** The built-in rules, in the order in which their fixes are applied. */
public final class Rules {
  private Rules() {}

  /**
   * Returns new instances of all built-in rules. Rules whose fix merges RUNs come first, so that
   * cleanup appended by later fixes ends up in the merged RUN.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new AptUpdateAlone(),
        new CleanupInLaterLayer(),
        new StageNameCasing(),
        new FromAsCasing(),
        new NoEmptyContinuation(),
        new ConsistentInstructionCasing(),
        new DuplicateStageName(),
        new ReservedStageName(),
        new JsonArgsRecommended(),
        new MaintainerDeprecated(),
        new UndefinedArgInFrom(),
        new WorkdirRelativePath(),
        new UndefinedVar(),
        new MultipleInstructionsDisallowed(),
        new LegacyKeyValueFormat(),
        new RedundantTargetPlatform(),
        new SecretsUsedInArgOrEnv(),
        new InvalidDefaultArgInFrom(),
        new FromPlatformFlagConstDisallowed(),
        new CopyIgnoredFile(),
        new InvalidDefinitionDescription(),
        new ExposeProtoCasing(),
        new ExposeInvalidFormat(),
        new AptListsNotRemoved(),
        new AptNoInstallRecommends(),
        new ApkNoCache(),
        new YumClean(),
        new DnfClean(),
        new ZypperClean(),
        new PipNoCacheDir(),
        new YarnCacheClean(),
        new PipefailMissing(),
        new AddInsteadOfCopy(),
        new LastUserRoot(),
        new UntaggedImage(),
        new LatestTag(),
        new UntrustedRegistry(),
        new AptUnpinned(),
        new ApkUnpinned(),
        new DeletedInLaterLayer(),
        new CopyDirectoryContents(),
        new ShellEntrypointIgnoresCmd(),
        new AlpineMuslCaveat(),
        new WriteToVolume(),
        new StageUsedBeforeDefinition(),
        new InvalidImageReference(),
        new SudoUsed(),
        new AptUpgrade(),
        new JsonArraySingleQuotes(),
        new InvalidStopSignal(),
        new DirectiveCasing(),
        new IgnoredDirective(),
        new ApkVirtualNotDeleted(),
        new CacheOrder(),
        new ConsecutiveRuns());
  }
}
