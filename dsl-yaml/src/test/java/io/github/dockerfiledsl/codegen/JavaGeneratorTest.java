package io.github.dockerfiledsl.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaGeneratorTest {

  @Test
  void rebuildsTheDjangoSeed() throws Exception {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("python:3.4"), List.of(
        RunInstruction.of(Shell.chain("apt-get update",
            "apt-get install -y --no-install-recommends postgresql-client",
            "rm -rf /var/lib/apt/lists/*")),
        WorkdirInstruction.of("/usr/src/app"),
        CopyInstruction.of("requirements.txt", "./"),
        RunInstruction.shell("pip install -r requirements.txt"),
        CopyInstruction.of(".", "."),
        ExposeInstruction.of(8000),
        CmdInstruction.of(Exec.of("python", "manage.py", "runserver", "0.0.0.0:8000")))));
    assertThat(RoundTrip.run(d, JavaOptions.defaults())).isEqualTo(d);
  }

  @Test
  void keepsHeredocsCommentsEscapesAndStageNames() throws Exception {
    String body = "echo \"\"\"quoted\"\"\" \\u0041 \\\\ $HOME\n\tindented with a tab\n"
        + "trailing blanks   \n   \n\nlast\n";
    Dockerfile d = Dockerfile.model(List.of(Directive.syntax("docker/dockerfile:1")), List.of(),
        List.of(
            Stage.of(List.of(Comment.of("build it")), FromInstruction.of("golang:1.22").withName("build-env"),
                List.of(new RunInstruction(Shell.of("<<EOF"), List.of(Heredoc.of("EOF", body)),
                    List.of(), Optional.empty(), Optional.empty(), List.of()))),
            Stage.of(FromInstruction.of("alpine").withName("final"), List.of(
                CopyInstruction.of("/out", "/usr/bin/").withFrom("build-env"),
                EnvInstruction.of("GREETING", "héllo \"wörld\" \\ \u0001")))));
    String source = new JavaGenerator(JavaOptions.defaults()).generate(d);
    assertThat(source).contains("Stage buildEnv = ", "Stage finalStage = ", "\"\"\"\n");
    assertThat(RoundTrip.run(d, new JavaOptions("", "Plain", false))).isEqualTo(d);
  }
}
