package io.github.dockerfiledsl.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageBuildTest {

  private static final BuildContext CONTEXT = BuildContext.of("FROM busybox:latest\n");

  @Test
  void buildsTheCommandLineOfEachTool() {
    ImageBuild build = ImageBuild.of(CONTEXT)
        .tag("localhost/app:test")
        .target("runtime")
        .buildArg("VERSION", "1.2")
        .buildArg("DEBUG", "0")
        .buildArg("VERSION", "1.3")
        .options("--layers", "--pull=never");
    Path dir = Path.of("ctx");
    Path iid = Path.of("iid");

    List<String> cmd = build.command(Builder.BUILDAH, dir, iid);

    assertThat(Path.of(cmd.get(0)).getFileName().toString()).isEqualTo("buildah");
    assertThat(cmd.subList(1, cmd.size())).containsExactly("bud", "--iidfile", "iid",
        "-f", Path.of("ctx", "Dockerfile").toString(), "-t", "localhost/app:test",
        "--target", "runtime", "--build-arg", "VERSION=1.3", "--build-arg", "DEBUG=0",
        "--layers", "--pull=never", "ctx");
    assertThat(build.command(Builder.DOCKER, dir, iid).get(1)).isEqualTo("build");
    assertThat(build.command(Builder.PODMAN, dir, iid).get(1)).isEqualTo("build");
  }

  @Test
  void configurationMethodsReturnNewInstances() {
    ImageBuild base = ImageBuild.of(CONTEXT);
    ImageBuild tagged = base.tag("a:b").builder(Builder.PODMAN).timeout(Duration.ofMinutes(1));

    assertThat(base.tagName()).isEmpty();
    assertThat(base.chosenBuilder()).isEmpty();
    assertThat(tagged.tagName()).contains("a:b");
    assertThat(tagged.chosenBuilder()).contains(Builder.PODMAN);
    assertThat(tagged.context()).isSameAs(CONTEXT);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    ImageBuild base = ImageBuild.of(CONTEXT);
    assertThatThrownBy(() -> base.tag("a b")).hasMessage("tag 'a b' is blank or contains whitespace");
    assertThatThrownBy(() -> base.buildArg("1X", "v"))
        .hasMessage("build argument name '1X' is not a valid name");
    assertThatThrownBy(() -> base.timeout(Duration.ZERO)).hasMessage("timeout (PT0S) must be positive");
    assertThatThrownBy(() -> ImageBuild.of(BuildContext.builder().addFile("a", "b").build()))
        .hasMessage("build context BuildContext[a] has no Dockerfile");
  }

  @Test
  void reportsAToolThatIsNotInstalledWithTheCommand() {
    Builder missing = Arrays.stream(Builder.values()).filter(b -> !b.isInstalled()).findFirst()
        .orElse(null);
    assumeTrue(missing != null, "docker, podman and buildah are all installed here");

    assertThatThrownBy(() -> ImageBuild.of(CONTEXT).builder(missing).run())
        .isInstanceOf(ImageBuildException.class)
        .hasMessageStartingWith(missing.executable() + " could not be started")
        .satisfies(e -> assertThat(((ImageBuildException) e).exitCode()).isEqualTo(-1));
  }
}
