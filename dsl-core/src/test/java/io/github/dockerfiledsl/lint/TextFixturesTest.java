package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against text fixtures, {@code src/test/resources/lint/<id>/fail.Dockerfile} and
 * {@code pass.Dockerfile}: the failing one is reported with a position, the passing one is not,
 * and the fixed Dockerfile, rendered and parsed again, is clean for the rule.
 */
class TextFixturesTest {
  static final Path DIR = Path.of("src", "test", "resources", "lint");

  static Stream<Rule> rules() {
    return Linter.defaults().rules().stream();
  }

  private static String read(Rule rule, String name) throws IOException {
    Path p = DIR.resolve(rule.id()).resolve(name);
    assertThat(p).as("fixture %s", p).exists();
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static Linter linter(Rule rule) {
    return Linter.defaults().only(rule.id()).withDockerignore(RuleFixtures.DOCKERIGNORE)
        .withExperimental().withTrustedRegistries(RuleFixtures.TRUSTED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void failingTextIsReportedWithPositions(Rule rule) throws IOException {
    List<Finding> findings = linter(rule).lint("fail.Dockerfile", read(rule, "fail.Dockerfile"))
        .findings(rule.id());
    assertThat(findings).isNotEmpty();
    assertThat(findings).allMatch(f -> f.position().isPresent(), "has a position");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void passingTextIsClean(Rule rule) throws IOException {
    assertThat(linter(rule).lint("pass.Dockerfile", read(rule, "pass.Dockerfile")).findings(rule.id()))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void fixedTextReparsesCleanForTheRule(Rule rule) throws IOException {
    String text = read(rule, "fail.Dockerfile");
    LintReport before = linter(rule).lint("fail.Dockerfile", text);
    if (before.findings().stream().noneMatch(Finding::fixable)) {
      return;
    }
    Dockerfile fixed = linter(rule).fix(DockerfileParser.parse(text));
    String rendered = fixed.render();
    assertThat(linter(rule).lint("fixed.Dockerfile", rendered).findings(rule.id())).isEmpty();
    assertThat(DockerfileParser.parse(rendered)).isEqualTo(fixed);
  }

  /** Writes the text fixtures of the model rules from their built fixtures (run on demand). */
  @Test
  void writeFixturesFromModels() throws IOException {
    if (!Boolean.getBoolean("lint.updateFixtures")) {
      return;
    }
    for (Rule r : Linter.defaults().rules()) {
      if (r.needsSource()) {
        continue;
      }
      RuleFixtures.Case c = r.id().equals("DF018") ? RuleFixtures.COPY_IGNORED : RuleFixtures.CASES.get(r.id());
      Path dir = DIR.resolve(r.id());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("fail.Dockerfile"), c.failing().render(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("pass.Dockerfile"), c.passing().render(), StandardCharsets.UTF_8);
    }
  }
}
