package io.github.dockerfiledsl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Files BuildKit's parser and instruction parser accept (some of them fail only when the stage is
 * built): the model holds them, {@code fmt} writes text that reads back to the same model and is
 * stable, and {@code parse --json} prints the AST. Examples from the issue and from BuildKit's
 * own tests (dockerfile_test.go, parse_test.go).
 */
class BuildKitAcceptsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // docker/buildx's Dockerfile names a stage twice; BuildKit warns (DuplicateStageName)
      "FROM busybox AS dockerd-release\nRUN true\n\nFROM busybox AS dockerd-release\nRUN false\n"
          + "\nFROM busybox\nCOPY --from=dockerd-release /x /y\n",
      // BuildKit's testCopyEmptyDest-style source: an empty quoted destination
      "FROM busybox\nCOPY testfile ''\n",
      // "--" ends the flags; the command is the rest
      "FROM busybox\nCMD -- --ignored-param1\n",
      "FROM busybox\nENTRYPOINT -- --x\n",
      // mount options given by variables, expanded by BuildKit with ARG and ENV
      "FROM busybox\nARG MNT_TYPE=cache\nRUN --mount=type=$MNT_TYPE,target=/cache true\n",
      "FROM busybox\nARG S=locked\nRUN --mount=type=cache,target=/c,sharing=$S,ro=${RO} true\n",
      "FROM busybox\nENV T=/src\nRUN --mount=target=$T,rw ls\n",
      // a forward COPY --from in a stage the default target never builds
      "FROM busybox AS a\nCOPY --from=b /x /y\n\nFROM busybox AS b\nRUN true\n\nFROM busybox\nRUN true\n",
      // the same in the built stage: BuildKit fails at build time, not when parsing
      "FROM busybox AS a\nCOPY --from=b /x /y\n\nFROM busybox AS b\nRUN true\n",
      "FROM busybox\nCOPY --from=0 /x /y\n",
      "FROM busybox AS a\nRUN --mount=type=bind,from=a,target=/x true\n",
      // an image reference that does not resolve (upper case) parses; the build fails
      "FROM Ubuntu:22.04\nRUN true\n",
      "FROM busybox\nCOPY --from=Not_An:Image /x /y\n",
  })
  void modelHoldsAndFormatsWhatBuildKitParses(String text) {
    Dockerfile d = Dockerfile.parse(text);
    String formatted = d.render();
    Dockerfile again = Dockerfile.parse(formatted);
    assertThat(again).isEqualTo(d);
    assertThat(again.render()).isEqualTo(formatted);
    assertThat(AstJson.line("Dockerfile", text)).startsWith("{");
  }

  @Test
  void mountTypeFromAVariableKeepsItsOptions() {
    Dockerfile d = Dockerfile.parse(
        "FROM busybox\nARG MNT_TYPE=cache\nRUN --mount=type=$MNT_TYPE,target=/cache,id=x true\n");
    assertThat(d.render()).contains("RUN --mount=type=$MNT_TYPE,target=/cache,id=x true");
    RunInstruction run = (RunInstruction) d.stages().get(0).instructions().get(1);
    assertThat(run.mounts()).hasSize(1);
    assertThat(run.mounts().get(0).type()).isEqualTo("$MNT_TYPE");
  }

  @Test
  void cmdAfterDoubleDashRendersTheCommand() {
    assertThat(Dockerfile.parse("FROM busybox\nCMD -- --ignored-param1\n").render())
        .isEqualTo("FROM busybox\nCMD -- --ignored-param1\n");
  }

  @Test
  void mountFromWithAVariableIsRefusedAsByBuildKit() {
    // commands_runmount.go: the stage of a mount is resolved before variables are known
    assertThatThrownBy(() -> Dockerfile.parse(
        "FROM busybox\nARG V=a\nRUN --mount=from=$V,target=/x true\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("'from' doesn't support variable expansion, define alias stage instead");
    assertThatThrownBy(() -> Dockerfile.parse(
        "FROM busybox\nRUN --mount=type=cache,target=/c,from=${V:-x} true\n"))
        .hasMessageContaining("'from' doesn't support variable expansion");
  }

  @Test
  void typedBuilderStillRefusesDuplicatesAndForwardReferences() {
    Dockerfile dup = Dockerfile.parse("FROM a AS x\nRUN y\nFROM b AS x\n");
    assertThat(dup.stages()).hasSize(2);
    Dockerfile fwd = Dockerfile.parse("FROM a AS one\nCOPY --from=two x y\nFROM b AS two\n");
    assertThat(fwd.stages()).hasSize(2);
    assertThat(List.of(dup, fwd)).allSatisfy(d -> assertThatThrownBy(
        () -> io.github.dockerfiledsl.internal.StageGraph.requireValid(d))
        .isInstanceOf(IllegalArgumentException.class));
  }
}
