package io.github.dockerfiledsl.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.build.BuildContext;
import io.github.dockerfiledsl.build.Builder;
import io.github.dockerfiledsl.build.ImageBuild;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;

/**
 * An immutable description of an image to build for a test: a build context (or a Dockerfile
 * model), a tag, build arguments, a target stage, where the build log goes and whether the
 * image is kept after the test.
 *
 * <p>{@link #build()} builds it through Testcontainers' Docker client (any engine with a
 * Docker API: Docker, or podman's {@code podman system service}); {@link #buildWith(Builder, String...)}
 * builds the same context with a command line tool (buildah, podman, docker) through {@link
 * ImageBuild}, for machines without a Docker API.
 *
 * <pre>{@code
 * ImageFixture app = ImageFixture.of(context).withTag("localhost/app:test").withBuildArg("V", "1");
 * try (BuiltImage image = app.build()) {
 *   assertThat(image).hasUser("app").commandPrints("app\n", "id", "-un");
 * }
 * }</pre>
 */
public final class ImageFixture {
  /** The repository of generated tags: {@code localhost/dockerfile-dsl-fixture:<random>}. */
  public static final String GENERATED_REPOSITORY = "localhost/dockerfile-dsl-fixture";

  private final BuildContext context;
  private final Optional<String> tag;
  private final Map<String, String> buildArgs;
  private final Optional<String> target;
  private final boolean keep;
  private final Consumer<String> log;
  private final Duration timeout;

  private ImageFixture(BuildContext context, Optional<String> tag, Map<String, String> buildArgs,
      Optional<String> target, boolean keep, Consumer<String> log, Duration timeout) {
    this.context = context;
    this.tag = tag;
    this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    this.target = target;
    this.keep = keep;
    this.log = log;
    this.timeout = timeout;
  }

  /**
   * A fixture of a build context.
   *
   * @param context the build context
   * @return the fixture, untagged (a tag is generated at build time), removed after use
   */
  public static ImageFixture of(BuildContext context) {
    Objects.requireNonNull(context, "context == null");
    return new ImageFixture(context, Optional.empty(), Map.of(), Optional.empty(), false,
        ImageFixture::printLine, Duration.ofMinutes(10));
  }

  /**
   * A fixture of a Dockerfile model with an empty build context.
   *
   * @param dockerfile the Dockerfile
   * @return the fixture
   */
  public static ImageFixture of(Dockerfile dockerfile) {
    return of(BuildContext.of(Objects.requireNonNull(dockerfile, "dockerfile == null")));
  }

  private static void printLine(String line) {
    System.out.println("[image build] " + line);
  }

  /**
   * Returns a copy with this tag ({@code repository:tag}); without one a tag in {@link
   * #GENERATED_REPOSITORY} is generated for each build.
   *
   * @param newTag the tag
   * @return the new fixture
   */
  public ImageFixture withTag(String newTag) {
    Objects.requireNonNull(newTag, "tag == null");
    if (newTag.isBlank() || newTag.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("tag '" + newTag + "' is empty or contains white space");
    }
    return new ImageFixture(context, Optional.of(newTag), buildArgs, target, keep, log, timeout);
  }

  /**
   * Returns a copy with one more build argument ({@code --build-arg name=value}).
   *
   * @param name the ARG name
   * @param value the value
   * @return the new fixture
   */
  public ImageFixture withBuildArg(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (name.isEmpty() || name.contains("=")) {
      throw new IllegalArgumentException("build argument name '" + name + "' is empty or contains '='");
    }
    Map<String, String> args = new LinkedHashMap<>(buildArgs);
    args.put(name, value);
    return new ImageFixture(context, tag, args, target, keep, log, timeout);
  }

  /**
   * Returns a copy that builds this stage ({@code --target}).
   *
   * @param stage the stage name
   * @return the new fixture
   */
  public ImageFixture withTarget(String stage) {
    Objects.requireNonNull(stage, "stage == null");
    return new ImageFixture(context, tag, buildArgs, Optional.of(stage), keep, log, timeout);
  }

  /**
   * Returns a copy whose image is kept (not removed) when the built image is closed, for
   * looking at it after a test.
   *
   * @param keepImage true to keep the image
   * @return the new fixture
   */
  public ImageFixture withKeep(boolean keepImage) {
    return new ImageFixture(context, tag, buildArgs, target, keepImage, log, timeout);
  }

  /**
   * Returns a copy that sends each line of the build log here (by default to standard output,
   * prefixed with {@code [image build]}).
   *
   * @param logConsumer the consumer of log lines
   * @return the new fixture
   */
  public ImageFixture withLogConsumer(Consumer<String> logConsumer) {
    Objects.requireNonNull(logConsumer, "logConsumer == null");
    return new ImageFixture(context, tag, buildArgs, target, keep, logConsumer, timeout);
  }

