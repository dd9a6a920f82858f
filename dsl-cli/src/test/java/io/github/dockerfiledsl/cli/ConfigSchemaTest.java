package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration's JSON Schema: shipped in the jar and identical in docs/, and it agrees with
 * the reader on valid and invalid files.
 */
class ConfigSchemaTest {
  static String resource() throws IOException {
    try (InputStream in = Config.class.getResourceAsStream("config.schema.json")) {
      assertThat(in).as("the schema in the jar").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(resource(), InputFormat.JSON);
  }

  @Test
  void docsCopyIsIdenticalToTheResource() throws IOException {
    Path docs = Path.of(System.getProperty("docs.dir", "../docs"),
        "dockerfile-dsl-config.schema.json");
    assertThat(Files.readString(docs)).isEqualTo(resource());
  }

  static final List<String> VALID = List.of(
      "",
      "format:\n  columnLimit: 0\n",
      """
      exclude: [third_party/, "**/*.tmp.Dockerfile"]
      format:
        columnLimit: 120
        continuationIndent: 2
      lint:
        disable: [DF103, DL3008]
        severity:
          DF113: error
          JSONArgsRecommended: off
        trustedRegistries: [docker.io, "*.example.com"]
      overrides:
        - files: ["legacy/**"]
          format: {columnLimit: 0}
          lint: {disable: [AddInsteadOfCopy]}
      """);

  static final List<String> INVALID = List.of(
      "lint:\n  severty: {}\n",
      "lint:\n  severity:\n    DF113: loud\n",
      "format:\n  columnLimit: -1\n",
      "format:\n  columnLimit: many\n",
      "format:\n  continuationIndent: 0\n",
      "overrides:\n  - lint: {}\n",
      "overrides:\n  - files: []\n",
      "exclude: x\n",
      "lint:\n  trustedRegistries: docker.io\n",
      "formats: {}\n");

  @Test
  void theSchemaAndTheReaderAgree() throws IOException {
    Schema schema = schema();
    Config config = new Config(null, false, new Config.Layer());
    for (String yaml : VALID) {
      assertThat(schema.validate(yaml.isEmpty() ? "{}" : yaml, InputFormat.YAML)).as(yaml)
          .isEmpty();
      assertThat(load(config, yaml)).as(yaml).isNull();
    }
    for (String yaml : INVALID) {
      assertThat(schema.validate(yaml, InputFormat.YAML)).as(yaml).isNotEmpty();
      assertThat(load(config, yaml)).as(yaml).isNotNull();
    }
  }

  /** Loads a configuration text, returning the failure message or null. */
  static String load(Config config, String yaml) throws IOException {
    Path f = Files.createTempFile("config", ".yaml");
    try {
      Files.writeString(f, yaml);
      Failure e = catchThrowableOfType(Failure.class, () -> config.load(f));
      return e == null ? null : e.getMessage();
    } finally {
      Files.delete(f);
    }
  }
}
