package io.github.dockerfiledsl.examples;

import io.github.dockerfiledsl.Add;
import io.github.dockerfiledsl.Copy;
import io.github.dockerfiledsl.Dockerfile;

/**
 * The seed's small busybox Dockerfile, which shows the common instructions.
 *
 * <p>Differences from the seed, all from the canonical format or the builder's default passes:
 * the deprecated {@code MAINTAINER} becomes {@code LABEL org.opencontainers.image.authors}, JSON
 * arrays get a blank after each comma, and the legacy {@code ENV WELCOME "welcome"} is written
 * {@code ENV WELCOME=welcome}.
 */
public final class BusyboxExample {
  private BusyboxExample() {}

  /**
   * Returns the Dockerfile.
   *
   * @return the Dockerfile
   */
  public static Dockerfile dockerfile() {
    return Dockerfile.builder()
        .comment("my dockerfile")
        .from("busybox")
        .maintainer("easy@home.com")
        .workdir("/test")
        .run("touch tmpfile1")
        .copy(Copy.of("temfile2", ".").json())
        .add(Add.of("temfile3.tar.gz", ".").json())
        .env("WELCOME", "welcome")
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
