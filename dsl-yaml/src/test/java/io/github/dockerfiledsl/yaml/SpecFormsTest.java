package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One case per instruction form, from {@code forms/cases.txt}: the steps of a spec render to the
 * expected Dockerfile lines, and the spec written back from the model reads back equal (and is a
 * fixed point of writing).
 *
 * <p>A case is a line {@code === name}, the YAML steps, a line {@code ---} and the Dockerfile
 * lines after {@code FROM alpine:3.20}.
 */
class SpecFormsTest {

  record Case(String name, String steps, String expected) {}

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = SpecFormsTest.class.getResourceAsStream("/forms/cases.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    for (String block : text.split("(?m)^=== ")) {
      if (block.isBlank()) {
        continue;
      }
      int nl = block.indexOf('\n');
      String name = block.substring(0, nl).strip();
      String body = block.substring(nl + 1);
      int sep = body.indexOf("\n---\n");
      cases.add(new Case(name, body.substring(0, sep + 1), body.substring(sep + 5)));
    }
    return cases;
  }

  static Dockerfile read(String steps) {
    StringBuilder yaml = new StringBuilder("stages:\n  - from: alpine:3.20\n    steps:\n");
    for (String line : steps.split("\n")) {
      yaml.append("      ").append(line).append('\n');
    }
    return YamlSpec.read("t.yaml", yaml.toString());
  }

  @org.junit.jupiter.api.Test
  void aJsonSpecIsReadAsYaml() {
    Dockerfile d = YamlSpec.read("spec.json",
        "{\"stages\": [{\"from\": \"alpine:3.20\", \"steps\": [{\"run\": [\"true\"]}]}]}");

    assertThat(d.render()).isEqualTo("FROM alpine:3.20\nRUN [\"true\"]\n");
  }

  @TestFactory
  Stream<DynamicTest> everyFormRendersAndRoundTrips() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThan(40);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Dockerfile d = read(c.steps());

      assertThat(d.render()).isEqualTo("FROM alpine:3.20\n" + c.expected());
      String written = YamlSpec.write(d);
      Dockerfile back = YamlSpec.read("written.yaml", written);
      assertThat(back).as("read(write(d)) of:%n%s", written).isEqualTo(d);
      assertThat(YamlSpec.write(back)).isEqualTo(written);
    }));
  }
}
