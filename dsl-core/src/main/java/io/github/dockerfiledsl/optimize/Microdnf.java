package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;

/**
 * Run-chain steps for {@code microdnf}: non-interactive ({@code -y}) and followed by {@code microdnf clean
 * all} in the same RUN (hadolint DL3040).
 *
 * <pre>{@code
 * .run(Microdnf.install("git"))
 * // RUN microdnf install -y git \
 * //     && microdnf clean all
 * }</pre>
 */
public final class Microdnf {
  private Microdnf() {}

  /**
   * Returns {@code microdnf install -y packages && microdnf clean all}; the cache-mount variant keeps
   * {@code /var/cache/yum} in a locked cache mount instead.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run install(String... packages) {
    String words = Packages.words(packages, false);
    return Packages.withCleanup(Run.of("microdnf install -y " + words), "microdnf clean all",
        Run.of("microdnf install -y " + words).mount(Packages.locked("/var/cache/yum")));
  }

  /**
   * Returns the steps that install build dependencies and remove them at the end of the RUN.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run buildDeps(String... packages) {
    String words = Packages.words(packages, false);
    return install(packages).cleanupLast("microdnf remove -y " + words);
  }
}
