package io.github.dockerfiledsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shell in effect where a RUN is, as merging and lint's fixes look it up. */
class RunChainsTest {

  private static RunInstruction run(Dockerfile d, int stage, int index) {
    return (RunInstruction) d.stages().get(stage).instructions().get(index);
  }

  @Test
  void theShellIsInheritedThroughFromStageWithoutRegardToCase() {
    Dockerfile d = DockerfileParser.parse("FROM debian AS Base\nSHELL [\"/bin/bash\", \"-e\", \"-c\"]\n"
        + "RUN a\nFROM alpine AS other\nRUN b\nFROM base\nRUN c\nFROM BASE AS x\nRUN d\n");
    assertThat(RunChains.baseIndexes(d)).containsExactly(-1, -1, 0, 0);
    assertThat(RunChains.shellAt(d, run(d, 0, 1)).errexit()).isTrue();
    assertThat(RunChains.shellAt(d, run(d, 1, 0)).errexit()).isFalse();
    assertThat(RunChains.shellAt(d, run(d, 2, 0)).errexit()).isTrue();
    assertThat(RunChains.shellAt(d, run(d, 3, 0)).errexit()).isTrue();
  }

  @Test
  void theNearestEarlierStageOfTheNameIsTheBase() {
    Dockerfile d = DockerfileParser.parse("FROM a AS b\nFROM c AS b\nSHELL [\"/bin/bash\", \"-u\", \"-c\"]\n"
        + "FROM b\nRUN x\n");
    assertThat(RunChains.baseIndexes(d)).containsExactly(-1, -1, 1);
    assertThat(RunChains.shellAt(d, run(d, 2, 0)).nounset()).isTrue();
  }

  @Test
  void answersForEachDockerfileAskedInTurn() {
    RunInstruction shared = RunInstruction.shell("echo x");
    Dockerfile bash = Dockerfile.of(Stage.of(FromInstruction.of("a"), List.of(
        new ShellInstruction(Exec.of("/bin/bash", "-e", "-c")), shared)));
    Dockerfile plain = Dockerfile.of(Stage.of(FromInstruction.of("a"), List.of(shared)));
    for (int round = 0; round < 3; round++) {
      assertThat(RunChains.shellAt(bash, shared).errexit()).isTrue();
      assertThat(RunChains.shellAt(plain, shared).errexit()).isFalse();
    }
    assertThat(RunChains.shellAt(plain, RunInstruction.shell("not in it")))
        .isEqualTo(RunChains.ShellInfo.of(Optional.empty()));
  }

  @Test
  void anInstructionInTheDockerfileTwiceHasTheShellOfItsFirstPlace() {
    RunInstruction twice = RunInstruction.shell("echo x");
    List<Instruction> body = List.of(twice, new ShellInstruction(Exec.of("/bin/bash", "-e", "-c")),
        twice);
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("a"), body));
    assertThat(RunChains.shellAt(d, twice).errexit()).isFalse();
  }
}
