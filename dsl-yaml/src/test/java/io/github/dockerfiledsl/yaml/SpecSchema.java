package io.github.dockerfiledsl.yaml;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** The spec's JSON Schema, loaded once, as a validator of YAML texts. */
final class SpecSchema {
  private static final Schema SCHEMA = SchemaRegistry
      .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(YamlSpec.schema(), InputFormat.JSON);

  private SpecSchema() {}

  /**
   * Validates a YAML spec.
   *
   * @param yaml the spec
   * @return the errors, empty when valid
   */
  static List<Error> validate(String yaml) {
    return SCHEMA.validate(yaml, InputFormat.YAML);
  }
}
