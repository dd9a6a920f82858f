package io.github.dockerfiledsl.testing;

import static io.github.dockerfiledsl.testing.DockerfileAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.lint.Severity;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Dockerfile model assertion passes on the Dockerfile it describes and fails on a wrong one
 * with a message that quotes the Dockerfile lines, numbered as rendered.
 */
class DockerfileAssertTest {
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);

  static final Dockerfile GOOD = Dockerfile.parse("""
      FROM golang:1.22@%s AS build
      RUN go build -o /out/app .

      FROM debian:bookworm-slim@%s AS runtime
      COPY --from=build /out/app /app
      LABEL org.opencontainers.image.source=https://example.com/app org.opencontainers.image.version=1.0
      ENV MODE=prod
      EXPOSE 8080 53/udp
      USER 65532:65532
      ENTRYPOINT ["/app"]
      CMD ["serve"]
      """.formatted(D1, D2));

  static final Dockerfile WRONG = Dockerfile.parse("""
      FROM golang:latest AS build
      RUN go build -o /out/app .
      RUN go vet ./...

      FROM build AS test
      RUN go test ./...

      FROM debian:bookworm-slim
      COPY --from=build /out/app /app
      LABEL org.opencontainers.image.source=other
      EXPOSE 9090
      USER root
      ENTRYPOINT /app
      CMD serve
      """);

  static Stream<Arguments> assertions() {
    return Stream.of(
        c("hasStageCount", a -> a.hasStageCount(2), """
            Expecting 2 stage(s) but found 3:
              line 1: FROM golang:latest AS build
              line 5: FROM build AS test
              line 8: FROM debian:bookworm-slim"""),
        c("hasStages", a -> a.hasStages("build", "runtime"), """
            Expecting stages [runtime] but the stages are [build, test, #2]:
              line 1: FROM golang:latest AS build
              line 5: FROM build AS test
              line 8: FROM debian:bookworm-slim"""),
        c("forTarget", a -> a.forTarget("runtime"), """
            Expecting a stage named 'runtime' to use as target, but the stages are [build, test, #2]:
              line 1: FROM golang:latest AS build
              line 5: FROM build AS test
              line 8: FROM debian:bookworm-slim"""),
        c("hasBaseImage", a -> a.hasBaseImage("debian:bookworm-slim@" + D2), """
            Expecting the image of the final stage to be based on debian:bookworm-slim@%s \
            but it is based on debian:bookworm-slim:
              line 8: FROM debian:bookworm-slim""".formatted(D2)),
        c("hasBaseImagesPinnedByDigest", AbstractDockerfileAssert::hasBaseImagesPinnedByDigest, """
            Expecting every base image to be pinned by digest, but 2 is not:
              line 1: FROM golang:latest AS build
              line 8: FROM debian:bookworm-slim"""),
        c("hasNoLatestBaseImage", AbstractDockerfileAssert::hasNoLatestBaseImage, """
            Expecting no base image to be 'latest' (tagged so, or untagged), but found:
              line 1: FROM golang:latest AS build"""),
        c("hasFinalUserNotRoot", AbstractDockerfileAssert::hasFinalUserNotRoot, """
            Expecting the image of the final stage not to run as root, but its last USER is root:
              line 12: USER root"""),
        c("hasFinalUser", a -> a.hasFinalUser("65532:65532"), """
            Expecting the image of the final stage to run as '65532:65532' but its last USER is 'root':
              line 12: USER root"""),
        c("exposesPort", a -> a.exposesPort(8080).exposesPort("53/udp"), """
            Expecting the image of the final stage to expose port 8080/tcp but it exposes only [9090/tcp]:
              line 11: EXPOSE 9090"""),
        c("hasEntrypointInExecForm", AbstractDockerfileAssert::hasEntrypointInExecForm, """
            Expecting the ENTRYPOINT of the final stage to be in exec form (["executable", "arg"]), \
            but it is in shell form:
              line 13: ENTRYPOINT /app"""),
        c("hasCmdInExecForm", AbstractDockerfileAssert::hasCmdInExecForm, """
            Expecting the CMD of the final stage to be in exec form (["executable", "arg"]), \
            but it is in shell form:
              line 14: CMD serve"""),
        c("hasEntrypoint", a -> a.hasEntrypoint("/app"), """
            Expecting the ENTRYPOINT of the final stage to be [/app] but it is:
              line 13: ENTRYPOINT /app"""),
        c("hasCmd", a -> a.hasCmd("serve"), """
            Expecting the CMD of the final stage to be [serve] but it is:
              line 14: CMD serve"""),
        c("hasLabel with value", a -> a.hasLabel("org.opencontainers.image.source", "https://example.com/app"), """
            Expecting the label 'org.opencontainers.image.source' of the final stage to be \
            'https://example.com/app' but it is 'other':
              line 10: LABEL org.opencontainers.image.source=other"""),
        c("hasLabel", a -> a.hasLabel("org.opencontainers.image.version"), """
            Expecting the image of the final stage to have the label 'org.opencontainers.image.version' \
            but it has [org.opencontainers.image.source]:
              line 10: LABEL org.opencontainers.image.source=other"""),
        c("hasEnv", a -> a.hasEnv("MODE", "prod"), """
            Expecting the image of the final stage to have the environment variable 'MODE' = 'prod' but it has []:
              (none)"""),
        c("hasRunLayerCount", a -> a.forTarget("build").hasRunLayerCount(1), """
            Expecting 1 RUN layer(s) in the image of stage 'build' but found 2:
              line 2: RUN go build -o /out/app .
              line 3: RUN go vet ./..."""),
        c("hasAtMostRunLayers", a -> a.forTarget("build").hasAtMostRunLayers(1), """
            Expecting at most 1 RUN layer(s) in the image of stage 'build' but found 2:
              line 2: RUN go build -o /out/app .
              line 3: RUN go vet ./..."""));
  }

  private static Arguments c(String name, Consumer<DockerfileAssert> assertion, String message) {
    return Arguments.of(name, assertion, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assertions")
  void passesOnTheRightDockerfileAndFailsReadablyOnTheWrongOne(String name, Consumer<DockerfileAssert> assertion,
      String message) {
    assertion.accept(assertThat(GOOD));
    assertThatThrownBy(() -> assertion.accept(assertThat(WRONG)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(message);
  }

  @Test
  void lintFindingsAreListedWithTheirLines() {
    assertThat(GOOD).hasNoLintFindingAtOrAbove(Severity.INFO);
    assertThatThrownBy(() -> assertThat(WRONG).hasNoLintFindingAtOrAbove(Severity.WARNING))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting no lint finding at or above warning but found ")
        .hasMessageContaining("\n    line 1: FROM golang:latest AS build")
        .hasMessageContaining("\n    line 13: ENTRYPOINT /app");
  }

  @Test
  void aStageBuiltOnAnotherInheritsItsInstructions() {
    Dockerfile d = Dockerfile.parse("""
        FROM debian:bookworm-slim@%s AS base
        USER app
        EXPOSE 8080

        FROM base AS test
        RUN make test
        """.formatted(D2));
    assertThat(d).hasFinalUserNotRoot().hasFinalUser("app").exposesPort(8080)
        .hasBaseImage("debian:bookworm-slim@" + D2).hasRunLayerCount(1);
    assertThatThrownBy(() -> assertThat(d).hasCmdInExecForm())
        .hasMessage("""
            Expecting the image of stage 'test' to have a CMD in exec form, but it has no CMD:
              line 5: FROM base AS test""");
  }

  @Test
  void missingUserOrEntrypointPointsAtTheStage() {
    Dockerfile d = Dockerfile.from("busybox:1.36").cmd(Exec.of("sh")).build();
    assertThatThrownBy(() -> assertThat(d).hasFinalUserNotRoot())
        .hasMessage("""
            Expecting the image of the final stage not to run as root, but it has no USER instruction \
            (the base image's user applies, root for most images):
              line 1: FROM busybox:1.36""");
    assertThatThrownBy(() -> assertThat(d).hasEntrypointInExecForm())
        .hasMessage("""
            Expecting the image of the final stage to have an ENTRYPOINT in exec form, but it has no ENTRYPOINT:
              line 1: FROM busybox:1.36""");
    assertThatThrownBy(() -> assertThat(d).exposesPort(80))
        .hasMessage("""
            Expecting the image of the final stage to expose port 80/tcp but it exposes no port:
              line 1: FROM busybox:1.36""");
  }

  @Test
  void descriptionPrefixesTheMessage() {
    assertThatThrownBy(() -> assertThat(WRONG).as("web image").hasFinalUserNotRoot())
        .hasMessageStartingWith("[web image] Expecting the image of the final stage not to run as root");
  }

  @Test
  void nullDockerfileFailsLikeAssertJ() {
    assertThatThrownBy(() -> assertThat((Dockerfile) null).exposesPort(80))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void softAssertionsCollectEveryFailureAndKeepTheSelfType() {
    DockerfileSoftAssertions softly = new DockerfileSoftAssertions();
    DockerfileAssert chained = softly.assertThat(WRONG).hasFinalUserNotRoot().exposesPort(8080)
        .hasNoLatestBaseImage();
    assertThat(chained).isNotNull();
    softly.assertThat(GOOD).hasFinalUserNotRoot().exposesPort(8080);
    assertThat(softly.errorsCollected()).hasSize(3);
    assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("line 12: USER root")
        .hasMessageContaining("line 11: EXPOSE 9090")
        .hasMessageContaining("line 1: FROM golang:latest AS build");
  }

  @Test
  void assertSoftlyReportsAllAtTheEnd() {
    assertThatThrownBy(() -> DockerfileSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(WRONG).hasCmdInExecForm();
      softly.assertThat(WRONG).hasEntrypointInExecForm();
    })).hasMessageContaining("line 14: CMD serve").hasMessageContaining("line 13: ENTRYPOINT /app");
  }
}
