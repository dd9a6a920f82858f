package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;

/**
 * Run-chain steps for Alpine's {@code apk}: {@code --no-cache}, so no index is left behind.
 *
 * <pre>{@code
 * .run(Apk.add("ca-certificates"))
 * // RUN apk add --no-cache ca-certificates
 *
 * .run(Apk.buildDeps("gcc", "musl-dev")).run("make")
 * // RUN apk add --no-cache --virtual .build-deps-e03dab42 gcc musl-dev \
 * //     && make \
 * //     && apk del .build-deps-e03dab42
 * }</pre>
 */
public final class Apk {
  private Apk() {}

  /**
   * Returns {@code apk add --no-cache packages}; the cache-mount variant is {@code
   * --mount=type=cache,target=/var/cache/apk,sharing=locked apk add packages}.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run add(String... packages) {
    String words = Packages.words(packages, false);
    return Run.of("apk add --no-cache " + words).cachedVariant(
        Run.of("apk add " + words).mount(Packages.locked("/var/cache/apk")));
  }

  /**
   * Returns {@link #add(String...)}, named like the other helpers.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run install(String... packages) {
    return add(packages);
  }

  /**
   * Returns the step that installs build dependencies as a virtual package and deletes it at
   * the end of the RUN. The virtual package is named {@code .build-deps-} and a hash of the
   * package list, so that two sets in one chain do not replace each other (a second {@code apk
   * add --virtual} of the same name would drop the first set's packages at once).
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run buildDeps(String... packages) {
    String words = Packages.words(packages, false);
    String virtual = ".build-deps-" + String.format("%08x", words.hashCode());
    return Run.of("apk add --no-cache --virtual " + virtual + " " + words)
        .cleanupLast("apk del " + virtual)
        .cachedVariant(Run.of("apk add --virtual " + virtual + " " + words)
            .mount(Packages.locked("/var/cache/apk")).cleanupLast("apk del " + virtual));
  }
}
