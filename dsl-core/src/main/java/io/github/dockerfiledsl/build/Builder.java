package io.github.dockerfiledsl.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The image builder tool that an {@link ImageBuild} runs: Docker, Podman or Buildah.
 *
 * <p>{@link #detect()} picks the first usable one: {@code docker} only when its daemon answers
 * (a Docker client alone cannot build), then {@code podman}, then {@code buildah}.
 */
public enum Builder {
  /** {@code docker build}; needs a reachable Docker daemon. */
  DOCKER("docker", List.of("build")),
  /** {@code podman build}; daemonless. */
  PODMAN("podman", List.of("build")),
  /** {@code buildah bud}; daemonless. */
  BUILDAH("buildah", List.of("bud"));

  private final String executable;
  private final List<String> buildCommand;

  Builder(String executable, List<String> buildCommand) {
    this.executable = executable;
    this.buildCommand = buildCommand;
  }

  /**
   * Returns the name of the tool's executable, looked up on {@code PATH}.
   *
   * @return {@code docker}, {@code podman} or {@code buildah}
   */
  public String executable() {
    return executable;
  }

  /**
   * Returns the sub-command that builds an image.
   *
   * @return {@code [build]} or {@code [bud]}
   */
  public List<String> buildCommand() {
    return buildCommand;
  }

  /**
   * Tells whether the executable is on {@code PATH}.
   *
   * @return {@code true} if an executable file of that name is on {@code PATH}
   */
  public boolean isInstalled() {
    return findOnPath(executable).isPresent();
  }

  /**
   * Tells whether the tool can build now: installed and, for Docker, with a daemon that answers
   * {@code docker version} within ten seconds.
   *
   * @return {@code true} if the tool can build images
   */
  public boolean isUsable() {
    Optional<Path> exe = findOnPath(executable);
    if (exe.isEmpty()) {
      return false;
    }
    List<String> probe = this == DOCKER
        ? List.of(exe.get().toString(), "version", "--format", "{{.Server.Version}}")
        : List.of(exe.get().toString(), "--version");
    try {
      Process p = new ProcessBuilder(probe).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Returns the first usable tool in the order Docker, Podman, Buildah.
   *
   * @return the tool, or empty when none is usable
   */
  public static Optional<Builder> detect() {
    for (Builder b : values()) {
      if (b.isUsable()) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** Returns the first executable regular file called {@code name} on {@code PATH}. */
  static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
