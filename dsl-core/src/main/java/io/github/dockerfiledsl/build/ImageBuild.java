package io.github.dockerfiledsl.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An immutable description of one image build of a {@link BuildContext} with Docker, Podman or
 * Buildah; {@link #run(Consumer)} builds it and returns the image id.
 *
 * <p>Each configuration method returns a new instance:
 *
 * <pre>{@code
 * String imageId = ImageBuild.of(context)
 *     .tag("localhost/hello:test")
 *     .buildArg("VERSION", "1.2")
 *     .target("runtime")
 *     .builder(Builder.BUILDAH)                  // or leave out to auto-detect
 *     .options("--isolation", "chroot", "--layers")
 *     .run(System.out::println);                 // streams the log, line by line
 * }</pre>
 *
 * <p>The context is written to a temporary directory, built with
 * {@code <tool> build|bud --iidfile F -f DIR/Dockerfile [-t tag] [--target t] [--build-arg k=v]...
 * [options...] DIR}, and removed afterwards. Extra options go after the build sub-command, where
 * all three tools accept their global flags too (such as buildah's {@code --storage-driver}).
 */
public final class ImageBuild {

  /** How many of the last log lines an {@link ImageBuildException} keeps. */
  public static final int LOG_TAIL_LINES = 40;

  private static final Pattern BUILD_ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final BuildContext context;
  private final String tag;
  private final Map<String, String> buildArgs;
  private final String target;
  private final Builder builder;
  private final List<String> options;
  private final Duration timeout;

  private ImageBuild(BuildContext context, String tag, Map<String, String> buildArgs,
      String target, Builder builder, List<String> options, Duration timeout) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.tag = tag;
    this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    this.target = target;
    this.builder = builder;
    this.options = List.copyOf(options);
    this.timeout = timeout;
  }

  /**
   * Returns a build of the given context without tag, build arguments, target or options, with
   * the tool auto-detected.
   *
   * @param context the context to build; it must have a Dockerfile
   * @return the build
   * @throws IllegalArgumentException if the context has no Dockerfile
   */
  public static ImageBuild of(BuildContext context) {
    Objects.requireNonNull(context, "context == null");
    if (context.dockerfile() == null) {
      throw new IllegalArgumentException("build context " + context + " has no Dockerfile");
    }
    return new ImageBuild(context, null, Map.of(), null, null, List.of(), null);
  }

  /**
   * Returns a copy that tags the image.
   *
   * @param tag an image name such as {@code localhost/app:test}
   * @return the new build
   */
  public ImageBuild tag(String tag) {
    Objects.requireNonNull(tag, "tag == null");
    if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("tag '" + tag + "' is blank or contains whitespace");
    }
    return new ImageBuild(context, tag, buildArgs, target, builder, options, timeout);
  }

  /**
   * Returns a copy with one more build argument ({@code --build-arg name=value}); setting a name
   * again replaces its value.
   *
   * @param name the argument name, as declared by {@code ARG}
   * @param value the value
   * @return the new build
   */
  public ImageBuild buildArg(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (!BUILD_ARG_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("build argument name '" + name + "' is not a valid name");
    }
    Map<String, String> args = new LinkedHashMap<>(buildArgs);
    args.put(name, value);
    return new ImageBuild(context, tag, args, target, builder, options, timeout);
  }

  /**
   * Returns a copy that builds only up to the named stage ({@code --target}).
   *
   * @param stage the stage name
   * @return the new build
   */
  public ImageBuild target(String stage) {
    Objects.requireNonNull(stage, "stage == null");
    if (stage.isBlank()) {
      throw new IllegalArgumentException("target stage '" + stage + "' is blank");
    }
    return new ImageBuild(context, tag, buildArgs, stage, builder, options, timeout);
  }

  /**
   * Returns a copy that uses the given tool instead of auto-detecting one.
   *
   * @param builder the tool
   * @return the new build
   */
  public ImageBuild builder(Builder builder) {
    Objects.requireNonNull(builder, "builder == null");
    return new ImageBuild(context, tag, buildArgs, target, builder, options, timeout);
  }

  /**
   * Returns a copy with more options passed to the tool after its build sub-command, such as
   * {@code --no-cache} or, for buildah, {@code --storage-driver vfs --isolation chroot}.
   *
   * @param more the options, each one argument
   * @return the new build
   */
  public ImageBuild options(String... more) {
    List<String> all = new ArrayList<>(options);
    for (String o : more) {
      all.add(Objects.requireNonNull(o, "option == null"));
    }
    return new ImageBuild(context, tag, buildArgs, target, builder, all, timeout);
  }

  /**
   * Returns a copy that stops the tool when the build takes longer than the timeout.
   *
   * @param timeout a positive duration
   * @return the new build
   */
  public ImageBuild timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
    return new ImageBuild(context, tag, buildArgs, target, builder, options, timeout);
  }

  /**
   * Returns the context to build.
   *
   * @return the context
   */
  public BuildContext context() {
    return context;
  }

  /**
   * Returns the tag, if one is set.
   *
   * @return the tag
   */
  public Optional<String> tagName() {
    return Optional.ofNullable(tag);
  }

  /**
   * Returns the build arguments in the order they were first set.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> buildArgs() {
    return buildArgs;
  }

  /**
   * Returns the target stage, if one is set.
   *
   * @return the stage name
   */
  public Optional<String> targetStage() {
    return Optional.ofNullable(target);
  }

  /**
   * Returns the chosen tool, or empty when it is auto-detected at {@link #run(Consumer)}.
   *
   * @return the tool
   */
  public Optional<Builder> chosenBuilder() {
    return Optional.ofNullable(builder);
  }

  /**
   * Returns the extra options.
   *
   * @return an unmodifiable list
   */
  public List<String> extraOptions() {
    return options;
  }

  /**
   * Returns the command line this build runs with the given tool, for a context written to
   * {@code contextDir} and an image id file {@code iidFile}.
   *
   * @param tool the tool
   * @param contextDir the directory holding the written context
   * @param iidFile the file the tool writes the image id to
   * @return the executable and its arguments
   */
  public List<String> command(Builder tool, Path contextDir, Path iidFile) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Builder.findOnPath(tool.executable()).map(Path::toString).orElse(tool.executable()));
    cmd.addAll(tool.buildCommand());
    cmd.add("--iidfile");
    cmd.add(iidFile.toString());
    cmd.add("-f");
    cmd.add(contextDir.resolve(BuildContext.DOCKERFILE).toString());
    if (tag != null) {
      cmd.add("-t");
      cmd.add(tag);
    }
    if (target != null) {
      cmd.add("--target");
      cmd.add(target);
    }
    for (Map.Entry<String, String> a : buildArgs.entrySet()) {
      cmd.add("--build-arg");
      cmd.add(a.getKey() + "=" + a.getValue());
    }
    cmd.addAll(options);
    cmd.add(contextDir.toString());
    return cmd;
  }

  /**
   * Builds the image without showing the log; a failure still reports the log's last lines.
   *
   * @return the image id: 64 hexadecimal digits, without a {@code sha256:} prefix
   * @throws ImageBuildException if no tool is usable, the tool fails or times out
   */
  public String run() {
    return run(line -> { });
  }

  /**
   * Builds the image, passing each line of the tool's output (stdout and stderr merged) to
   * {@code log} as it comes.
   *
   * @param log receives the build log line by line
   * @return the image id: 64 hexadecimal digits, without a {@code sha256:} prefix
   * @throws ImageBuildException if no tool is usable, the tool fails or times out
   */
  public String run(Consumer<String> log) {
    Objects.requireNonNull(log, "log == null");
    Builder tool = builder != null ? builder : Builder.detect().orElseThrow(() ->
        new ImageBuildException("no image builder is usable: none of docker (with a daemon), "
            + "podman or buildah was found on PATH", List.of(), -1, List.of(), null));
    Path work = null;
    List<String> cmd = List.of();
    ArrayDeque<String> tail = new ArrayDeque<>();
    try {
      work = Files.createTempDirectory("dockerfile-dsl-build-");
      Path dir = work.resolve("context");
      context.writeTo(dir);
      Path iid = work.resolve("image-id");
      cmd = command(tool, dir, iid);
      Process process;
      try {
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new ImageBuildException(tool.executable() + " could not be started: "
            + e.getMessage(), cmd, -1, List.of(), e);
      }
      process.getOutputStream().close();
      AtomicBoolean timedOut = new AtomicBoolean();
      Thread watchdog = timeout == null ? null : startWatchdog(process, timeout, timedOut);
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (tail.size() == LOG_TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line);
          log.accept(line);
        }
      }
      int exit = process.waitFor();
      if (watchdog != null) {
        watchdog.interrupt();
      }
      if (timedOut.get()) {
        throw new ImageBuildException(tool.executable() + " build timed out after " + timeout,
            cmd, -1, new ArrayList<>(tail), null);
      }
      if (exit != 0) {
        throw new ImageBuildException(tool.executable() + " build failed with exit code " + exit,
            cmd, exit, new ArrayList<>(tail), null);
      }
      String id = Files.exists(iid) ? Files.readString(iid).trim() : "";
      if (id.startsWith("sha256:")) {
        id = id.substring("sha256:".length());
      }
      if (!id.matches("[0-9a-f]{64}")) {
        throw new ImageBuildException(tool.executable() + " build wrote no image id (got '" + id
            + "')", cmd, exit, new ArrayList<>(tail), null);
      }
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("image build failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("interrupted while building", cmd, -1, new ArrayList<>(tail),
          e);
    } finally {
      if (work != null) {
        deleteQuietly(work);
      }
    }
  }

  private static Thread startWatchdog(Process process, Duration timeout, AtomicBoolean timedOut) {
    Thread t = new Thread(() -> {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          timedOut.set(true);
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "image-build-watchdog");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> all = new ArrayList<>();
      walk.forEach(all::add);
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing a successful build for
    }
  }

  @Override
  public String toString() {
    return "ImageBuild[" + (builder == null ? "auto" : builder) + ", tag=" + tag + ", "
        + context + "]";
  }
}
