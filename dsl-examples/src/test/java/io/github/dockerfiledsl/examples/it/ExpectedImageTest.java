package io.github.dockerfiledsl.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The expectation rules themselves, without buildah (ExampleImagesTest checks them against it). */
class ExpectedImageTest {

  private static final ImageConfig BASE_CONFIG = new ImageConfig(List.of("A=1", "PATH=/bin"),
      List.of(), List.of("sh"), "", "", new TreeSet<>(), new TreeSet<>(),
      new TreeMap<>(Map.of("io.buildah.version", "1.28.2", "base", "yes")), null, "");

  private static ExpectedImage expect(Dockerfile model) {
    return ExpectedImage.of(model, image -> new ExpectedImage.Base(BASE_CONFIG, 2));
  }

  @Test
  void layersAreBaseLayersPlusRunCopyAndAdd() {
    ExpectedImage e = expect(Dockerfile.of(Stage.of(FromInstruction.of("busybox:latest"), List.of(
        EnvInstruction.of("B", "2"),
        RunInstruction.shell("true"),
        WorkdirInstruction.of("/w"),
        CopyInstruction.of("a", "b"),
        LabelInstruction.of("x", "y")))));

    assertThat(e.addedLayers()).isEqualTo(2);
    assertThat(e.layers()).isEqualTo(4);
  }

  @Test
  void appliesConfigurationOnTopOfTheBase() {
    ImageConfig c = expect(Dockerfile.of(Stage.of(FromInstruction.of("busybox:latest"), List.of(
        EnvInstruction.of("A", "2"),
        WorkdirInstruction.of("/srv"),
        WorkdirInstruction.of("app"),
        ExposeInstruction.of(80),
        new ExposeInstruction(List.of("53/udp")),
        HealthcheckInstruction.of(Shell.of("true"))))))
        .config();

    assertThat(c.env()).containsExactly("A=2", "PATH=/bin");
    assertThat(c.workingDir()).isEqualTo("/srv/app");
    assertThat(c.exposedPorts()).containsExactly("53/udp", "80/tcp");
    assertThat(c.labels()).containsExactly(Map.entry("base", "yes"));
    assertThat(c.cmd()).containsExactly("sh");
    assertThat(c.healthcheck()).isEqualTo(new ImageConfig.Healthcheck(
        List.of("CMD-SHELL", "true"), Duration.ZERO, Duration.ZERO, Duration.ZERO, 0));
  }

  @Test
  void entrypointResetsTheInheritedCmdAndShellFormUsesTheShell() {
    ImageConfig c = expect(Dockerfile.of(Stage.of(FromInstruction.of("busybox:latest"), List.of(
        EntrypointInstruction.of(Shell.of("exec server"))))))
        .config();

    assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c", "exec server");
    assertThat(c.cmd()).isEmpty();
  }

  @Test
  void laterStageStartsFromTheEarlierStageItNames() {
    Stage first = Stage.of(FromInstruction.of("busybox:latest").withName("first"), List.of(
        RunInstruction.shell("true"), EnvInstruction.of("S", "1")));
    Stage second = Stage.of(FromInstruction.of("first"), List.of(
        RunInstruction.shell("true"), CmdInstruction.of(Exec.of("x"))));

    ExpectedImage e = expect(Dockerfile.of(first, second));

    assertThat(e.layers()).isEqualTo(4);
    assertThat(e.config().env()).containsExactly("A=1", "PATH=/bin", "S=1");
    assertThat(e.config().cmd()).containsExactly("x");
  }

  @Test
  void rejectsVariableReferencesItCannotExpand() {
    Dockerfile model = Dockerfile.of(Stage.of(FromInstruction.of("busybox:latest"), List.of(
        EnvInstruction.of("P", "$HOME/bin"))));

    assertThatThrownBy(() -> expect(model))
        .hasMessage("ENV P value ($HOME/bin) has a variable reference, which this expectation"
            + " does not expand");
  }
}
