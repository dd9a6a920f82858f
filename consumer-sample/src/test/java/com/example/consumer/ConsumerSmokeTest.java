package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.lint.LintReport;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.optimize.Pip;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.testing.DockerfileAssertions;
import org.junit.jupiter.api.Test;

/**
 * Uses the published core and testing modules the way the README shows: build, render, parse and
 * lint, and the AssertJ assertions of the testing module.
 */
class ConsumerSmokeTest {

  private static Dockerfile django() {
    return Dockerfile.from("python:3.12-slim")
        .workdir("/usr/src/app")
        .copy("requirements.txt", "./")
        .run(Pip.requirements("requirements.txt"))
        .copy(".", ".")
        .expose(8000)
        .cmd(Exec.of("python", "manage.py", "runserver", "0.0.0.0:8000"))
        .build();
  }

  @Test
  void rendersADockerfileBuiltWithTheFluentBuilder() {
    Dockerfile d = django();
    assertThat(d.render())
        .startsWith("FROM python:3.12-slim\nWORKDIR /usr/src/app\n")
        .contains("pip install --no-cache-dir -r requirements.txt")
        .endsWith("EXPOSE 8000\nCMD [\"python\", \"manage.py\", \"runserver\", \"0.0.0.0:8000\"]\n");
    assertThat(Linter.defaults().lint(d).findings())
        .noneMatch(f -> f.severity() == Severity.ERROR);
    // the same through dockerfile-dsl-testing's AssertJ assertions
    DockerfileAssertions.assertThat(d).exposesPort(8000).hasNoLintFindingAtOrAbove(Severity.ERROR);
  }

  @Test
  void parsesTheRenderedTextBackToTheSameDockerfile() {
    String text = django().render();
    assertThat(Dockerfile.parse(text).render()).isEqualTo(text);
  }

  @Test
  void lintsAParsedDockerfileWithPositions() {
    LintReport report = Linter.defaults().lint("Dockerfile",
        "FROM alpine:3.20 AS build\nRUN true\n\nSTOPSIGNAL SIGTERMINATE\nRUN false\n");
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.text()).startsWith("Dockerfile:4:");
    assertThat(report.findings("DF211")).hasSize(1);
  }

  @Test
  void reportsAParseErrorWithItsPlace() {
    assertThatThrownBy(() -> Dockerfile.parse("FROM alpine:3.20\nRUN\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("2:");
  }
}
