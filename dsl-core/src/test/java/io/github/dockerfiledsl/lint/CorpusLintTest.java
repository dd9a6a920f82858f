package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the linter, and its fixes, over every Dockerfile of the shared corpus (system property
 * {@code corpus.dir}, skipped when absent): no rule may throw, and every fixed Dockerfile must
 * render to text that parses back to the same model. With {@code -Dlint.updateDocs=true} the
 * counts per rule are written to docs/lint-rules.md.
 */
class CorpusLintTest {
  static final String START = "<!-- corpus:start -->";
  static final String END = "<!-- corpus:end -->";

  static Path corpus() {
    String prop = System.getProperty("corpus.dir");
    assumeTrue(prop != null && !prop.isBlank(), "corpus.dir not set: corpus lint test skipped");
    Path dir = Path.of(prop);
    assumeTrue(Files.isDirectory(dir), "corpus directory " + dir + " not found: test skipped");
    return dir;
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> {
            Path rel = dir.relativize(p);
            return rel.getNameCount() > 1 && rel.getName(0).toString().contains("__");
          })
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  @Test
  void lintsTheWholeCorpusWithoutAnException() throws IOException {
    Path dir = corpus();
    List<Path> files = files(dir);
    assertThat(files).isNotEmpty();
    Linter linter = Linter.defaults().withExperimental();
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> fixable = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int linted = 0;
    int rejected = 0;
    int roundTrips = 0;
    for (Path p : files) {
      String name = dir.relativize(p).toString().replace('\\', '/');
      String text = Files.readString(p, StandardCharsets.UTF_8);
      LintReport report;
      try {
        report = linter.lint(name, text);
      } catch (DockerfileParseException e) {
        rejected++;
        continue;
      } catch (RuntimeException e) {
        failures.add(name + ": " + e);
        continue;
      }
      linted++;
      for (Finding f : report.findings()) {
        counts.merge(f.id(), 1, Integer::sum);
        if (f.fixable()) {
          fixable.merge(f.id(), 1, Integer::sum);
        }
      }
      try {
        Dockerfile parsed = DockerfileParser.parse(name, text);
        Dockerfile fixed = linter.fix(parsed);
        String rendered = fixed.render();
        // only where the model itself survives render and parse (a round-trip gap of the
        // parser or renderer is theirs to report, not the linter's)
        if (DockerfileParser.parse(parsed.render()).equals(parsed)
            && !DockerfileParser.parse(rendered).equals(fixed)) {
          failures.add(name + ": fixed model does not survive render and parse");
        } else {
          roundTrips++;
        }
      } catch (RuntimeException e) {
        failures.add(name + ": fix failed: " + e);
      }
    }
    assertThat(failures).as("files the linter or its fixes failed on").isEmpty();
    assertThat(linted).isPositive();
    assertThat(roundTrips).isPositive();
    if (Boolean.getBoolean("lint.updateDocs")) {
      Path doc = LintRulesDocTest.DOC;
      String section = table(linted, rejected, counts, fixable);
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      Files.writeString(doc, LintRulesDocTest.replaceSection(text, START, END, section),
          StandardCharsets.UTF_8);
    }
  }

  static String table(int linted, int rejected, Map<String, Integer> counts, Map<String, Integer> fixable) {
    StringBuilder sb = new StringBuilder();
    sb.append(linted).append(" files linted, ").append(rejected)
        .append(" rejected by the parser (not counted).\n\n");
    sb.append("| id | name | findings | with a fix |\n|---|---|---:|---:|\n");
    for (Rule r : Linter.defaults().rules().stream().sorted(Comparator.comparing(Rule::id)).toList()) {
      sb.append("| ").append(r.id()).append(" | ").append(r.name()).append(" | ")
          .append(counts.getOrDefault(r.id(), 0)).append(" | ")
          .append(fixable.getOrDefault(r.id(), 0)).append(" |\n");
    }
    return sb.toString();
  }
}
