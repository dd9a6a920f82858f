package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rule table of docs/lint-rules.md in step with the rules: the table is generated from
 * the rules' metadata and their failing fixtures (built models, or the text fixtures for the
 * rules that read the source). Run with {@code -Dlint.updateDocs=true} to
 * rewrite it.
 */
class LintRulesDocTest {
  static final Path DOC = Path.of("..", "docs", "lint-rules.md");
  static final String TABLE_START = "<!-- rules:start -->";
  static final String TABLE_END = "<!-- rules:end -->";

  static String table() throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("| id | name | severity | BuildKit | hadolint | example (reported) | fix |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    List<Rule> rules = Linter.defaults().rules().stream()
        .sorted(Comparator.comparing(Rule::id)).toList();
    for (Rule r : rules) {
      String example;
      String fix;
      if (r.needsSource()) {
        example = Files.readString(TextFixturesTest.DIR.resolve(r.id()).resolve("fail.Dockerfile"),
            StandardCharsets.UTF_8).strip().replace("\n", "<br>");
        fix = Linter.defaults().only(r.id()).withExperimental()
            .lint("fail.Dockerfile", Files.readString(
                TextFixturesTest.DIR.resolve(r.id()).resolve("fail.Dockerfile"), StandardCharsets.UTF_8))
            .findings().stream().filter(Finding::fixable).findFirst()
            .map(f -> f.fix().get().description()).orElse("no");
      } else {
        RuleFixtures.Case c = r.id().equals("DF018") ? RuleFixtures.COPY_IGNORED
            : RuleFixtures.CASES.get(r.id());
        Dockerfile failing = c.failing();
        example = failing.render().strip().replace("\n", "<br>");
        Linter l = Linter.defaults().only(r.id()).withDockerignore(RuleFixtures.DOCKERIGNORE)
            .withExperimental();
        fix = l.lint(failing).findings().stream().filter(Finding::fixable).findFirst()
            .map(f -> f.fix().get().description()).orElse("no");
      }
      sb.append("| ").append(r.id())
          .append(" | ").append(r.name())
          .append(" | ").append(r.severity().label())
          .append(" | ").append(r.buildkit().orElse(""))
          .append(" | ").append(r.hadolint().orElse(""))
          .append(" | <code>").append(cell(html(example))).append("</code>")
          .append(" | ").append(cell(fix)).append(" |\n");
    }
    return sb.toString();
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("&lt;br&gt;", "<br>");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  static String replaceSection(String doc, String start, String end, String content) {
    int a = doc.indexOf(start);
    int b = doc.indexOf(end);
    if (a < 0 || b < a) {
      throw new IllegalStateException("markers " + start + " and " + end + " not found in " + DOC);
    }
    return doc.substring(0, a + start.length()) + "\n" + content + doc.substring(b);
  }

  @Test
  void docsListEveryRule() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String expected = replaceSection(doc, TABLE_START, TABLE_END, table());
    if (Boolean.getBoolean("lint.updateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
      doc = expected;
    }
    assertThat(doc).as("docs/lint-rules.md is stale; run with -Dlint.updateDocs=true").isEqualTo(expected);
  }
}
