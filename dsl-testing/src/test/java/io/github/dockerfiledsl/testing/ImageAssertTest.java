package io.github.dockerfiledsl.testing;

import static io.github.dockerfiledsl.testing.DockerfileAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.build.BuildContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image assertion, on a real image built through Testcontainers: it passes on the image
 * it describes and fails, with a message that names the values and quotes the Dockerfile, on a
 * wrong image.
 */
@ImageTest
class ImageAssertTest {
  private static final String RUN_SH = """
      #!/bin/sh
      case "$1" in
        serve) echo serving ;;
        health) exit 0 ;;
        *) echo "unknown: $1" >&2; exit 7 ;;
      esac
      """;

  private static final String WRONG_RUN_SH = """
      #!/bin/sh
      case "$1" in
        serve) echo serving ;;
        health) echo unhealthy >&2; exit 1 ;;
        *) echo "usage: run.sh serve|health" >&2; exit 3 ;;
      esac
      """;

  static final Dockerfile GOOD_DOCKERFILE = Dockerfile.parse("""
      FROM busybox:latest
      ENV APP_HOME=/srv/app
      WORKDIR /srv/app
      COPY run.sh /srv/app/run.sh
      RUN chown nobody:nogroup /srv/app/run.sh && chmod 0750 /srv/app/run.sh \\
       && printf 'config=1\\n' > /srv/app/app.conf && chmod 0640 /srv/app/app.conf \\
       && echo 1.0 > /srv/app/VERSION && mkdir /srv/app/data
      LABEL org.opencontainers.image.title=demo
      EXPOSE 8080 53/udp
      HEALTHCHECK CMD ["/srv/app/run.sh", "health"]
      USER nobody
      ENTRYPOINT ["/srv/app/run.sh"]
      CMD ["serve"]
      """);

  static final Dockerfile WRONG_DOCKERFILE = Dockerfile.parse("""
      FROM busybox:latest
      ENV APP_HOME=/opt/other
      WORKDIR /opt
      COPY run.sh /srv/app/run.sh
      RUN printf 'config=2\\n' > /srv/app/app.conf && mkdir /srv/app/data.d
      RUN touch /srv/app/leftover.tmp && dd if=/dev/zero of=/srv/app/blob bs=1024 count=2048 2>/dev/null
      LABEL org.opencontainers.image.title=other
      EXPOSE 9090
      ENTRYPOINT ["/bin/sh", "/srv/app/run.sh"]
      CMD ["fail"]
      """);

  @TestImage
  static final ImageFixture GOOD = fixture(GOOD_DOCKERFILE, RUN_SH);

  @TestImage
  static final ImageFixture WRONG = fixture(WRONG_DOCKERFILE, WRONG_RUN_SH);

  private static ImageFixture fixture(Dockerfile dockerfile, String runSh) {
    return ImageFixture.of(BuildContext.builder().dockerfile(dockerfile).addExecutable("run.sh", runSh).build())
        .withLogConsumer(l -> { });
  }

