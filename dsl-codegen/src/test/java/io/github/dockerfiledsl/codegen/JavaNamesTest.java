package io.github.dockerfiledsl.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

  @Test
  void camelCasesStageNames() {
    assertThat(JavaNames.camel("build-env")).isEqualTo("buildEnv");
    assertThat(JavaNames.camel("stage_1.final")).isEqualTo("stage1Final");
    assertThat(JavaNames.camel("1st")).isEqualTo("_1st");
    assertThat(JavaNames.camel("Builder")).isEqualTo("builder");
    assertThat(JavaNames.camel("---")).isEmpty();
  }

  @Test
  void avoidsKeywordsRestrictedNamesAndRepeats() {
    JavaNames names = new JavaNames();
    names.reserve("dockerfile");
    assertThat(names.allocate("final", "s")).isEqualTo("finalStage");
    assertThat(names.allocate("new", "s")).isEqualTo("newStage");
    assertThat(names.allocate("var", "s")).isEqualTo("varStage");
    assertThat(names.allocate("dockerfile", "s")).isEqualTo("dockerfile2");
    assertThat(names.allocate("build", "s")).isEqualTo("build");
    assertThat(names.allocate("build", "s")).isEqualTo("build2");
    assertThat(names.allocate("$$$", "stage3")).isEqualTo("stage3");
  }
}
