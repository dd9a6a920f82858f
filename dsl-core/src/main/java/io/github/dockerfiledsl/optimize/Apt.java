package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;

/**
 * Run-chain steps for Debian and Ubuntu's {@code apt-get}: non-interactive ({@code -y}), without
 * recommended packages, and with the package lists removed in the same RUN.
 *
 * <pre>{@code
 * .run(Apt.install("curl", "ca-certificates"))
 * // RUN apt-get update \
 * //     && apt-get install -y --no-install-recommends curl ca-certificates \
 * //     && rm -rf /var/lib/apt/lists/*
 *
 * .run(Apt.install("curl").withCacheMounts())
 * // RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
 * //     --mount=type=cache,target=/var/lib/apt,sharing=locked \
 * //     apt-get update \
 * //     && apt-get install -y --no-install-recommends curl
 * }</pre>
 *
 * <p>With cache mounts, Debian images still delete downloaded packages after each install
 * ({@code /etc/apt/apt.conf.d/docker-clean}); the lists are cached either way.
 */
public final class Apt {
  private static final String LISTS = "rm -rf /var/lib/apt/lists/*";

  private Apt() {}

  private static Run cached(Run run) {
    return run.mount(Packages.locked("/var/cache/apt")).mount(Packages.locked("/var/lib/apt"));
  }

  /**
   * Returns {@code apt-get update && apt-get install -y --no-install-recommends packages},
   * cleaning up the lists.
   *
   * @param packages the packages, at least one (pins such as {@code curl=7.88.1-10} allowed)
   * @return the step
   */
  public static Run install(String... packages) {
    String words = Packages.words(packages, false);
    Run run = Run.chain("apt-get update", "apt-get install -y --no-install-recommends " + words);
    return Packages.withCleanup(run, LISTS, cached(run));
  }

  /**
   * Returns the step that installs build dependencies and purges them at the very end of the
   * RUN, so they never reach a layer. The packages are named literally in the purge, so
   * several build-dependency sets in one chain are each purged.
   *
   * <pre>{@code
   * .run(Apt.buildDeps("gcc", "make")).run("make -C /src install")
   * // RUN apt-get update \
   * //     && apt-get install -y --no-install-recommends gcc make \
   * //     && rm -rf /var/lib/apt/lists/* \
   * //     && make -C /src install \
   * //     && apt-get purge -y --auto-remove gcc make
   * }</pre>
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run buildDeps(String... packages) {
    String words = Packages.words(packages, false);
    Run run = Run.chain("apt-get update", "apt-get install -y --no-install-recommends " + words)
        .cleanupLast("apt-get purge -y --auto-remove " + words);
    return Packages.withCleanup(run, LISTS, cached(run));
  }
}
