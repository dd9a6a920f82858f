package io.github.dockerfiledsl.testing;

import static io.github.dockerfiledsl.testing.DockerfileAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dockerfiledsl.build.BuildContext;
import io.github.dockerfiledsl.build.Builder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/** Builds fixtures through Testcontainers' Docker client and starts them. */
@ImageTest
class ImageFixtureTest {

  private static boolean imageExists(String name) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void buildsStreamsTheLogAndRemovesTheImageOnClose() {
    List<String> log = new ArrayList<>();
    ImageFixture fixture = ImageFixture.of(BuildContext.of(
            "FROM busybox:latest\nRUN echo built-marker-42 > /marker\nCMD [\"cat\", \"/marker\"]\n"))
        .withLogConsumer(log::add);
    String name;
    try (BuiltImage image = fixture.build()) {
      name = image.name();
      assertThat(name).startsWith(ImageFixture.GENERATED_REPOSITORY + ":");
      assertThat(image.id()).matches("[0-9a-f]{64}");
      assertThat(imageExists(name)).isTrue();
      assertThat(log).anyMatch(l -> l.contains("built-marker-42"));
      assertThat(image.run("cat", "/marker"))
          .isEqualTo(new CommandResult(List.of("cat", "/marker"), 0, "built-marker-42\n", ""));
    }
    assertThat(imageExists(name)).isFalse();
  }

  @Test
  void keptImageSurvivesClose() {
    String tag = "localhost/dockerfile-dsl-fixture-test:kept";
    ImageFixture fixture = ImageFixture.of(BuildContext.of("FROM busybox:latest\nLABEL kept=yes\n"))
        .withTag(tag).withKeep(true).withLogConsumer(l -> { });
    try (BuiltImage image = fixture.build()) {
      assertThat(image.name()).isEqualTo(tag);
    }
    assertThat(imageExists(tag)).isTrue();
    BuiltImage.existing(tag).close(); // existing images are never removed by close
    assertThat(imageExists(tag)).isTrue();
    DockerClientFactory.instance().client().removeImageCmd(tag).withForce(true).exec();
    assertThat(imageExists(tag)).isFalse();
  }

  @Test
  void buildArgsAndTargetReachTheBuild() {
    String dockerfile = """
        FROM busybox:latest AS first
        ARG GREETING=unset
        RUN echo "first $GREETING" > /which
        FROM busybox:latest AS second
        RUN echo second > /which
        """;
    ImageFixture fixture = ImageFixture.of(BuildContext.of(dockerfile))
        .withBuildArg("GREETING", "hello world").withTarget("first").withLogConsumer(l -> { });
    try (BuiltImage image = fixture.build()) {
      assertThat(image).hasFileWithContent("/which", "first hello world\n");
      assertThat(image.target()).contains("first");
    }
  }

  @Test
  void failedBuildShowsTheEngineErrorAndTheLogTail() {
    ImageFixture fixture = ImageFixture.of(BuildContext.of(
            "FROM busybox:latest\nRUN echo boom-marker && exit 3\n"))
        .withLogConsumer(l -> { });
    assertThatThrownBy(fixture::build)
        .isInstanceOf(ImageFixtureException.class)
        .hasMessageContaining("failed")
        .hasMessageContaining("boom-marker")
        .satisfies(e -> assertThat(((ImageFixtureException) e).logTail())
            .anyMatch(l -> l.contains("boom-marker")));
  }

  @Test
  void genericContainerStartsTheBuiltImage() {
    ImageFixture fixture = ImageFixture.of(BuildContext.builder()
            .dockerfile("FROM busybox:latest\nCOPY hello.sh /hello.sh\nCMD [\"/hello.sh\"]\n")
            .addExecutable("hello.sh", "#!/bin/sh\necho \"hello from $(id -un)\"\n")
            .build())
        .withLogConsumer(l -> { });
    try (BuiltImage image = fixture.build();
        GenericContainer<?> container = image.container()
            .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      container.start();
      assertThat(container.getLogs()).isEqualTo("hello from root\n");
    }
  }

  @Test
  void longRunningContainerAnswersExec() throws Exception {
    ImageFixture fixture = ImageFixture.of(BuildContext.of(
            "FROM busybox:latest\nENV APP_MODE=test\nCMD [\"sleep\", \"600\"]\n"))
        .withLogConsumer(l -> { });
    try (BuiltImage image = fixture.build(); GenericContainer<?> container = image.container()) {
      container.start();
      assertThat(container.isRunning()).isTrue();
      assertThat(container.execInContainer("sh", "-c", "echo $APP_MODE").getStdout()).isEqualTo("test\n");
    }
  }

  @Test
  void buildWithBuildahPassesTagBuildArgsAndTarget() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Builder.BUILDAH.isInstalled()
        || Boolean.getBoolean("buildah.required"), "buildah is not installed");
    String tag = "localhost/dockerfile-dsl-fixture-test:buildah";
    List<String> log = new ArrayList<>();
    ImageFixture fixture = ImageFixture.of(BuildContext.of("""
            FROM busybox:latest AS first
            ARG V=unset
            LABEL v=$V
            FROM first AS second
            LABEL stage=second
            """))
        .withTag(tag).withBuildArg("V", "42").withTarget("first").withLogConsumer(log::add);
    // the store the buildah tests of dsl-examples use: the default one with vfs, or the one
    // CONTAINERS_STORAGE_CONF names
    List<String> store = System.getenv("CONTAINERS_STORAGE_CONF") == null
        ? List.of("--storage-driver", "vfs") : List.of();
    List<String> options = new ArrayList<>(store);
    options.addAll(List.of("--isolation", "chroot", "--pull=never", "--format", "docker"));
    String id = fixture.buildWith(Builder.BUILDAH, options.toArray(String[]::new));
    try {
      assertThat(id).matches("[0-9a-f]{64}");
      assertThat(log).anyMatch(l -> l.contains("LABEL v=$V"));
      List<String> inspect = new ArrayList<>(List.of("buildah"));
      inspect.addAll(store);
      inspect.addAll(List.of("inspect", "--type", "image", "--format",
          "{{.FromImageID}} {{index .Docker.Config.Labels \"v\"}} {{index .Docker.Config.Labels \"stage\"}}", tag));
      Process p = new ProcessBuilder(inspect).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(out).isEqualTo(id + " 42"); // the label of stage second is absent: the target was built
    } finally {
      List<String> rmi = new ArrayList<>(List.of("buildah"));
      rmi.addAll(store);
      rmi.addAll(List.of("rmi", "-f", tag));
      new ProcessBuilder(rmi).redirectErrorStream(true).start().waitFor();
    }
  }
}
