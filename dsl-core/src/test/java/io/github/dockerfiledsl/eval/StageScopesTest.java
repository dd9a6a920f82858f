package io.github.dockerfiledsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageScopesTest {

  private static List<StageScopes.StageValues> eval(String text, Map<String, String> buildArgs) {
    Dockerfile d = DockerfileParser.parse(text);
    return StageScopes.evaluate(d, buildArgs, "linux/arm64/v8");
  }

  @Test
  void globalArgsAreVisibleOnlyInFrom() {
    List<StageScopes.StageValues> s =
        eval("ARG V=3.20\nFROM alpine:${V}\nENV A=$V\nARG V\nENV B=$V\n", Map.of());
    assertThat(s.get(0).image()).isEqualTo("alpine:3.20");
    assertThat(s.get(0).env()).containsEntry("A", "").containsEntry("B", "3.20");
  }

  @Test
  void buildArgsOverrideDefaultsAndEnvOverridesArg() {
    List<StageScopes.StageValues> s =
        eval(
            "ARG V=1\nFROM img:$V\nARG X=default\nENV Y=$X\nENV X=env\nENV Z=$X\n",
            Map.of("V", "9", "X", "given"));
    assertThat(s.get(0).image()).isEqualTo("img:9");
    assertThat(s.get(0).env()).containsEntry("Y", "given").containsEntry("Z", "env");
  }

  @Test
  void valuesOfOneEnvSeeOnlyEarlierDefinitions() {
    List<StageScopes.StageValues> s = eval("FROM a\nENV A=1\nENV A=2 B=$A\n", Map.of());
    assertThat(s.get(0).env()).containsEntry("A", "2").containsEntry("B", "1");
  }

  @Test
  void workdirJoinsAndUserExpands() {
    List<StageScopes.StageValues> s =
        eval("FROM a\nARG U=app\nWORKDIR /srv\nWORKDIR ${U}/data\nUSER ${U}:${U}\n", Map.of());
    assertThat(s.get(0).workdir()).isEqualTo("/srv/app/data");
    assertThat(s.get(0).user()).contains("app:app");
  }

  @Test
  void platformArgsAndProxies() {
    List<StageScopes.StageValues> s =
        eval(
            "FROM --platform=$BUILDPLATFORM golang AS build\nARG TARGETARCH\nENV GOARCH=$TARGETARCH\n"
                + "ENV P=$HTTP_PROXY Q=$BUILDOS\n",
            Map.of("HTTP_PROXY", "http://proxy:3128"));
    assertThat(s.get(0).platform()).contains("linux/arm64/v8");
    assertThat(s.get(0).env())
        .containsEntry("GOARCH", "arm64")
        .containsEntry("P", "http://proxy:3128")
        .containsEntry("Q", "");
  }

  @Test
  void stagesInheritFromEarlierStages() {
    List<StageScopes.StageValues> s =
        eval("FROM a AS base\nENV A=1\nWORKDIR /app\nFROM base\nENV B=$A\n", Map.of());
    assertThat(s.get(1).env()).containsEntry("A", "1").containsEntry("B", "1");
    assertThat(s.get(1).workdir()).isEqualTo("/app");
  }

  @Test
  void templatesKeepEscapedDollarsLiteral() {
    assertThat(TemplateExpander.expand("\\$HOME and \\\\ and C:\\dir $X", Map.of("X", "1")::get))
        .isEqualTo("$HOME and \\ and C:\\dir 1");
  }
}
