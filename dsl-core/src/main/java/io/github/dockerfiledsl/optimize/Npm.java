package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.instruction.Mount;

/**
 * Run-chain steps for {@code npm}, followed by {@code npm cache clean --force}.
 *
 * <pre>{@code
 * .run(Npm.ci())
 * // RUN npm ci \
 * //     && npm cache clean --force
 * }</pre>
 */
public final class Npm {
  private static final String CLEAN = "npm cache clean --force";

  private Npm() {}

  private static Run of(String command) {
    return Packages.withCleanup(Run.of(command), CLEAN,
        Run.of(command).mount(Mount.cache("/root/.npm")));
  }

  /**
   * Returns {@code npm ci}: a clean install from the lock file.
   *
   * @return the step
   */
  public static Run ci() {
    return of("npm ci");
  }

  /**
   * Returns {@code npm install [packages]}.
   *
   * @param packages the packages; none to install the project's dependencies
   * @return the step
   */
  public static Run install(String... packages) {
    String words = Packages.words(packages, true);
    return of(words.isEmpty() ? "npm install" : "npm install " + words);
  }
}
