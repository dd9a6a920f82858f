package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;

/**
 * Run-chain steps for openSUSE's {@code zypper}: non-interactive, without recommended packages,
 * followed by {@code zypper clean --all} (hadolint DL3036).
 *
 * <pre>{@code
 * .run(Zypper.install("curl"))
 * // RUN zypper --non-interactive install --no-recommends curl \
 * //     && zypper clean --all
 * }</pre>
 */
public final class Zypper {
  private Zypper() {}

  /**
   * Returns {@code zypper --non-interactive install --no-recommends packages && zypper clean
   * --all}; the cache-mount variant keeps {@code /var/cache/zypp} in a locked cache mount.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run install(String... packages) {
    String command = "zypper --non-interactive install --no-recommends "
        + Packages.words(packages, false);
    return Packages.withCleanup(Run.of(command), "zypper clean --all",
        Run.of(command).mount(Packages.locked("/var/cache/zypp")));
  }
}
