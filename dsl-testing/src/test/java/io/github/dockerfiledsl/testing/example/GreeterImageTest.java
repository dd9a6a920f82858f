package io.github.dockerfiledsl.testing.example;

import static io.github.dockerfiledsl.testing.DockerfileAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.build.BuildContext;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.testing.BuiltImage;
import io.github.dockerfiledsl.testing.DockerfileSoftAssertions;
import io.github.dockerfiledsl.testing.ImageFixture;
import io.github.dockerfiledsl.testing.ImageTest;
import io.github.dockerfiledsl.testing.TestImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

@ImageTest // skips without a container engine; -Dtestcontainers.required=true makes that a failure
class GreeterImageTest {

  static final Dockerfile DOCKERFILE = Dockerfile.from("busybox:latest")
      .workdir("/srv/greeter")
      .copy("greet.sh", "/srv/greeter/greet.sh")
      .run("echo 'greeter:x:10001:10001::/srv/greeter:/bin/sh' >> /etc/passwd"
          + " && echo 'greeter:x:10001:' >> /etc/group")
      .env("GREETING", "hello")
      .label("org.opencontainers.image.title", "greeter")
      .expose(8080)
      .user("greeter")
      .entrypoint(Exec.of("/srv/greeter/greet.sh"))
      .cmd(Exec.of("world"))
      .build();

  // built once for the class when a test first asks for it, removed after the last test
  @TestImage
  static final ImageFixture GREETER = ImageFixture.of(BuildContext.builder()
      .dockerfile(DOCKERFILE)
      .addExecutable("greet.sh", "#!/bin/sh\necho \"$GREETING, $1\"\n")
      .build());

  @Test
  void dockerfileFollowsTheHouseRules() { // checked on the model, without building
    assertThat(DOCKERFILE)
        .hasFinalUserNotRoot()
        .exposesPort(8080)
        .hasEntrypointInExecForm()
        .hasCmdInExecForm()
        .hasAtMostRunLayers(1)
        .hasNoLintFindingAtOrAbove(Severity.ERROR);
  }

  @Test
  void imageIsConfiguredAsWritten(@TestImage BuiltImage image) {
    DockerfileSoftAssertions.assertSoftly(softly -> softly.assertThat(image)
        .hasUser("greeter")
        .hasEnv("GREETING", "hello")
        .hasWorkdir("/srv/greeter")
        .exposesPort(8080)
        .hasLabel("org.opencontainers.image.title", "greeter")
        .hasPathWithMode("/srv/greeter/greet.sh", 0755)
        .hasPathOwnedBy("/srv/greeter/greet.sh", "root:root")
        .hasFileContaining("/etc/passwd", "greeter:x:10001:")
        .hasAtMostLayers(3)
        .hasSizeAtMost(10_000_000));
  }

  @Test
  void greetsWhomItIsTold(@TestImage BuiltImage image) {
    assertThat(image)
        .commandPrints("hello, tests\n", "/srv/greeter/greet.sh", "tests")
        .commandPrints("greeter\n", "id", "-un");
  }

  @Test
  void startsWithTestcontainers(@TestImage BuiltImage image) {
    try (GenericContainer<?> greeter = image.container()
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      greeter.start();
      assertThat(greeter.getLogs()).isEqualTo("hello, world\n");
    }
  }
}
