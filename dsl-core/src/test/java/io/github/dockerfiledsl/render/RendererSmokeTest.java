package io.github.dockerfiledsl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RendererSmokeTest {

  @Test
  void rendersTheDjangoSeed() {
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
    assertThat(d.render()).isEqualTo("""
        FROM python:3.4
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends postgresql-client \\
            && rm -rf /var/lib/apt/lists/*
        WORKDIR /usr/src/app
        COPY requirements.txt ./
        RUN pip install -r requirements.txt
        COPY . .
        EXPOSE 8000
        CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
        """);
  }

  @Test
  void quotesValuesThatNeedIt() {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(
        EnvInstruction.of("GREETING", "hello \"world\""),
        EnvInstruction.of("PRICE", Templates.literal("$5 \\o/")),
        EnvInstruction.of("PATH", "/app/bin:$PATH"))));
    assertThat(d.render()).isEqualTo("""
        FROM alpine
        ENV GREETING="hello \\"world\\""
        ENV PRICE="\\$5 \\\\o/"
        ENV PATH=/app/bin:$PATH
        """);
  }

  @Test
  void rendersHeredocs() {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("debian"), List.of(
        new RunInstruction(Shell.of("<<EOF"), List.of(Heredoc.of("EOF", "apt-get update\napt-get install -y curl")),
            List.of(), Optional.empty(), Optional.empty(), List.of()))));
    assertThat(d.render()).isEqualTo("""
        FROM debian
        RUN <<EOF
        apt-get update
        apt-get install -y curl
        EOF
        """);
  }

  @Test
  void rejectsAShellCommandThatWouldContinueOntoTheNextLine() {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(
        RunInstruction.shell("echo \\"))));
    assertThatThrownBy(d::render).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escape character");
  }
}
