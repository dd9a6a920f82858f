package io.github.dockerfiledsl.lint;

import static io.github.dockerfiledsl.lint.M.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinterTest {

  private static final Dockerfile ADD_FILE = df(stage("debian:12", add("app.py", "/app/")));

  @Test
  void fileLevelCheckSkipAcceptsIdNameAndHadolintCode() {
    assertThat(Linter.defaults().lint(ADD_FILE).findings("DF111")).hasSize(1);
    for (String name : List.of("DF111", "AddInsteadOfCopy", "dl3020", "DF111,JSONArgsRecommended", "all")) {
      Dockerfile skipped = RuleFixtures.withCheck("skip=" + name, ADD_FILE);
      assertThat(Linter.defaults().lint(skipped).findings("DF111")).as(name).isEmpty();
    }
  }

  @Test
  void checkDirectiveIgnoresTextAfterTheFirstBlank() {
    Dockerfile d = RuleFixtures.withCheck("skip=DF113 DF111", ADD_FILE);
    assertThat(Linter.defaults().lint(d).findings("DF111")).hasSize(1);
  }

  @Test
  void commentDirectlyAboveSkipsOnlyThatInstruction() {
    Dockerfile d = df(stage("debian:12",
        comment("check=skip=DF111"), add("a.py", "/app/"),
        add("b.py", "/app/")));
    List<Finding> findings = Linter.defaults().lint(d).findings("DF111");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("b.py");
  }

  @Test
  void blankLineBetweenCommentAndInstructionEndsTheSuppression() {
    Dockerfile d = df(stage("debian:12",
        comment("check=skip=DF111"), io.github.dockerfiledsl.instruction.BlankLine.INSTANCE,
        add("a.py", "/app/")));
    assertThat(Linter.defaults().lint(d).findings("DF111")).hasSize(1);
  }

  @Test
  void commentAboveFromSkipsStageRules() {
    Dockerfile d = Dockerfile.model(List.of(), List.of(),
        List.of(io.github.dockerfiledsl.Stage.of(List.of(comment("check=skip=DL3006")), from("debian"),
            List.of(run("true")))));
    assertThat(Linter.defaults().lint(d).findings("DF113")).isEmpty();
    assertThat(Linter.defaults().lint(df(stage("debian", run("true")))).findings("DF113")).hasSize(1);
  }

  @Test
  void experimentalRulesRunOnlyWhenEnabled() {
    Dockerfile d = df(stage("alpine:3.20", comment("the version"), arg("V")));
    assertThat(Linter.defaults().lint(d).findings("DF019")).isEmpty();
    assertThat(Linter.defaults().lint(RuleFixtures.withCheck("experimental=InvalidDefinitionDescription", d))
        .findings("DF019")).hasSize(1);
    assertThat(Linter.defaults().lint(RuleFixtures.withCheck("experimental=all", d)).findings("DF019"))
        .hasSize(1);
    assertThat(Linter.defaults().withExperimental().lint(d).findings("DF019")).hasSize(1);
  }

  @Test
  void errorTrueTurnsWarningsIntoErrors() {
    assertThat(Linter.defaults().lint(ADD_FILE).exitCode()).isZero();
    LintReport r = Linter.defaults().lint(RuleFixtures.withCheck("error=true", ADD_FILE));
    assertThat(r.findings("DF111")).allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void positionsComeFromTheLookupByIdentity() {
    RunInstruction a = run("apk add curl");
    RunInstruction b = run("apk add curl");
    Dockerfile d = df(stage("alpine:3.20", a, b));
    Map<Instruction, Position> where = new IdentityHashMap<>();
    where.put(a, new Position(2, 1));
    where.put(b, new Position(3, 1));
    List<Finding> f = Linter.defaults().lint(d, i -> Optional.ofNullable(where.get(i))).findings("DF104");
    assertThat(f).extracting(x -> x.position().orElseThrow())
        .containsExactly(new Position(2, 1), new Position(3, 1));
  }

  @Test
  void fixAppliesAllFixesInOrder() {
    Dockerfile django = df(stage("python:3.4",
        run("apt-get update"),
        run("apt-get install -y postgresql-client"),
        workdir("/usr/src/app"),
        copy("requirements.txt", "./"),
        run("pip install -r requirements.txt"),
        add(".", "."),
        maintainer("someone"),
        cmd("python manage.py runserver 0.0.0.0:8000")));
    Dockerfile fixed = Linter.defaults().fix(django);
    assertThat(fixed.render()).isEqualTo("""
        FROM python:3.4
        RUN apt-get update \\
            && apt-get install --no-install-recommends -y postgresql-client \\
            && rm -rf /var/lib/apt/lists/*
        WORKDIR /usr/src/app
        COPY requirements.txt ./
        RUN pip install --no-cache-dir -r requirements.txt
        COPY . .
        LABEL org.opencontainers.image.authors=someone
        CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
        """);
    assertThat(Linter.defaults().lint(fixed).findings()).noneMatch(Finding::fixable);
  }

  @Test
  void fixTextRendersTheFixedModel() {
    String text = "from debian:12 as base\nADD app.py /app/\nENV A 1\n";
    String fixed = Linter.defaults().fix("Dockerfile", text);
    assertThat(fixed).isEqualTo("FROM debian:12 AS base\nCOPY app.py /app/\nENV A=1\n");
    assertThat(Linter.defaults().lint("Dockerfile", fixed).findings()).isEmpty();
  }

  @Test
  void mergeKeepsShellStateApart() {
    Dockerfile d = df(stage("debian:12", run("cd /tmp"), run("make")));
    Finding f = Linter.defaults().lint(d).findings("DF103").get(0);
    assertThat(f.fixable()).isTrue();
    assertThat(Linter.defaults().only("DF103").fix(d).render())
        .contains("RUN ( cd /tmp ) \\\n    && make");
  }

  @Test
  void withoutAndOnlySelectRules() {
    assertThat(Linter.defaults().without("DF111").lint(ADD_FILE).findings("DF111")).isEmpty();
    assertThat(Linter.defaults().only("DL3020").rules()).extracting(Rule::id).containsExactly("DF111");
    assertThatThrownBy(() -> Linter.of(List.of(new io.github.dockerfiledsl.lint.rules.LatestTag(),
        new io.github.dockerfiledsl.lint.rules.LatestTag())))
        .hasMessage("duplicate rule id 'DF114'");
  }

  @Test
  void textLintingReadsTheSourceAndGivesPositions() {
    String text = "FROM alpine:3.20\nENV A 1\n# check=skip=LegacyKeyValueFormat\nENV B 2\n";
    LintReport r = Linter.defaults().only("DF013").lint("Dockerfile", text);
    assertThat(r.text()).isEqualTo(
        "Dockerfile:2:1: warning DF013 legacy 'ENV A value' format; write ENV A=value\n");
    Dockerfile parsed = io.github.dockerfiledsl.parse.DockerfileParser.parse(text);
    assertThat(Linter.defaults().only("DF013").lint(parsed, i -> Optional.empty(), text).findings())
        .hasSize(1);
    assertThat(Linter.defaults().only("DF013").lint(parsed).findings()).isEmpty();
  }

  @Test
  void checkCommentAboveTheFirstFromInTextSkipsOnlyThatStage() {
    String text = "# a title ends the directives\n# check=skip=DL3006\nFROM debian\nRUN true\n\n"
        + "FROM busybox\nRUN true\n";
    assertThat(Linter.defaults().only("DF113").lint("Dockerfile", text).text()).isEqualTo(
        "Dockerfile:6:1: warning DF113 FROM busybox has no tag or digest; pin a version\n");
    assertThat(Linter.defaults().only("DF113").lint("Dockerfile", "# check=skip=DL3006\n" + text.substring(text.indexOf("FROM")))
        .findings()).isEmpty();
  }

  @Test
  void textLintingThrowsParseErrors() {
    assertThatThrownBy(() -> Linter.defaults().lint("Dockerfile", "RUN true\n"))
        .isInstanceOf(io.github.dockerfiledsl.parse.DockerfileParseException.class);
  }

  @Test
  void duplicateStageNamesAreAWarningNotAParseError() {
    // BuildKit builds the file and warns (dockerfile2llb/validations.go validateStageNames)
    LintReport r = Linter.defaults().lint("Dockerfile",
        "FROM alpine:3.20 AS a\nRUN true\nFROM alpine:3.20 AS a\nRUN true\n");
    assertThat(r.text()).isEqualTo(
        "Dockerfile:3:1: warning DF005 duplicate stage name \"a\", stage names should be unique\n");
    assertThat(r.exitCode()).isEqualTo(0);
  }

  @Test
  void ruleExceptionsNameTheRule() {
    Rule broken = new Rule() {
      @Override public String id() {
        return "X001";
      }

      @Override public String name() {
        return "Broken";
      }

      @Override public Severity severity() {
        return Severity.INFO;
      }

      @Override public String summary() {
        return "breaks";
      }

      @Override public void check(LintContext context) {
        throw new IllegalStateException("boom");
      }
    };
    assertThatThrownBy(() -> Linter.of(List.of(broken)).lint(ADD_FILE))
        .hasMessageContaining("rule X001 (Broken) failed");
  }

  @Test
  void configuredSeverityAppliesToTheNamedRuleOnlyAndToParsedText() {
    String text = "FROM debian:latest\nADD app.py /app/\n";
    Linter linter = Linter.defaults().withSeverity("DL3007", Severity.ERROR);
    LintReport report = linter.lint("Dockerfile", text);
    assertThat(report.findings("DF114")).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.ERROR);
    assertThat(report.findings("DF111")).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    assertThat(report.hasErrors()).isTrue();
    assertThat(Linter.defaults().lint("Dockerfile", text).hasErrors()).isFalse();
    // survives the other ways of deriving a linter
    assertThat(linter.without("DF111").lint("Dockerfile", text).findings("DF114"))
        .singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    // and lowers too
    assertThat(Linter.defaults().withSeverity("LatestTag", Severity.INFO)
        .lint("Dockerfile", text).findings("DF114"))
        .singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
  }

  @Test
  void configuredSeverityRejectsAnUnknownRule() {
    assertThatThrownBy(() -> Linter.defaults().withSeverity("NoSuchRule", Severity.ERROR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no lint rule named 'NoSuchRule'");
  }

  @Test
  void configuredSeverityAppliesBeforeCheckErrorTrue() {
    String text = "FROM debian\nADD app.py /app/\n";
    LintReport r = Linter.defaults().only("DF113", "DF111").withSeverity("DL3006", Severity.INFO)
        .withSeverity("AddInsteadOfCopy", Severity.ERROR).lint("Dockerfile", text);
    assertThat(r.text()).isEqualTo("Dockerfile:1:1: info DF113 FROM debian has no tag or digest;"
        + " pin a version\nDockerfile:2:1: error DF111 "
        + r.findings("DF111").get(0).message() + "\n");
    LintReport strict = Linter.defaults().only("DF113").withSeverity("DF113", Severity.WARNING)
        .lint("Dockerfile", "# check=error=true\n" + text);
    assertThat(strict.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR);
    assertThatThrownBy(() -> Linter.defaults().withSeverity("DL9999", Severity.INFO))
        .hasMessage("no lint rule named 'DL9999'");
  }

  @Test
  void trustedRegistriesFollowHadolintDl3026() {
    String text = "FROM debian:12 AS a\nRUN true\n\nFROM tools.example.net/org/tool:1 AS b\nRUN true\n\n"
        + "FROM mirror.example.com:5000/debian:12\nRUN true\n\nFROM a\nRUN true\n\n"
        + "FROM scratch\nCOPY --from=b /x /x\n";
    assertThat(Linter.defaults().only("DL3026").lint("Dockerfile", text).findings()).isEmpty();
    LintReport r = Linter.defaults().only("DL3026")
        .withTrustedRegistries(List.of("docker.io", "*.EXAMPLE.com:5000")).lint("Dockerfile", text);
    assertThat(r.text()).isEqualTo("Dockerfile:4:1: error DF119 FROM tools.example.net/org/tool:1 pulls"
        + " from tools.example.net, which is not a trusted registry (trusted: docker.io,"
        + " *.EXAMPLE.com:5000)\n");
    LintReport onlyTools = Linter.defaults().only("DF119").withTrustedRegistries(List.of("tools.example.net"))
        .lint("Dockerfile", text);
    assertThat(onlyTools.findings()).extracting(f -> f.position().get().line())
        .containsExactly(1, 7);
  }
}
