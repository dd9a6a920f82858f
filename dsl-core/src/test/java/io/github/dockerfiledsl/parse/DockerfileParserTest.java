package io.github.dockerfiledsl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.OnbuildInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileParserTest {

  @Test
  void directivesGlobalArgsStagesAndTrivia() {
    Dockerfile d =
        DockerfileParser.parse(
            "# syntax=docker/dockerfile:1\n\n# versions\nARG V=1\n\n# build\nFROM golang:${V} AS build\n"
                + "RUN go build\n\n# runtime\nFROM scratch\nCOPY --from=build /app /app\n");
    assertThat(d.directives()).containsExactly(new Directive("syntax", "docker/dockerfile:1"));
    assertThat(d.preamble())
        .containsExactly(new Comment(" versions"), ArgInstruction.of("V", "1"), BlankLine.INSTANCE);
    Stage build = d.stages().get(0);
    assertThat(build.leading()).containsExactly(new Comment(" build"));
    assertThat(build.from().image()).isEqualTo("golang:${V}");
    assertThat(build.name()).contains("build");
    assertThat(build.instructions()).containsExactly(RunInstruction.shell("go build"));
    Stage runtime = d.stages().get(1);
    assertThat(runtime.leading()).containsExactly(new Comment(" runtime"));
    assertThat(((CopyInstruction) runtime.instructions().get(0)).from()).contains("build");
  }

  @Test
  void shellFormKeepsPhysicalLinesAndInnerComments() {
    Dockerfile d =
        DockerfileParser.parse(
            "FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    apt-get update \\\n"
                + "  # refresh first\n    && apt-get install -y curl\n");
    RunInstruction run = (RunInstruction) d.stages().get(0).instructions().get(0);
    assertThat(run.command())
        .isEqualTo(Shell.lines("apt-get update ", "# refresh first", "    && apt-get install -y curl"));
    assertThat(((Shell) run.command()).command()).isEqualTo("apt-get update     && apt-get install -y curl");
    assertThat(run.mounts()).hasSize(1).first().isInstanceOf(Mount.Cache.class);
  }

  @Test
  void anInnerCommentKeepsWhatGoDoesNotCallSpace() {
    // U+001F is white space to Java's strip() but not to BuildKit (Go's unicode.IsSpace): the
    // comment line keeps it, so the model reads back as it was rendered (an InjectionPropertyTest
    // finding)
    RunInstruction run = RunInstruction.of(Shell.lines("echo ", "#x\u001f", " done"));
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("a"), List.of(run)));
    assertThat(DockerfileParser.parse(d.render())).isEqualTo(d);
  }

  @Test
  void commentsInsideOtherInstructionsMoveAboveThem() {
    Dockerfile d = DockerfileParser.parse("FROM a\nENV A=1 \\\n# why B\n    B=2\n");
    assertThat(d.stages().get(0).instructions())
        .containsExactly(
            new Comment(" why B"),
            new EnvInstruction(List.of(KeyValue.of("A", "1"), KeyValue.of("B", "2"))));
  }

  @Test
  void templatesRemoveQuotesAndKeepVariables() {
    Dockerfile d =
        DockerfileParser.parse(
            "FROM a\nENV A=\"x y\" B='$HOME' C=$HOME D=a\\ b E=\"\\$5\" F=\"${X:-1}\"\nWORKDIR \"/my dir\"\n");
    EnvInstruction env = (EnvInstruction) d.stages().get(0).instructions().get(0);
    assertThat(env.vars())
        .extracting(KeyValue::value)
        .containsExactly("x y", "\\$HOME", "$HOME", "a b", "\\$5", "${X:-1}");
    assertThat(d.render()).contains("WORKDIR \"/my dir\"");
  }

  @Test
  void backtickEscapeFiles() {
    Dockerfile d =
        DockerfileParser.parse("# escape=`\nFROM a\nRUN echo C:\\dir `\n    && dir\nENV P=C:\\x\n");
    assertThat(d.escape()).isEqualTo('`');
    RunInstruction run = (RunInstruction) d.stages().get(0).instructions().get(0);
    assertThat(((Shell) run.command()).command()).isEqualTo("echo C:\\dir     && dir");
    assertThat(((EnvInstruction) d.stages().get(0).instructions().get(1)).vars().get(0).value())
        .isEqualTo("C:\\\\x");
  }

  @Test
  void heredocsExecFormHealthcheckAndOnbuild() {
    Dockerfile d =
        DockerfileParser.parse(
            "FROM a\nRUN <<EOF\necho hi\nEOF\nCMD [\"run\", \"--fast\"]\n"
                + "HEALTHCHECK --interval=1m30s --retries=2 CMD curl -f http://localhost/\n"
                + "ONBUILD COPY . /src\n");
    List<?> body = d.stages().get(0).instructions();
    RunInstruction run = (RunInstruction) body.get(0);
    assertThat(run.heredocs()).hasSize(1);
    assertThat(run.heredocs().get(0).body()).isEqualTo("echo hi\n");
    assertThat(((Shell) run.command()).command()).isEqualTo("<<EOF");
    assertThat(body.get(1)).isEqualTo(new CmdInstruction(Exec.of("run", "--fast")));
    HealthcheckInstruction hc = (HealthcheckInstruction) body.get(2);
    assertThat(hc.interval()).contains(Duration.ofSeconds(90));
    assertThat(hc.retries()).hasValue(2);
    assertThat(body.get(3)).isInstanceOf(OnbuildInstruction.class);
  }

  @Test
  void modelConstraintsBecomeParseExceptionsWithPosition() {
    // a duplicate stage name is a build-time problem in BuildKit (a lint finding, DF005)
    assertThat(DockerfileParser.parse("Dockerfile", "FROM a AS x\nRUN y\nFROM b AS x\n").stages())
        .hasSize(2);
    assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "FROM a AS x\nRUN y\nFROM b AS 1x\n"))
        .isInstanceOf(DockerfileParseException.class)
        .satisfies(
            e -> {
              DockerfileParseException p = (DockerfileParseException) e;
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.reason()).contains("invalid name for build stage");
            });
    assertThatThrownBy(() -> DockerfileParser.parse("FROM a\nEXPOSE 99999\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageStartingWith("2:1: ")
        .hasMessageContaining("99999");
  }

  @Test
  void parsesFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM alpine\r\nCMD [\"sh\"]\r\n");
    Dockerfile d = DockerfileParser.parse(file);
    assertThat(d.stages().get(0).from().image()).isEqualTo("alpine");
    Files.writeString(file, "FROM alpine\nNOPE\n");
    assertThatThrownBy(() -> DockerfileParser.parse(file))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageStartingWith(file + ":2:1: unknown instruction: NOPE");
    assertThat(DockerfileParser.parse("FROM a\n").stages().get(0).from().platform()).isEqualTo(Optional.empty());
  }

  @Test
  void roundTripsItsOwnRendering() {
    String text =
        "# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM ${BASE} AS base\n"
            + "LABEL org.opencontainers.image.title=\"my app\"\n"
            + "RUN --mount=type=secret,id=token,required=true apk add \\\n    curl\n"
            + "COPY --chown=1000:1000 --chmod=0755 [\"a b\", \"/opt/\"]\nUSER 1000\n";
    Dockerfile d = DockerfileParser.parse(text);
    String canonical = d.render();
    assertThat(DockerfileParser.parse(canonical)).isEqualTo(d);
    assertThat(DockerfileParser.parse(canonical).render()).isEqualTo(canonical);
  }
}
