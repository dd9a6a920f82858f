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
 * // RUN apk add --no-cache --virtual .build-deps gcc musl-dev \
 * //     && make \
 * //     && apk del .build-deps
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
   * Returns the steps that install build dependencies as the virtual package {@code
   * .build-deps} and delete it at the end of the RUN.
   *
   * @param packages the packages, at least one
   * @return the step
   */
  public static Run buildDeps(String... packages) {
    String words = Packages.words(packages, false);
    return Run.of("apk add --no-cache --virtual .build-deps " + words)
        .cleanupLast("apk del .build-deps")
        .cachedVariant(Run.of("apk add --virtual .build-deps " + words)
            .mount(Packages.locked("/var/cache/apk")).cleanupLast("apk del .build-deps"));
  }
}
