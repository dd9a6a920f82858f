package io.github.dockerfiledsl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptTest {

  private static List<String> split(String line) {
    return Script.parse(line).commands().stream().map(c -> c + " " + c.operator()).toList();
  }

  @Test
  void splitsAtOperatorsOutsideQuotes() {
    assertThat(split("a 'b && c' && d \"e; f\"; g || h | i & j"))
        .containsExactly("a b && c &&", "d e; f ;", "g ||", "h |", "i &", "j ");
  }

  @Test
  void commandSubstitutionAndEscapesStayInOneWord() {
    assertThat(Script.parse("echo $(a && b) x\\&\\&y").commands())
        .singleElement().extracting(Script.Simple::words)
        .isEqualTo(List.of("echo", "$(a && b)", "x&&y"));
  }

  @Test
  void redirectionsAndCommentsAreDropped() {
    Script s = Script.parse("apt-get update > /dev/null 2>&1 # refresh\nrm -rf /x");
    assertThat(s.commands()).extracting(Object::toString).containsExactly("apt-get update", "rm -rf /x");
  }

  @Test
  void programSkipsAssignmentsSudoAndKeywords() {
    Script.Simple c = Script.parse("DEBIAN_FRONTEND=noninteractive sudo apt-get -q install -y curl")
        .commands().get(0);
    assertThat(c.program()).isEqualTo("apt-get");
    assertThat(c.subcommand()).isEqualTo("install");
    assertThat(c.is("apt-get|apt", "install")).isTrue();
    assertThat(Script.parse("if true; then /usr/bin/pip install x; fi").has("pip", "install")).isTrue();
  }

  @Test
  void pipesAndAndChains() {
    assertThat(Script.parse("a | b && c").hasPipe()).isTrue();
    assertThat(Script.parse("a '|' b").hasPipe()).isFalse();
    assertThat(Script.parse("a && b").isAndChain()).isTrue();
    assertThat(Script.parse("a || b").isAndChain()).isFalse();
  }

  @Test
  void heredocBodiesFedToTheShellAreIncluded() {
    RunInstruction run = new RunInstruction(io.github.dockerfiledsl.Shell.of("<<EOF"),
        List.of(Heredoc.of("EOF", "apt-get update\napt-get install -y curl\n")), List.of(),
        Optional.empty(), Optional.empty(), List.of());
    assertThat(Script.of(run).has("apt-get", "install")).isTrue();
  }

  @Test
  void execFormOfAShellIsSplit() {
    RunInstruction run = RunInstruction.of(io.github.dockerfiledsl.Exec.of("/bin/sh", "-c", "apk add curl && true"));
    assertThat(Script.of(run).has("apk", "add")).isTrue();
  }

  @Test
  void varsFindsReferencesAndExpands() {
    assertThat(Vars.refs("a$B-${C:-$D}\\$E")).extracting(Vars.Ref::name).containsExactly("B", "C", "D");
    assertThat(Vars.expand("x${A}y${B:-b}${C:+c}", java.util.Map.of("A", "1"))).isEqualTo("x1yb");
  }

  @Test
  void pathsResolveAgainstTheWorkdir() {
    assertThat(Paths.resolve("/app", "./src/../lib/")).isEqualTo("/app/lib");
    assertThat(Paths.isWithin("/tmp/x", "/tmp")).isTrue();
    assertThat(Paths.isWithin("/tmpx", "/tmp")).isFalse();
  }
}