  /** An assertion, what the good image satisfies, and what its failure on the wrong image says. */
  static Stream<Arguments> assertions() {
    return Stream.of(
        c("hasEnv", a -> a.hasEnv("APP_HOME", "/srv/app"),
            "Expecting the environment variable APP_HOME of image %s to be '/srv/app' but it is '/opt/other'",
            "set in the Dockerfile at\n  line 2: ENV APP_HOME=/opt/other"),
        c("hasUser", a -> a.hasUser("nobody"),
            "Expecting image %s to run as 'nobody' but its user is '' (root)",
            "the Dockerfile sets none; its stage starts at\n  line 1: FROM busybox:latest"),
        c("hasNonRootUser", ImageAssert::hasNonRootUser,
            "Expecting image %s not to run as root but its user is ''"),
        c("hasWorkdir", a -> a.hasWorkdir("/srv/app"),
            "Expecting image %s to have the working directory '/srv/app' but it is '/opt'",
            "line 3: WORKDIR /opt"),
        c("hasEntrypoint", a -> a.hasEntrypoint("/srv/app/run.sh"),
            "Expecting image %s to have the entrypoint [/srv/app/run.sh] but it is [/bin/sh, /srv/app/run.sh]",
            "line 9: ENTRYPOINT [\"/bin/sh\", \"/srv/app/run.sh\"]"),
        c("hasCmd", a -> a.hasCmd("serve"),
            "Expecting image %s to have the cmd [serve] but it is [fail]", "line 10: CMD [\"fail\"]"),
        c("exposesPort", a -> a.exposesPort(8080).exposesPort("53/udp"),
            "Expecting image %s to expose port 8080/tcp but it exposes [9090/tcp]", "line 8: EXPOSE 9090"),
        c("hasLabel", a -> a.hasLabel("org.opencontainers.image.title", "demo"),
            "Expecting the label org.opencontainers.image.title of image %s to be 'demo' but it is 'other'",
            "line 7: LABEL org.opencontainers.image.title=other"),
        c("hasHealthcheck", a -> a.hasHealthcheck("CMD", "/srv/app/run.sh", "health"),
            "Expecting image %s to have the healthcheck [CMD, /srv/app/run.sh, health] but it has none",
            "the Dockerfile sets none"),
        c("hasLayerCount", a -> a.hasLayerCount(3),
            "Expecting image %s to have 3 layers but it has ", "line 4: COPY run.sh /srv/app/run.sh"),
        c("hasAtMostLayers", a -> a.hasAtMostLayers(3),
            "Expecting image %s to have at most 3 layers but it has "),
        c("hasSizeAtMost", a -> a.hasSizeAtMost(3_000_000),
            "Expecting image %s to be at most 3000000 bytes but it is ", "over the budget"),
        c("hasFile", a -> a.hasFile("/srv/app/run.sh").hasFile("/srv/app/VERSION"),
            "Expecting image %s to have the file /srv/app/VERSION but it does not exist"),
        c("hasDirectory", a -> a.hasDirectory("/srv/app").hasDirectory("/srv/app/data"),
            "Expecting image %s to have the directory /srv/app/data but it does not exist"),
        c("doesNotHavePath", a -> a.doesNotHavePath("/srv/app/leftover.tmp"),
            "Expecting image %s not to have /srv/app/leftover.tmp but it has it: a file, mode 0644, owner root:root"),
        c("hasPathWithMode", a -> a.hasPathWithMode("/srv/app/run.sh", 0750),
            "Expecting /srv/app/run.sh in image %s to have mode 0750 but it has 0755"),
        c("hasPathOwnedBy", a -> a.hasPathOwnedBy("/srv/app/run.sh", "nobody:nogroup"),
            "Expecting /srv/app/run.sh in image %s to be owned by nobody:nogroup but it is owned by root:root (0:0)"),
        c("hasFileWithContent", a -> a.hasFileWithContent("/srv/app/app.conf", "config=1\n"),
            "Expecting /srv/app/app.conf in image %s to contain exactly:\n  \"config=1\\n\"\n"
                + "but it contains:\n  \"config=2\\n\""),
        c("hasFileContaining", a -> a.hasFileContaining("/srv/app/app.conf", "config=1"),
            "Expecting /srv/app/app.conf in image %s to contain:\n  \"config=1\""),
        c("commandSucceeds", a -> a.commandSucceeds("/srv/app/run.sh", "health"),
            "Expecting [/srv/app/run.sh, health] in image %s to exit with 0 but got exit code 1\n"
                + "stdout:\n  \"\"\nstderr:\n  \"unhealthy\\n\""),
        c("commandExitsWith", a -> a.commandExitsWith(7, "/srv/app/run.sh", "nope"),
            "Expecting [/srv/app/run.sh, nope] in image %s to exit with 7 but got exit code 3"),
        c("commandPrints", a -> a.commandPrints("nobody\n", "id", "-un"),
            "Expecting [id, -un] in image %s to exit with 0 and print\n  \"nobody\\n\"\n"
                + "but got exit code 0\nstdout:\n  \"root\\n\"\nstderr:\n  \"\""),
        c("commandOutputContains", a -> a.commandOutputContains("unknown: nope", "/srv/app/run.sh", "nope"),
            "Expecting the output of [/srv/app/run.sh, nope] in image %s to contain\n  \"unknown: nope\"\n"
                + "but got exit code 3\nstdout:\n  \"\"\nstderr:\n  \"usage: run.sh serve|health\\n\""));
  }

