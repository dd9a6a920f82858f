package io.github.dockerfiledsl.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.build.BuildContext;
import io.github.dockerfiledsl.build.ImageBuildException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link io.github.dockerfiledsl.build.ImageBuild} against a real buildah. */
@ExtendWith(BuildahExtension.class)
class ImageBuildBuildahTest {

  @Test
  void streamsTheLogAndReturnsTheIdOfTheTaggedImage() {
    BuildContext context = BuildContext.of("FROM busybox:latest\nRUN echo streamed-line-42\n");
    List<String> log = new ArrayList<>();

    String id = BuildahSupport.imageBuild(context).tag("localhost/dsl-it-stream:test")
        .options("--no-cache").run(log::add);

    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(log).contains("streamed-line-42");
    assertThat(BuildahSupport.inspect("localhost/dsl-it-stream:test").path("FromImageID")
        .asString()).isEqualTo(id);
  }

  @Test
  void failsWithTheExitCodeAndTheTailOfTheLog() {
    BuildContext context = BuildContext.of(
        "FROM busybox:latest\nRUN echo boom-marker && exit 3\n");

    assertThatThrownBy(() -> BuildahSupport.imageBuild(context).options("--no-cache").run())
        .isInstanceOf(ImageBuildException.class)
        .hasMessageStartingWith("buildah build failed with exit code ")
        .hasMessageContaining("boom-marker")
        .satisfies(e -> {
          ImageBuildException ex = (ImageBuildException) e;
          assertThat(ex.exitCode()).isNotZero();
          assertThat(ex.logTail()).contains("boom-marker");
          assertThat(ex.command()).contains("bud", "--iidfile");
        });
  }

  @Test
  void passesBuildArgumentsAndStopsAtTheTargetStage() {
    BuildContext context = BuildContext.of("""
        FROM busybox:latest AS first
        ARG GREETING=unset
        RUN echo "$GREETING" > /greeting
        LABEL stage=first

        FROM first
        LABEL stage=second
        """);

    String id = BuildahSupport.imageBuild(context).buildArg("GREETING", "hello-arg")
        .target("first").run();

    assertThat(BuildahSupport.config(id).labels()).containsEntry("stage", "first");
    assertThat(BuildahSupport.runIn(id, List.of("cat", "/greeting"))).isEqualTo("hello-arg\n");
  }

  @Test
  void honoursTheGeneratedDockerignoreAndTheExecutableFlag() {
    BuildContext context = BuildContext.builder()
        .dockerfile("""
            FROM busybox:latest
            COPY . /ctx/
            RUN test -e /ctx/keep.txt && test ! -e /ctx/secret.log && test -x /ctx/bin/run.sh \\
                && test ! -x /ctx/keep.txt
            CMD ["/ctx/bin/run.sh"]
            """)
        .addFile("keep.txt", "kept\n")
        .addFile("secret.log", "must not be copied\n")
        .addExecutable("bin/run.sh", "#!/bin/sh\necho run-ok\n")
        .ignore("*.log")
        .build();

    String id = BuildahSupport.imageBuild(context).run();

    assertThat(BuildahSupport.runIn(id, List.of("/ctx/bin/run.sh"))).isEqualTo("run-ok\n");
  }
}
