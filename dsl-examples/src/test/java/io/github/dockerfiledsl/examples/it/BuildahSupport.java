package io.github.dockerfiledsl.examples.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.github.dockerfiledsl.build.BuildContext;
import io.github.dockerfiledsl.build.Builder;
import io.github.dockerfiledsl.build.ImageBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helps tests build real images with buildah: decides whether such tests run, builds with the
 * options this project's machines need, and reads images back with {@code buildah inspect}.
 *
 * <p>Tests run when buildah and the local base images of {@code scripts/setup-buildah.sh} are
 * present. Otherwise they are skipped with a message on stderr saying why, unless the system
 * property {@code buildah.required} is {@code true} (as CI sets it), in which case they fail.
 * Use it in a test class with {@code @ExtendWith(BuildahExtension.class)}, or call
 * {@link #assumeAvailable()} first.
 *
 * <p>Every buildah call uses chroot isolation, which works unprivileged and without a daemon,
 * and the vfs storage driver on the default store, unless the environment variable {@code
 * CONTAINERS_STORAGE_CONF} names a storage configuration (as {@code .ci/run} sets it to the
 * project's overlay store of {@code scripts/setup-podman.sh}); then that file's driver and store
 * are used. Builds never pull ({@code --pull=never}) and use the Docker image format, which
 * (unlike OCI) keeps HEALTHCHECK.
 */
public final class BuildahSupport {

  /**
   * The global options of every buildah call: {@code --storage-driver vfs}, or none when {@code
   * CONTAINERS_STORAGE_CONF} chooses the store.
   */
  public static final List<String> GLOBAL_OPTIONS = System.getenv("CONTAINERS_STORAGE_CONF") == null
      ? List.of("--storage-driver", "vfs") : List.of();

  /** The options of every build, after {@code buildah bud}. */
  public static final List<String> BUILD_OPTIONS = java.util.stream.Stream.concat(
      GLOBAL_OPTIONS.stream(), java.util.stream.Stream.of("--isolation", "chroot", "--pull=never",
          "--layers", "--force-rm", "--format", "docker")).toList();

  /** The local base images that {@code scripts/setup-buildah.sh} creates. */
  public static final List<String> BASE_IMAGES = List.of("debian:bookworm-slim",
      "busybox:latest");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile String unavailableReason;
  private static volatile boolean checked;

  private BuildahSupport() {
  }

  /**
   * Tells whether image tests are mandatory: system property {@code buildah.required} is true.
   *
   * @return {@code true} when a missing buildah fails the tests instead of skipping them
   */
  public static boolean required() {
    return Boolean.getBoolean("buildah.required");
  }

  /**
   * Returns why buildah image tests cannot run here, or {@code null} when they can.
   *
   * @return the reason, naming what is missing
   */
  public static synchronized String unavailableReason() {
    if (!checked) {
      unavailableReason = probe();
      checked = true;
    }
    return unavailableReason;
  }

  /**
   * Skips the calling test (JUnit assumption) when buildah cannot run here, printing the reason to
   * stderr; fails it instead when {@link #required()}.
   */
  public static void assumeAvailable() {
    String reason = unavailableReason();
    if (reason == null) {
      return;
    }
    if (required()) {
      fail("buildah.required=true but " + reason + "; run scripts/setup-buildah.sh as root");
    }
    System.err.println("[buildah] SKIPPED image tests: " + reason
        + " (run scripts/setup-buildah.sh as root; -Dbuildah.required=true makes this a failure)");
    abort(reason);
  }

  /**
   * Returns an {@link ImageBuild} of the context with buildah and {@link #BUILD_OPTIONS}, and a
   * timeout of fifteen minutes.
   *
   * @param context the context to build
   * @return the build, to be tagged or run
   */
  public static ImageBuild imageBuild(BuildContext context) {
    return ImageBuild.of(context)
        .builder(Builder.BUILDAH)
        .options(BUILD_OPTIONS.toArray(String[]::new))
        .timeout(Duration.ofMinutes(15));
  }

  /**
   * Returns the context of a directory of files plus a Dockerfile model: every file of the
   * directory is added under its relative path.
   *
   * @param dockerfile the Dockerfile text
   * @param dir the directory of context files, or {@code null} for none
   * @return the context
   */
  public static BuildContext.Builder contextWith(String dockerfile, Path dir) {
    BuildContext.Builder b = BuildContext.builder().dockerfile(dockerfile);
    if (dir != null) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.sorted().toList()) {
          b.addPath(p.getFileName().toString(), p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b;
  }

  /**
   * Runs a command in a new working container of an image (chroot isolation, host network) and
   * returns its output; the container is removed afterwards.
   *
   * @param image an image name or id
   * @param command the command and its arguments, run without a shell
   * @return the command's standard output
   * @throws AssertionError if the command fails
   */
  public static String runIn(String image, List<String> command) {
    String container = buildah("from", "--pull=never", "--quiet", image).trim();
    try {
      List<String> args = new ArrayList<>(List.of("run", "--isolation", "chroot", container,
          "--"));
      args.addAll(command);
      return buildah(args.toArray(String[]::new));
    } finally {
      buildah("rm", container);
    }
  }

  /**
   * Runs {@code buildah inspect --type image} and returns its JSON.
   *
   * @param image an image name or id
   * @return the parsed JSON
   */
  public static JsonNode inspect(String image) {
    return JSON.readTree(buildah("inspect", "--type", "image", image));
  }

  /**
   * Returns an image's configuration (Docker format, which keeps HEALTHCHECK).
   *
   * @param image an image name or id
   * @return the configuration
   */
  public static ImageConfig config(String image) {
    JsonNode docker = inspect(image).path("Docker").path("config");
    return ImageConfig.fromDockerConfig(docker);
  }

  /**
   * Returns the number of layers of an image.
   *
   * @param image an image name or id
   * @return the number of layer diffs of its root file system
   */
  public static int layerCount(String image) {
    return inspect(image).path("OCIv1").path("rootfs").path("diff_ids").size();
  }

  /**
   * Returns the configuration and layer count of a base image.
   *
   * @param image an image name
   * @return the base
   */
  public static ExpectedImage.Base base(String image) {
    return new ExpectedImage.Base(config(image), layerCount(image));
  }

  /**
   * Runs buildah with {@link #GLOBAL_OPTIONS} and returns its standard output.
   *
   * @param args the sub-command and its arguments
   * @return the output
   * @throws AssertionError if buildah fails, with its output
   */
  public static String buildah(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("buildah");
    cmd.addAll(GLOBAL_OPTIONS);
    cmd.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("buildah-", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", cmd) + " timed out");
        }
        if (p.exitValue() != 0) {
          throw new AssertionError(String.join(" ", cmd) + " failed with exit code "
              + p.exitValue() + ": " + Files.readString(err));
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", cmd) + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String probe() {
    if (!Builder.BUILDAH.isUsable()) {
      return "buildah is not installed (not on PATH or 'buildah --version' fails)";
    }
    List<String> missing = new ArrayList<>();
    for (String image : BASE_IMAGES) {
      try {
        buildah("inspect", "--type", "image", image);
      } catch (AssertionError | UncheckedIOException e) {
        missing.add(image);
      }
    }
    return missing.isEmpty() ? null
        : "the local base image(s) " + String.join(", ", missing) + " are missing";
  }
}