  /**
   * Returns a copy with this build timeout (10 minutes by default).
   *
   * @param buildTimeout the timeout
   * @return the new fixture
   */
  public ImageFixture withTimeout(Duration buildTimeout) {
    Objects.requireNonNull(buildTimeout, "timeout == null");
    if (buildTimeout.isNegative() || buildTimeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + buildTimeout);
    }
    return new ImageFixture(context, tag, buildArgs, target, keep, log, buildTimeout);
  }

  /**
   * Returns the build context.
   *
   * @return the context
   */
  public BuildContext context() {
    return context;
  }

  /**
   * Returns the tag, if one was set.
   *
   * @return the tag
   */
  public Optional<String> tag() {
    return tag;
  }

  /**
   * Returns the build arguments, in the order they were added.
   *
   * @return the build arguments
   */
  public Map<String, String> buildArgs() {
    return buildArgs;
  }

  /**
   * Returns the target stage, if one was set.
   *
   * @return the target
   */
  public Optional<String> target() {
    return target;
  }

  /**
   * Returns whether the image is kept after use.
   *
   * @return true to keep it
   */
  public boolean keep() {
    return keep;
  }

  /**
   * Builds the image through Testcontainers' Docker client, streaming the build log.
   *
   * @return the built image; close it to remove the image (unless kept)
   * @throws ImageFixtureException if the build fails or times out, with the log's last lines
   * @throws IllegalStateException if no Docker API is available
   */
  public BuiltImage build() {
    DockerClient client = DockerClientFactory.instance().client();
    String name = tag.orElseGet(ImageFixture::generatedTag);
    Deque<String> tail = new ArrayDeque<>();
    Consumer<String> lines = line -> {
      if (tail.size() == ImageBuild.LOG_TAIL_LINES) {
        tail.removeFirst();
      }
      tail.addLast(line);
      log.accept(line);
    };
    StringBuilder partial = new StringBuilder();
    BuildImageCmd cmd = client.buildImageCmd(new ByteArrayInputStream(context.toTar()))
        .withTags(Set.of(name))
        .withPull(false)
        .withRemove(true)
        .withForcerm(true);
    target.ifPresent(cmd::withTarget);
    buildArgs.forEach(cmd::withBuildArg);
    BuildImageResultCallback callback = new BuildImageResultCallback() {
      @Override
      public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
          partial.append(item.getStream());
          int nl;
          while ((nl = partial.indexOf("\n")) >= 0) {
            lines.accept(partial.substring(0, nl));
            partial.delete(0, nl + 1);
          }
        }
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
          lines.accept(item.getErrorDetail().getMessage());
        }
        super.onNext(item);
      }
    };
    String command = "docker-api build -t " + name + target.map(t -> " --target " + t).orElse("");
    try {
      cmd.exec(callback);
      callback.awaitImageId(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      if (partial.length() > 0) {
        lines.accept(partial.toString());
      }
      throw new ImageFixtureException(command + " failed: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), tail, e);
    }
    String id = client.inspectImageCmd(name).exec().getId();
    return new BuiltImage(id.startsWith("sha256:") ? id.substring(7) : id, name, keep, model(),
        target);
  }

  /**
   * Builds the same context with a command line tool through {@link ImageBuild} (buildah or
   * podman where there is no Docker API), with this fixture's tag, build arguments, target,
   * log consumer and timeout.
   *
   * @param builder the tool
   * @param options more options for the tool, after {@code build}/{@code bud}
   * @return the image id (64 hex digits)
   * @throws io.github.dockerfiledsl.build.ImageBuildException if the build fails
   */
  public String buildWith(Builder builder, String... options) {
    ImageBuild build = ImageBuild.of(context).builder(builder).timeout(timeout).options(options);
    if (tag.isPresent()) {
      build = build.tag(tag.get());
    }
    if (target.isPresent()) {
      build = build.target(target.get());
    }
    for (Map.Entry<String, String> e : buildArgs.entrySet()) {
      build = build.buildArg(e.getKey(), e.getValue());
    }
    return build.run(log);
  }

  Optional<Dockerfile> model() {
    try {
      return Optional.of(Dockerfile.parse(context.dockerfile()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String generatedTag() {
    return GENERATED_REPOSITORY + ":" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 16).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ImageFixture[" + tag.orElse("(generated tag)") + target.map(t -> ", target " + t).orElse("")
        + (buildArgs.isEmpty() ? "" : ", build args " + buildArgs.keySet()) + (keep ? ", kept" : "") + "]";
  }
}
