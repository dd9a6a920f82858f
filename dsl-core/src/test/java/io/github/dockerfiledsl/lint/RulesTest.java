package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model rule: its failing fixture is reported, its passing one is not, its fix works. */
class RulesTest {

  static Stream<Rule> modelRules() {
    return Linter.defaults().rules().stream().filter(r -> !r.needsSource());
  }

  private static Linter linterFor(Rule rule) {
    Linter l = Linter.defaults().only(rule.id()).withExperimental()
        .withTrustedRegistries(RuleFixtures.TRUSTED);
    return rule.id().equals("DF018") ? l.withDockerignore(RuleFixtures.DOCKERIGNORE) : l;
  }

  private static RuleFixtures.Case caseFor(Rule rule) {
    return rule.id().equals("DF018") ? RuleFixtures.COPY_IGNORED : RuleFixtures.CASES.get(rule.id());
  }

  @Test
  void everyModelRuleHasFixtures() {
    assertThat(modelRules().map(Rule::id).filter(id -> !id.equals("DF018")))
        .allMatch(RuleFixtures.CASES::containsKey, "has a fixture");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelRules")
  void failingFixtureIsReported(Rule rule) {
    List<Finding> findings = linterFor(rule).lint(caseFor(rule).failing()).findings(rule.id());
    assertThat(findings).isNotEmpty();
    for (Finding f : findings) {
      assertThat(f.severity()).isEqualTo(rule.severity());
      assertThat(f.message()).doesNotEndWith(".").doesNotMatch("^[A-Z][a-z].*");
      assertThat(f.position()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelRules")
  void passingFixtureIsClean(Rule rule) {
    assertThat(linterFor(rule).lint(caseFor(rule).passing()).findings(rule.id())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelRules")
  void fixRemovesTheFinding(Rule rule) {
    Dockerfile failing = caseFor(rule).failing();
    LintReport before = linterFor(rule).lint(failing);
    if (before.findings().stream().noneMatch(Finding::fixable)) {
      return;
    }
    Dockerfile fixed = linterFor(rule).fix(failing);
    assertThat(fixed).isNotEqualTo(failing);
    assertThat(linterFor(rule).lint(fixed).findings(rule.id())).isEmpty();
    assertThat(fixed.render()).isNotBlank();
  }

  @Test
  void idsAreStableAndUnique() {
    List<String> ids = Linter.defaults().rules().stream().map(Rule::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("DF[0-9]{3}"));
    assertThat(Linter.defaults().rule("JSONArgsRecommended")).get().extracting(Rule::id).isEqualTo("DF007");
    assertThat(Linter.defaults().rule("DL3020")).get().extracting(Rule::id).isEqualTo("DF111");
  }
}
