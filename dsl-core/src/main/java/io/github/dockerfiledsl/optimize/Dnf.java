package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;

/**
 * Run-chain steps for {@code dnf}: non-interactive ({@code -y}) and followed by {@code dnf clean
 * all} in the same RUN (hadolint DL3040).
 *
 * <pre>{@code
 * .run(Dnf.install("git"))
 * // RUN dnf install -y git \
 * //     && dnf clean all
 * }</pre>
 */
public final class Dnf {
  private Dnf() {}

  /**
   * Returns {@code dnf install -y packages && dnf clean all}; the cache-mount variant keeps
   * {@code /var/cache/dnf} in a locked cache mount instead.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run install(String... packages) {
    String words = Packages.words(packages, false);
    return Packages.withCleanup(Run.of("dnf install -y " + words), "dnf clean all",
        Run.of("dnf install -y --setopt=keepcache=1 " + words).mount(Packages.locked("/var/cache/dnf")));
  }

  /**
   * Returns the steps that install build dependencies and remove them at the end of the RUN.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run buildDeps(String... packages) {
    String words = Packages.words(packages, false);
    return install(packages).cleanupLast("dnf remove -y " + words);
  }
}