  private static Arguments c(String name, Consumer<ImageAssert> assertion, String... messageParts) {
    return Arguments.of(name, assertion, List.of(messageParts));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assertions")
  void passesOnTheRightImageAndFailsReadablyOnTheWrongOne(String name, Consumer<ImageAssert> assertion,
      List<String> messageParts, @TestImage("GOOD") BuiltImage good, @TestImage("WRONG") BuiltImage wrong) {
    assertion.accept(assertThat(good));
    assertThatThrownBy(() -> assertion.accept(assertThat(wrong)))
        .isInstanceOf(AssertionError.class)
        .satisfies(e -> {
          for (String part : messageParts) {
            assertThat(e.getMessage()).contains(part.replace("%s", wrong.name()));
          }
        });
  }

  @Test
  void missingEnvironmentVariableListsTheOthers(@TestImage("WRONG") BuiltImage wrong) {
    assertThatThrownBy(() -> assertThat(wrong).hasEnv("MISSING", "x"))
        .hasMessage("Expecting image " + wrong.name() + " to have the environment variable MISSING=x but it has only"
            + " [PATH, APP_HOME]\nset in the Dockerfile at\n  line 2: ENV APP_HOME=/opt/other");
  }

  @Test
  void missingFileIsNamedWithTheInstructionsThatWriteFiles(@TestImage("WRONG") BuiltImage wrong) {
    assertThatThrownBy(() -> assertThat(wrong).hasFile("/srv/app/missing"))
        .hasMessageStartingWith("Expecting image " + wrong.name() + " to have the file /srv/app/missing"
            + " but it does not exist\nset in the Dockerfile at\n  line 4: COPY run.sh /srv/app/run.sh\n"
            + "  line 5: RUN printf 'config=2\\n' > /srv/app/app.conf && mkdir /srv/app/data.d\n"
            + "  line 6: RUN touch /srv/app/leftover.tmp");
    assertThatThrownBy(() -> assertThat(wrong).hasDirectory("/srv/app/app.conf"))
        .hasMessage("Expecting /srv/app/app.conf in image " + wrong.name() + " to be a directory but it is a file");
  }

  @Test
  void readsFilesWithModeOwnerAndContent(@TestImage("GOOD") BuiltImage good) {
    ImageFile run = good.file("/srv/app/run.sh").orElseThrow();
    assertThat(run.type()).isEqualTo(ImageFile.Type.FILE);
    assertThat(run.octalMode()).isEqualTo("0750");
    assertThat(run.owner() + ":" + run.group()).isEqualTo("nobody:nogroup");
    assertThat(run.uid()).isEqualTo(65534);
    assertThat(run.text()).isEqualTo(RUN_SH);
    assertThat(good.file("/srv/app/data").orElseThrow().type()).isEqualTo(ImageFile.Type.DIRECTORY);
    assertThat(good.file("/srv/app/app.conf").orElseThrow().octalMode()).isEqualTo("0640");
    assertThat(good.file("/nonexistent")).isEmpty();
  }

  @Test
  void softAssertionsCollectEveryFailure(@TestImage("WRONG") BuiltImage wrong) {
    DockerfileSoftAssertions softly = new DockerfileSoftAssertions();
    softly.assertThat(wrong).hasUser("nobody").hasWorkdir("/srv/app").exposesPort(8080);
    softly.assertThat(GOOD_DOCKERFILE).hasFinalUserNotRoot();
    assertThat(softly.errorsCollected()).hasSize(3);
    assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("to run as 'nobody'")
        .hasMessageContaining("working directory '/srv/app'")
        .hasMessageContaining("expose port 8080/tcp");
  }
}
