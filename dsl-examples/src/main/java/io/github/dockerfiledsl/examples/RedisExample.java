package io.github.dockerfiledsl.examples;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.optimize.Apt;

/**
 * Redis built from source, the seed's example of the "correct" Dockerfile: written as a chain of
 * separate steps, which the builder merges into one RUN that installs the build dependencies,
 * builds, and removes the sources, the apt lists and the build dependencies in the same layer.
 *
 * <p>Compared with the seed, {@link Apt#buildDeps(String...)} installs with {@code
 * --no-install-recommends} (hadolint DL3015), names the packages in the purge instead of a
 * {@code buildDeps} variable, and removes the apt lists right after its install; everything else
 * is the seed's text.
 */
public final class RedisExample {
  private RedisExample() {}

  /**
   * Returns the Dockerfile.
   *
   * @return the Dockerfile
   */
  public static Dockerfile dockerfile() {
    return Dockerfile.from("debian:stretch")
        .blankLine()
        .run(Apt.buildDeps("gcc", "libc6-dev", "make", "wget"))
        .run("wget -O redis.tar.gz \"http://download.redis.io/releases/redis-5.0.3.tar.gz\"")
        .run("mkdir -p /usr/src/redis")
        .run("tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1")
        .run("make -C /usr/src/redis")
        .run("make -C /usr/src/redis install")
        .cleanup("rm redis.tar.gz", "rm -r /usr/src/redis")
        .build();
  }

  /**
   * Prints the Dockerfile.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.print(dockerfile().render());
  }
}
