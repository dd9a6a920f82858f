package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of docs/yaml-spec.md: a {@code yaml} block renders to the {@code dockerfile}
 * block after it, and is valid against the JSON Schema. A block of steps runs in a stage {@code
 * from: alpine:3.20} after a stage named {@code build}.
 */
class DocsExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\n");
  private static final String PREFIX = "stages:\n  - from: golang:1.22\n    name: build\n"
      + "  - from: alpine:3.20\n    steps:\n";
  private static final String RENDERED_PREFIX = "FROM golang:1.22 AS build\n\nFROM alpine:3.20\n";

  record Example(int number, String yaml, String dockerfile) {}

  static List<Example> examples() throws IOException {
    Path doc = Path.of(System.getProperty("docs.dir", "../docs"), "yaml-spec.md");
    String text = Files.readString(doc);
    Matcher m = BLOCK.matcher(text);
    List<String[]> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(new String[] {m.group(1), m.group(2)});
    }
    List<Example> out = new ArrayList<>();
    for (int i = 0; i + 1 < blocks.size(); i++) {
      if (blocks.get(i)[0].equals("yaml") && blocks.get(i + 1)[0].equals("dockerfile")) {
        out.add(new Example(out.size() + 1, blocks.get(i)[1], blocks.get(i + 1)[1]));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRendersAsShownAndIsValid() throws IOException {
    List<Example> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(20);
    return examples.stream().map(e -> DynamicTest.dynamicTest("example " + e.number(), () -> {
      boolean whole = e.yaml().lines().anyMatch(l -> l.startsWith("stages:"));
      String yaml;
      String expected;
      if (whole) {
        yaml = e.yaml();
        expected = e.dockerfile();
      } else {
        StringBuilder sb = new StringBuilder(PREFIX);
        e.yaml().lines().forEach(l -> sb.append("      ").append(l).append('\n'));
        yaml = sb.toString();
        expected = RENDERED_PREFIX + e.dockerfile();
      }

      assertThat(YamlSpec.read("example.yaml", yaml).render()).as("%s", yaml).isEqualTo(expected);
      assertThat(SpecSchema.validate(yaml)).as("%s", yaml).isEmpty();
    }));
  }
}
