package io.github.dockerfiledsl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.internal.StageGraph;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the injection holes the property test found, and examples of what is
 * rejected (see docs/canonical-format.md).
 */
class RenderRejectionTest {

  private static String render(Instruction... body) {
    return Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(body))).render();
  }

  @Test
  void aShellLineEndingWithTheEscapeCharacterCannotEndTheInstructionEarly() {
    // "echo \" + " \" would be "echo \\" : no continuation, and USER root an instruction
    RunInstruction run = RunInstruction.of(Shell.lines("echo \\", "USER root"));
    assertThatThrownBy(() -> render(run))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RUN shell line 1 ('echo \\') must not end with the escape character \\,"
            + " which would end the instruction there");
  }

  @Test
  void aLastLineOfNoBreakSpaceIsNotAContinuationIntoTheNextInstruction() {
    // BuildKit skips a line of U+00A0 as an empty continuation line and would continue into USER
    RunInstruction run = RunInstruction.of(Shell.lines("echo a ", "\u00a0"));
    assertThat(((Shell) run.command()).lines()).containsExactly("echo a");
    assertThat(render(run, UserInstruction.of("u"))).isEqualTo("""
        FROM alpine
        RUN echo a
        USER u
        """);
  }

  @Test
  void aWordStartingWithHashIsNeverAloneOnAContinuationLine() {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(
        new ArgInstruction(List.of(new ArgInstruction.Arg("LONG_ARGUMENT_NAME", Optional.empty()),
            new ArgInstruction.Arg("#x", Optional.empty()))))));
    assertThat(d.render(RenderOptions.defaults().withColumnLimit(10))).isEqualTo("""
        FROM alpine
        ARG LONG_ARGUMENT_NAME #x
        """);
  }

  @Test
  void maintainerCannotLookLikeAFlag() {
    assertThatThrownBy(() -> new MaintainerInstruction("--mount=type=bind,target=/x"))
        .hasMessage("MAINTAINER ('--mount=type=bind,target=/x') must not start with '--', which"
            + " would be read as a flag");
    assertThatThrownBy(() -> new MaintainerInstruction("me\u00a0"))
        .hasMessageContaining("('me\\u00a0') must not start or end with white space");
  }

  @Test
  void flagValuesMustBeAscii() {
    RunInstruction run = new RunInstruction(Shell.of("true"), List.of(),
        List.of(Mount.bind("/caf\u00e9")), Optional.empty(), Optional.empty(), List.of());
    assertThatThrownBy(() -> render(run))
        .hasMessageStartingWith("mount target ('/caf\u00e9') must be ASCII");
  }

  @Test
  void mountNumbersAreCheckedUnlessTheyReferToAVariable() {
    assertThatThrownBy(() -> new Mount.Cache("/c", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.of("rwx"), Optional.empty(),
        Optional.empty()))
        .hasMessage("cache mount mode ('rwx') must be an octal mode such as 0755");
    assertThat(new Mount.Cache("/c", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, Optional.of("$MODE"), Optional.empty(), Optional.empty()).mode())
        .contains("$MODE");
    assertThatThrownBy(() -> new Mount.Tmpfs("/t", Optional.of("lots")))
        .hasMessage("tmpfs mount size ('lots') must be a size such as 64m");
  }

  @Test
  void blankDirectivesAndVolumesAreRejected() {
    assertThatThrownBy(() -> Directive.syntax("  "))
        .hasMessage("directive syntax ('  ') must not be blank");
    assertThatThrownBy(() -> VolumeInstruction.of("\u3000"))
        .hasMessage("VOLUME path ('\\u3000') must not be blank");
  }

  @Test
  void heredocNamesCannotStartWithADash() {
    assertThatThrownBy(() -> Heredoc.of("-EOF", "x"))
        .hasMessage("heredoc name ('-EOF') must not start with '-', which would be read as <<-"
            + " (strip tabs)");
  }

  @Test
  void copyFromTheSameOrALaterStageIsACircularDependency() {
    // the model holds it, as BuildKit's parser does (the linter reports it: DF208); the typed
    // builder refuses it at build()
    Stage first = Stage.of(FromInstruction.of("alpine").withName("one"),
        List.of(CopyInstruction.of("a", "b").withFrom("two")));
    Stage second = Stage.of(FromInstruction.of("alpine").withName("two"),
        List.of(CopyInstruction.of("a", "b").withFrom("0")));
    assertThat(Dockerfile.of(first, second).render()).contains("COPY --from=two a b");
    assertThatThrownBy(() -> StageGraph.requireValid(Dockerfile.of(first, second)))
        .hasMessage("COPY --from ('two') in stage 1 must name an earlier stage; naming the stage"
            + " itself or a later one is a circular dependency");
    Stage self = Stage.of(FromInstruction.of("alpine"),
        List.of(CopyInstruction.of("a", "b").withFrom("0")));
    assertThatThrownBy(() -> StageGraph.requireValid(Dockerfile.of(self)))
        .hasMessageContaining("('0') in stage 1");
    // the builder: a context named like a later stage
    assertThatThrownBy(() -> Dockerfile.from("alpine")
        .copy(io.github.dockerfiledsl.Copy.of("a", "b").fromContext("later"))
        .from("alpine").as("later").build())
        .hasMessage("COPY --from ('later') in stage 1 must name an earlier stage; naming the stage"
            + " itself or a later one is a circular dependency");
    // an earlier stage, an image and a variable are fine
    Stage image = Stage.of(FromInstruction.of("alpine"), List.of(
        CopyInstruction.of("a", "b").withFrom("nginx:1"),
        CopyInstruction.of("a", "b").withFrom("${STAGE}")));
    StageGraph.requireValid(Dockerfile.of(image, second));
  }

  @Test
  void volumeKeepsItsFormAndQuotesWords() {
    assertThat(render(VolumeInstruction.of("/a\"b", "/c"))).isEqualTo("""
        FROM alpine
        VOLUME "/a\\"b" /c
        """);
  }
}
