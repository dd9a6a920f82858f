package io.github.dockerfiledsl.lint;

import static io.github.dockerfiledsl.lint.M.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintReportTest {
  private final Instruction add = add("app.py", "/app/");
  private final Instruction latest = from("debian:latest");
  private final Dockerfile d = df(stage((io.github.dockerfiledsl.instruction.FromInstruction) latest, add));
  private final Map<Instruction, Position> where = new IdentityHashMap<>(Map.of());

  private LintReport report() {
    where.put(latest, new Position(1, 1));
    where.put(add, new Position(2, 1));
    return Linter.defaults().only("DF111", "DF114").lint(d, i -> Optional.ofNullable(where.get(i)))
        .withFileName("app/Dockerfile");
  }

  @Test
  void textHasFileLineColumnSeverityIdAndMessage() {
    assertThat(report().text()).isEqualTo(
        "app/Dockerfile:1:1: warning DF114 FROM debian:latest uses the latest tag; pin a version\n"
        + "app/Dockerfile:2:1: warning DF111 ADD of local files (app.py) should be COPY;"
        + " ADD is for URLs and archives to unpack\n");
  }

  @Test
  void textWithoutPositionsOmitsLineAndColumn() {
    assertThat(Linter.defaults().only("DF114").lint(d).text("Dockerfile"))
        .isEqualTo("Dockerfile: warning DF114 FROM debian:latest uses the latest tag; pin a version\n");
  }

  @Test
  void jsonListsFindingsWithFixes() {
    Object json = MiniJson.parse(report().json());
    assertThat(MiniJson.get(json, "file")).isEqualTo("app/Dockerfile");
    List<?> findings = (List<?>) MiniJson.get(json, "findings");
    assertThat(findings).hasSize(2);
    assertThat(MiniJson.get(findings.get(1), "id")).isEqualTo("DF111");
    assertThat(MiniJson.get(findings.get(1), "name")).isEqualTo("AddInsteadOfCopy");
    assertThat(MiniJson.get(findings.get(1), "line")).isEqualTo(2L);
    assertThat(MiniJson.get(findings.get(1), "fix")).isEqualTo("replace ADD with COPY");
    assertThat(((Map<?, ?>) findings.get(0)).containsKey("fix")).isFalse();
  }

  @Test
  void sarifHasTheRequiredFieldsOfSarif210() {
    Object log = MiniJson.parse(report().sarif());
    assertThat(MiniJson.get(log, "version")).isEqualTo("2.1.0");
    assertThat((String) MiniJson.get(log, "$schema")).contains("sarif-schema-2.1.0");
    List<?> runs = (List<?>) MiniJson.get(log, "runs");
    assertThat(runs).hasSize(1);
    Object driver = MiniJson.get(MiniJson.get(runs.get(0), "tool"), "driver");
    assertThat(MiniJson.get(driver, "name")).isEqualTo("dockerfile-dsl");
    List<?> rules = (List<?>) MiniJson.get(driver, "rules");
    assertThat(rules).extracting(r -> MiniJson.get(r, "id")).containsExactly("DF111", "DF114");
    for (Object r : rules) {
      assertThat(MiniJson.get(MiniJson.get(r, "shortDescription"), "text")).isInstanceOf(String.class);
    }
    List<?> results = (List<?>) MiniJson.get(runs.get(0), "results");
    assertThat(results).hasSize(2);
    for (Object r : results) {
      // SARIF 2.1.0 requires message on a result; ruleId, level and locations are what viewers use
      assertThat(MiniJson.get(MiniJson.get(r, "message"), "text")).isInstanceOf(String.class);
      assertThat((String) MiniJson.get(r, "level")).isIn("error", "warning", "note", "none");
      Object ruleIndex = MiniJson.get(r, "ruleIndex");
      assertThat(MiniJson.get(rules.get(((Long) ruleIndex).intValue()), "id"))
          .isEqualTo(MiniJson.get(r, "ruleId"));
      Object physical = MiniJson.get(((List<?>) MiniJson.get(r, "locations")).get(0), "physicalLocation");
      assertThat(MiniJson.get(MiniJson.get(physical, "artifactLocation"), "uri")).isEqualTo("app/Dockerfile");
      assertThat((Long) MiniJson.get(MiniJson.get(physical, "region"), "startLine")).isPositive();
    }
  }

  @Test
  void exitCodeIsOneOnlyForErrors() {
    assertThat(report().exitCode()).isZero();
    assertThat(report().hasErrors()).isFalse();
    assertThat(report().counts()).containsExactly(Map.entry("DF111", 1), Map.entry("DF114", 1));
  }

  @Test
  void aParseErrorIsAResultWithItsOwnRule() {
    io.github.dockerfiledsl.parse.DockerfileParseException e = org.assertj.core.api.Assertions
        .catchThrowableOfType(io.github.dockerfiledsl.parse.DockerfileParseException.class,
            () -> Linter.defaults().lint("bad/Dockerfile", "FROM alpine:3.20\nFROB x\n"));
    LintReport bad = LintReport.parseError("bad/Dockerfile", e);
    assertThat(bad.hasErrors()).isTrue();
    assertThat(bad.text()).startsWith("bad/Dockerfile:2:1: error DF000 unknown instruction: FROB");
    Object json = MiniJson.parse(bad.json());
    Object finding = ((List<?>) MiniJson.get(json, "findings")).get(0);
    assertThat(MiniJson.get(finding, "name")).isEqualTo("ParseError");
    assertThat(MiniJson.get(finding, "column")).isEqualTo(1L);

    Object log = MiniJson.parse(LintReport.sarif(List.of(report(), bad)));
    Object run = ((List<?>) MiniJson.get(log, "runs")).get(0);
    List<?> rules = (List<?>) MiniJson.get(MiniJson.get(MiniJson.get(run, "tool"), "driver"), "rules");
    assertThat(rules).extracting(r -> MiniJson.get(r, "id")).containsExactly("DF111", "DF114", "DF000");
    List<?> results = (List<?>) MiniJson.get(run, "results");
    Object last = results.get(results.size() - 1);
    assertThat(MiniJson.get(last, "ruleId")).isEqualTo("DF000");
    assertThat(MiniJson.get(last, "ruleIndex")).isEqualTo(2L);
    assertThat(MiniJson.get(last, "level")).isEqualTo("error");
  }
}
