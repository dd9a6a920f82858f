package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.instruction.Mount;

/**
 * Run-chain steps for {@code yarn} (classic), followed by {@code yarn cache clean} (hadolint
 * DL3060).
 *
 * <pre>{@code
 * .run(Yarn.install())
 * // RUN yarn install --frozen-lockfile \
 * //     && yarn cache clean
 * }</pre>
 */
public final class Yarn {
  private static final String CLEAN = "yarn cache clean";

  private Yarn() {}

  private static Run of(String command) {
    return Packages.withCleanup(Run.of(command), CLEAN,
        Run.of(command).mount(Mount.cache("/usr/local/share/.cache/yarn")));
  }

  /**
   * Returns {@code yarn install --frozen-lockfile}.
   *
   * @return the step
   */
  public static Run install() {
    return of("yarn install --frozen-lockfile");
  }

  /**
   * Returns {@code yarn add packages}.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run add(String... packages) {
    return of("yarn add " + Packages.words(packages, false));
  }
}
