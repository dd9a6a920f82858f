package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The JSON Schema accepts every example and rejects what the reader rejects for its shape. */
class SchemaTest {

  @Test
  void docsCopyIsIdenticalToTheResource() throws IOException {
    Path docs = Path.of(System.getProperty("docs.dir", "../docs"), "dockerfile-spec.schema.json");

    assertThat(Files.readString(docs)).isEqualTo(YamlSpec.schema());
  }

  @Test
  void schemaDeclaresDraft202012() {
    assertThat(YamlSpec.schema())
        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }

  @TestFactory
  Stream<DynamicTest> seedSpecsAreValid() throws IOException {
    try (Stream<Path> files = Files.list(SeedSpecsTest.specsDir())) {
      List<Path> specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(specs).hasSizeGreaterThanOrEqualTo(5);
      return specs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () ->
          assertThat(SpecSchema.validate(Files.readString(p))).isEmpty()));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFormCaseAndItsWrittenSpecAreValid() throws IOException {
    return SpecFormsTest.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      StringBuilder yaml = new StringBuilder("stages:\n  - from: alpine:3.20\n    steps:\n");
      for (String line : c.steps().split("\n")) {
        yaml.append("      ").append(line).append('\n');
      }
      assertThat(SpecSchema.validate(yaml.toString())).as("%s", yaml).isEmpty();
      String written = YamlSpec.write(YamlSpec.read("t.yaml", yaml.toString()));
      assertThat(SpecSchema.validate(written)).as("%s", written).isEmpty();
    }));
  }

  @Test
  void rejectsAnUnknownStepKey() {
    assertThat(SpecSchema.validate("stages:\n  - from: alpine\n    steps:\n      - rnu: make\n"))
        .isNotEmpty();
  }

  @Test
  void rejectsAStageWithoutFrom() {
    assertThat(SpecSchema.validate("stages:\n  - name: build\n")).isNotEmpty();
  }

  @Test
  void rejectsAMountWithAKeyOfAnotherType() {
    assertThat(SpecSchema.validate("""
        stages:
          - from: alpine
            steps:
              - run: {command: ls, mounts: [{type: tmpfs, target: /t, sharing: locked}]}
        """)).isNotEmpty();
  }

  @Test
  void rejectsTwoInstructionsInOneStep() {
    assertThat(SpecSchema.validate("stages:\n  - from: a\n    steps:\n      - {run: a, cmd: b}\n"))
        .isNotEmpty();
  }
}
