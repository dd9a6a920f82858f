package io.github.dockerfiledsl.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerfiledsl.Dockerfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * An image built from an {@link ImageFixture}: its id and tag, a {@link GenericContainer} to
 * start it, its configuration, its files and the result of commands run in it. Closing it
 * removes the image (unless the fixture keeps it) and the helper container that file reads use.
 *
 * <p>Thread-safe; the file and command helpers use Testcontainers' Docker client.
 */
public final class BuiltImage implements AutoCloseable {
  /** Files larger than this are not read by {@link #file(String)}. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  private final String id;
  private final String name;
  private final boolean keep;
  private final Optional<Dockerfile> dockerfile;
  private final Optional<String> target;
  private String fileContainer;
  private InspectImageResponse inspection;
  private boolean closed;

  BuiltImage(String id, String name, boolean keep, Optional<Dockerfile> dockerfile, Optional<String> target) {
    this.id = id;
    this.name = name;
    this.keep = keep;
    this.dockerfile = dockerfile;
    this.target = target;
  }

  /**
   * An image that is already in the engine (built some other way, for example with {@link
   * ImageFixture#buildWith}); closing it does not remove it.
   *
   * @param nameOrId the image tag or id
   * @return the image
   * @throws IllegalArgumentException if the engine has no such image
   */
  public static BuiltImage existing(String nameOrId) {
    return existing(nameOrId, null);
  }

  /**
   * An image that is already in the engine, with the Dockerfile it was built from, so that
   * assertion messages can quote its lines; closing it does not remove it.
   *
   * @param nameOrId the image tag or id
   * @param dockerfile the Dockerfile it was built from, or null
   * @return the image
   * @throws IllegalArgumentException if the engine has no such image
   */
  public static BuiltImage existing(String nameOrId, Dockerfile dockerfile) {
    Objects.requireNonNull(nameOrId, "nameOrId == null");
    String fullId;
    try {
      fullId = client().inspectImageCmd(nameOrId).exec().getId();
    } catch (NotFoundException e) {
      throw new IllegalArgumentException("no image '" + nameOrId + "' in the container engine", e);
    }
    return new BuiltImage(strip(fullId), nameOrId, true, Optional.ofNullable(dockerfile), Optional.empty());
  }

  private static String strip(String id) {
    return id.startsWith("sha256:") ? id.substring(7) : id;
  }

  private static DockerClient client() {
    return DockerClientFactory.instance().client();
  }

  /**
   * Returns the image id (64 hex digits, no {@code sha256:} prefix).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the name the image was tagged with (or the name or id it was found by).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the Dockerfile the image was built from, when known (assertion messages quote it).
   *
   * @return the Dockerfile
   */
  public Optional<Dockerfile> dockerfile() {
    return dockerfile;
  }

  /**
   * Returns the stage that was built, if a target was given.
   *
   * @return the target stage
   */
  public Optional<String> target() {
    return target;
  }

  /**
   * Returns a new container of this image, not started, to configure and start (and stop) as
   * any Testcontainers container.
   *
   * @return the container
   */
  public GenericContainer<?> container() {
    return new GenericContainer<>(DockerImageName.parse(name));
  }

  /**
   * Returns the engine's description of the image (cached after the first call).
   *
   * @return the inspection
   */
  public synchronized InspectImageResponse inspect() {
    if (inspection == null) {
      inspection = client().inspectImageCmd(id).exec();
    }
    return inspection;
  }

  /**
   * Returns the image's healthcheck. Podman's Docker API leaves it out of the image's
   * description and reports it only on containers; then it is read from a created (never
   * started) container of the image.
   *
   * @return the healthcheck, or empty if the image has none
   */
  public Optional<HealthCheck> healthcheck() {
    HealthCheck h = inspect().getConfig() == null ? null : inspect().getConfig().getHealthcheck();
    if (h == null || h.getTest() == null || h.getTest().isEmpty()) {
      ContainerConfig c = client().inspectContainerCmd(fileContainer()).exec().getConfig();
      h = c == null ? null : c.getHealthcheck();
    }
    return h == null || h.getTest() == null || h.getTest().isEmpty() ? Optional.empty() : Optional.of(h);
  }

  /**
   * Runs a command in a new container of this image (the command replaces the entrypoint and
   * the image's CMD) and waits for it to exit.
   *
   * @param command the executable and its arguments
   * @return the exit code and output
   */
  public CommandResult run(String... command) {
    return run(List.of(command));
  }

  /**
   * Runs a command in a new container of this image and waits for it to exit; the container is
   * removed afterwards.
   *
   * @param command the executable and its arguments
   * @return the exit code and output
   */
  public CommandResult run(List<String> command) {
    return runAs(null, command);
  }

