package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;

/**
 * Run-chain steps for {@code yum}: non-interactive ({@code -y}) and followed by {@code yum clean
 * all} in the same RUN (hadolint DL3032).
 *
 * <pre>{@code
 * .run(Yum.install("git"))
 * // RUN yum install -y git \
 * //     && yum clean all
 * }</pre>
 */
public final class Yum {
  private Yum() {}

  /**
   * Returns {@code yum install -y packages && yum clean all}; the cache-mount variant keeps
   * {@code /var/cache/yum} in a locked cache mount instead.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run install(String... packages) {
    String words = Packages.words(packages, false);
    return Packages.withCleanup(Run.of("yum install -y " + words), "yum clean all",
        Run.of("yum install -y --setopt=keepcache=1 " + words).mount(Packages.locked("/var/cache/yum")));
  }

  /**
   * Returns the steps that install build dependencies and remove them at the end of the RUN.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run buildDeps(String... packages) {
    String words = Packages.words(packages, false);
    return install(packages).cleanupLast("yum remove -y " + words);
  }
}
