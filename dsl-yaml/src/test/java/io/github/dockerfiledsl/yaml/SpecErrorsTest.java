package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad specs fail with the file, line and column of the YAML node at fault. */
class SpecErrorsTest {

  static SpecException error(String yaml) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> YamlSpec.read("app.yaml", yaml));
    assertThat(e).as("expected a SpecException for:%n%s", yaml).isNotNull();
    return e;
  }

  @Test
  void unknownKeySuggestsTheClosest() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - run:
                  comand: make
        """);

    assertThat(e.getMessage()).startsWith("app.yaml:5:11: unknown key 'comand' in run (did you mean"
        + " 'command'?); expected one of apk, apt, cache-mounts, chain, cleanup, command,");
  }

  @Test
  void unknownInstructionSuggestsTheClosest() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - rnu: make
        """);

    assertThat(e.getMessage()).startsWith("app.yaml:4:9: unknown key 'rnu' in a step (did you mean"
        + " 'run'?)");
  }

  @Test
  void unknownTopLevelKey() {
    SpecException e = error("""
        stage:
          - from: alpine
        """);

    assertThat(e.getMessage()).startsWith("app.yaml:1:1: unknown key 'stage' in the spec (did you"
        + " mean 'stages'?)");
  }

  @Test
  void wrongType() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - workdir: [a, b]
        """);

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(18);
    assertThat(e.reason()).isEqualTo("workdir must be a string; found a list");
  }

  @Test
  void missingFrom() {
    SpecException e = error("""
        stages:
          - name: build
            steps:
              - run: make
        """);

    assertThat(e.getMessage()).isEqualTo("app.yaml:2:5: missing key 'from' in stage 1: every stage"
        + " starts with FROM");
  }

  @Test
  void missingStages() {
    assertThat(error("global:\n  - arg: A\n").reason()).startsWith("missing key 'stages'");
  }

  @Test
  void undefinedStageSuggestsAnEarlierOne() {
    SpecException e = error("""
        stages:
          - from: golang:1.22
            name: build
            steps:
              - run: go build -o /app .
          - from: alpine
            steps:
              - copy: {from: {stage: biuld}, src: /app, dest: /app}
        """);

    assertThat(e.getMessage()).isEqualTo("app.yaml:8:30: undefined stage 'biuld' (did you mean"
        + " 'build'?)");
  }

  @Test
  void laterStageAndInvalidImageAreReadAsBuildKitParsesThem() {
    // BuildKit's parser accepts them and fails only when it builds such a stage; the linter
    // reports them (DF208, DF209), so that import works on every file BuildKit parses
    for (String yaml : List.of("""
        stages:
          - from: alpine
            steps:
              - copy: {from: later, src: /a, dest: /a}
          - from: alpine
            name: later
        """, """
        stages:
          - from: alpine
            steps:
              - copy: {from: "1", src: /a, dest: /a}
          - from: alpine
        """, """
        stages:
          - from: Alpine:3.20
        """)) {
      assertThat(YamlSpec.read("app.yaml", yaml).stages()).isNotEmpty();
    }
  }

  @Test
  void stageIndexMustExist() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - copy: {from: "2", src: /a, dest: /a}
          - from: alpine
        """);

    assertThat(e.reason()).isEqualTo("undefined stage 2: the spec has stages 0..1 (stage indexes"
        + " start at 0)");
  }

  @Test
  void invalidStageName() {
    SpecException e = error("""
        stages:
          - from: alpine
            name: 1st
        """);

    assertThat(e.getMessage()).isEqualTo("app.yaml:3:11: stage name '1st' must match"
        + " [a-z][a-z0-9-_.]*");
  }

  @Test
  void duplicateStageNameIsAllowedAsInBuildKit() {
    // the spec holds what BuildKit's parser holds; lint reports it (DF005)
    assertThat(YamlSpec.read("app.yaml", """
        stages:
          - {from: alpine, name: a}
          - {from: alpine, name: a}
        """).stages()).hasSize(2);
  }

  @Test
  void modelRuleIsReportedAtItsNode() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - expose: 70000
        """);

    assertThat(e.getMessage()).startsWith("app.yaml:4:17: ").contains("70000", "0..65535");
  }

  @Test
  void shellLinesMustContinue() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - run: |-
                  apt-get update
                  apt-get install -y curl
        """);

    assertThat(e.reason()).startsWith("line 1 of run must end with \\ to continue");
  }

  @Test
  void heredocBodyMustBeGiven() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - run:
                  command: <<EOF
        """);

    assertThat(e.reason()).isEqualTo("the command names heredoc(s) <<EOF; give their bodies under"
        + " 'heredocs'");
  }

  @Test
  void twoInstructionsInOneStep() {
    SpecException e = error("""
        stages:
          - from: alpine
            steps:
              - run: a
                cmd: b
        """);

    assertThat(e.getMessage()).isEqualTo("app.yaml:5:9: a step holds one instruction; 'run' and"
        + " 'cmd' must be two steps");
  }

  @Test
  void fromInsideStepsPointsToStages() {
    assertThat(error("stages:\n  - from: a\n    steps:\n      - from: b\n").reason())
        .startsWith("FROM starts a new stage");
  }

  @Test
  void onlyArgsBeforeTheFirstStage() {
    SpecException e = error("global:\n  - run: make\nstages:\n  - from: alpine\n");

    assertThat(e.getMessage()).startsWith("app.yaml:2:5: RUN is not allowed before the first stage");
  }

  @Test
  void syntaxErrorIsLocated() {
    SpecException e = error("stages:\n  - from: alpine\n   steps: [\n");

    assertThat(e.reason()).startsWith("invalid YAML");
    assertThat(e.line()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void duplicateKeyIsRejected() {
    assertThat(error("stages:\n  - from: a\n    from: b\n").reason()).contains("uplicate");
  }

  @Test
  void aliasesAreRejected() {
    SpecException e = error("""
        x: &base alpine
        stages:
          - from: *base
        """);

    assertThat(e.reason()).contains("alias");
  }

  @Test
  void billionLaughsIsRejectedQuickly() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append('*').append((char) ('a' + i - 1));
      }
      yaml.append("]\n");
    }
    yaml.append("stages: [{from: alpine}]\n");

    assertThat(error(yaml.toString()).reason()).contains("alias");
  }

  @Test
  void tagsAreRejected() {
    SpecException e = error("stages:\n  - from: !!python/object:os.system alpine\n");

    assertThat(e.reason()).contains("tags");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void deepNestingIsRejected() {
    String yaml = "stages: " + "[".repeat(200) + "]".repeat(200) + "\n";

    assertThat(error(yaml).reason()).containsAnyOf("nesting", "depth");
  }

  @Test
  void hugeDocumentIsRejected() {
    String yaml = "# " + "x".repeat(YamlReader.MAX_CHARS) + "\nstages: [{from: alpine}]\n";

    assertThat(error(yaml).reason()).startsWith("document too large");
  }

  @Test
  void emptyDocument() {
    assertThat(error("").reason()).startsWith("empty document");
  }

  @Test
  void nullTextIsRejected() {
    assertThatThrownBy(() -> YamlSpec.read("x", null)).isInstanceOf(NullPointerException.class);
  }
}