  /**
   * Runs a command as a given user in a new container of this image and waits for it to exit;
   * the container is removed afterwards.
   *
   * @param user the user ({@code name}, {@code uid} or {@code uid:gid}), or null for the image's
   * @param command the executable and its arguments
   * @return the exit code and output
   */
  public CommandResult runAs(String user, List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
    DockerClient client = client();
    var create = client.createContainerCmd(id)
        .withEntrypoint(command.get(0))
        .withCmd(command.subList(1, command.size()));
    if (user != null) {
      create = create.withUser(user);
    }
    String container = create.exec().getId();
    try {
      client.startContainerCmd(container).exec();
      int exit = client.waitContainerCmd(container).exec(new WaitContainerResultCallback())
          .awaitStatusCode(5, TimeUnit.MINUTES);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      ResultCallback.Adapter<Frame> logs = new ResultCallback.Adapter<>() {
        @Override
        public void onNext(Frame frame) {
          (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
        }
      };
      client.logContainerCmd(container).withStdOut(true).withStdErr(true).withFollowStream(false)
          .exec(logs).awaitCompletion(1, TimeUnit.MINUTES);
      return new CommandResult(command, exit, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      client.removeContainerCmd(container).withForce(true).exec();
    }
  }

  /**
   * Reads a path of the image's file system (through a created, never started container).
   *
   * @param path an absolute path
   * @return the file, directory or link, or empty if the path does not exist
   */
  public Optional<ImageFile> file(String path) {
    Objects.requireNonNull(path, "path == null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path '" + path + "' is not absolute");
    }
    Optional<TarEntryReader.Entry> entry = entry(path);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    TarEntryReader.Entry e = entry.get();
    ImageFile.Type type = switch (e.type()) {
      case '0', '7' -> ImageFile.Type.FILE;
      case '5' -> ImageFile.Type.DIRECTORY;
      case '2' -> ImageFile.Type.SYMLINK;
      default -> ImageFile.Type.OTHER;
    };
    int[] owner = owner(path).orElse(new int[] {e.uid(), e.gid()});
    Map<Integer, String> users = names("/etc/passwd");
    Map<Integer, String> groups = names("/etc/group");
    return Optional.of(new ImageFile(path, type, e.mode(), owner[0], owner[1],
        users.getOrDefault(owner[0], Integer.toString(owner[0])),
        groups.getOrDefault(owner[1], Integer.toString(owner[1])), e.content(),
        type == ImageFile.Type.SYMLINK ? TarEntryReader.nonEmpty(e.linkName()) : Optional.empty()));
  }

  /**
   * The owner as {@code stat} in the image reports it, run as root. Podman's Docker API gives
   * every archive entry the container user's ids, so the archive's ids are used only where the
   * image has no {@code stat}.
   */
  private Optional<int[]> owner(String path) {
    CommandResult r;
    try {
      r = runAs("0:0", List.of("stat", "-c", "%u:%g", path));
    } catch (RuntimeException e) {
      return Optional.empty(); // no stat in the image: the container does not start
    }
    String[] ids = r.stdout().strip().split(":");
    if (r.exitCode() != 0 || ids.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new int[] {Integer.parseInt(ids[0]), Integer.parseInt(ids[1])});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Map<Integer, String> names(String file) {
    Map<Integer, String> out = new HashMap<>();
    entry(file).ifPresent(e -> {
      for (String line : new String(e.content(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(":");
        if (f.length > 2) {
          try {
            out.putIfAbsent(Integer.parseInt(f[2]), f[0]);
          } catch (NumberFormatException ignored) {
            // not an id: a malformed line is skipped
          }
        }
      }
    });
    return out;
  }

  private Optional<TarEntryReader.Entry> entry(String path) {
    String container = fileContainer();
    try (InputStream tar = client().copyArchiveFromContainerCmd(container, path).exec()) {
      return Optional.of(TarEntryReader.first(tar, MAX_FILE_BYTES));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " of image " + name, e);
    }
  }

  private synchronized String fileContainer() {
    if (closed) {
      throw new IllegalStateException("image " + name + " is closed");
    }
    if (fileContainer == null) {
      // a command is needed to create a container of an image without one; it never runs
      fileContainer = client().createContainerCmd(id).withEntrypoint("/nonexistent-never-started")
          .withCmd(List.of()).exec().getId();
    }
    return fileContainer;
  }

  /**
   * Removes the helper container and, unless the fixture keeps it, the image. Closing twice
   * does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    DockerClient client = client();
    if (fileContainer != null) {
      client.removeContainerCmd(fileContainer).withForce(true).exec();
    }
    if (!keep) {
      try {
        client.removeImageCmd(name).withForce(true).exec();
      } catch (NotFoundException e) {
        // already removed
      }
    }
  }

  @Override
  public String toString() {
    return name + " (" + id.substring(0, Math.min(12, id.length())) + ")";
  }
}
