package io.github.dockerfiledsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.eval.ShellLexer;
import io.github.dockerfiledsl.eval.StageScopes;
import io.github.dockerfiledsl.eval.SubstitutionException;
import io.github.dockerfiledsl.eval.TemplateExpander;
import io.github.dockerfiledsl.lint.Finding;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variable expansion is bounded: nesting depth and expanded length are limits reported as errors
 * with a position, and defaults nobody uses are never expanded (the inputs of issue 18).
 */
class ExpansionLimitsTest {

  private static String doublingArgs(int count) {
    StringBuilder sb = new StringBuilder("ARG A0=xx\n");
    for (int i = 1; i <= count; i++) {
      sb.append("ARG A").append(i).append("=${A").append(i - 1).append("}${A").append(i - 1)
          .append("}\n");
    }
    return sb.toString();
  }

  private static String nested(int depth) {
    return "${a:-".repeat(depth) + "x" + "}".repeat(depth);
  }

  @Test
  void unusedDoublingDefaultsAreNeverExpanded() {
    // 2^31 characters if expanded eagerly
    List<Finding> findings = Linter.defaults().lint("Dockerfile", doublingArgs(30) + "FROM scratch\n")
        .findings();
    assertThat(findings).noneMatch(f -> f.id().equals("DF016"));
  }

  @Test
  void usedDoublingDefaultIsALengthErrorAtTheArg() {
    List<Finding> findings = Linter.defaults()
        .lint("Dockerfile", doublingArgs(30) + "FROM $A30\n").findings("DF016");
    assertThat(findings).hasSize(1);
    // A19 is 2^20 characters long, A20 the first one over the limit (line 21)
    assertThat(findings.get(0).position()).contains(new Position(21, 1));
    assertThat(findings.get(0).message()).contains("ARG A20")
        .contains("longer than " + ShellLexer.MAX_EXPANDED_LENGTH);
  }

  @Test
  void deepNestingInLintIsAnErrorWithPosition() {
    List<Finding> findings = Linter.defaults()
        .lint("Dockerfile", "ARG a\nFROM " + nested(1800) + "\n").findings("DF016");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).position()).contains(new Position(2, 1));
    assertThat(findings.get(0).message()).contains("nested deeper than 100 levels");
    assertThat(findings.get(0).message().length()).isLessThan(300);
  }

  @Test
  void nestingAtTheLimitStillExpands() {
    assertThat(ShellLexer.standard().expand(nested(ShellLexer.MAX_NESTING_DEPTH), Map.of()))
        .isEqualTo("x");
    assertThatThrownBy(() -> ShellLexer.standard()
        .expand(nested(ShellLexer.MAX_NESTING_DEPTH + 1), Map.of()))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining("nested deeper than 100 levels");
  }

  @Test
  void deepNestingInTheLexerDoesNotOverflowTheStack() {
    String text = nested(100_000);
    assertThatThrownBy(() -> ShellLexer.standard().expand(text, Map.of()))
        .isInstanceOf(SubstitutionException.class)
        .satisfies(e -> assertThat(((SubstitutionException) e).offset())
            .isEqualTo(5 * (ShellLexer.MAX_NESTING_DEPTH + 1)));
  }

  @Test
  void lexerLimitsTheExpandedLength() {
    String big = "y".repeat(ShellLexer.MAX_EXPANDED_LENGTH / 2 + 1);
    assertThat(ShellLexer.standard().expand("$B", Map.of("B", big))).isEqualTo(big);
    assertThatThrownBy(() -> ShellLexer.standard().expand("$B$B", Map.of("B", big)))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining("longer than " + ShellLexer.MAX_EXPANDED_LENGTH);
    // a replacement that multiplies the value is caught while it is built
    String thousand = "z".repeat(1000);
    assertThatThrownBy(() -> ShellLexer.standard()
        .expand("${B//?/" + thousand + "}", Map.of("B", "q".repeat(2000))))
        .isInstanceOf(SubstitutionException.class);
    assertThat(ShellLexer.standard().expand("${B//a/bc}", Map.of("B", "banana")))
        .isEqualTo("bbcnbcnbc");
    assertThat(ShellLexer.standard().expand("${B/a/bc}", Map.of("B", "banana")))
        .isEqualTo("bbcnana");
  }

  @Test
  void stageScopesStopsAtTheLengthLimit() {
    Dockerfile d = DockerfileParser.parse(doublingArgs(30) + "FROM scratch\n");
    assertThatThrownBy(() -> StageScopes.evaluate(d, Map.of()))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void stageScopesLimitsTheTotal() {
    StringBuilder sb = new StringBuilder("FROM scratch\nARG BIG\n");
    for (int i = 0; i < 20; i++) {
      sb.append("ENV E").append(i).append("=$BIG\n");
    }
    Dockerfile d = DockerfileParser.parse(sb.toString());
    String big = "b".repeat(ShellLexer.MAX_EXPANDED_LENGTH);
    assertThatThrownBy(() -> StageScopes.evaluate(d, Map.of("BIG", big)))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining("in total");
    assertThat(StageScopes.evaluate(d, Map.of("BIG", "ok")).get(0).env()).containsEntry("E19", "ok");
  }

  @Test
  void stageScopesKeepsEnvOrderSemanticsWithoutCopies() {
    Dockerfile d = DockerfileParser.parse(
        "FROM scratch AS a\nARG X=1\nENV X=2 Y=$X\nARG Z=$X\nENV W=${Z}\n"
            + "FROM a\nENV V=$W\n");
    var values = StageScopes.evaluate(d, Map.of());
    assertThat(values.get(0).env()).containsEntry("Y", "1").containsEntry("W", "2");
    assertThat(values.get(1).env()).containsEntry("V", "2");
  }

  @Test
  void templateNestingIsRejectedByTheParserWithPosition() {
    // quotes at every level make the parser rewrite each level's word, to a bounded depth
    String quoted = "${a:-\"".repeat(500) + "x" + "\"}".repeat(500);
    assertThatThrownBy(() -> DockerfileParser.parse("FROM scratch\nUSER " + quoted + "\n"))
        .hasMessageStartingWith("2:1: ")
        .hasMessageContaining("nested deeper than 100 levels");
  }

  @Test
  void templateExpanderUsesTheSameLimits() {
    assertThatThrownBy(() -> TemplateExpander.expand(nested(200), n -> null))
        .isInstanceOf(SubstitutionException.class);
    assertThat(TemplateExpander.expand("${A:-${B:-z}}", n -> null)).isEqualTo("z");
  }
}
