package io.github.dockerfiledsl.yaml;

import io.github.dockerfiledsl.Dockerfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * YAML specs of Dockerfiles: read a spec into the model, write the model as a spec, and get the
 * spec's JSON Schema. The format is described in docs/yaml-spec.md.
 *
 * <pre>{@code
 * Dockerfile d = YamlSpec.read("app.yaml", """
 *     stages:
 *       - from: alpine:3.20
 *         steps:
 *           - run: apk add --no-cache curl
 *     """);
 * d.render();   // FROM alpine:3.20
 *               // RUN apk add --no-cache curl
 * YamlSpec.write(d);   // the spec again
 * }</pre>
 *
 * <p>Reading is safe for untrusted input: no Java types are instantiated, YAML tags and aliases
 * are rejected, and the document size and nesting depth are limited.
 */
public final class YamlSpec {
  /** The class-path resource of the JSON Schema, relative to this class. */
  public static final String SCHEMA_RESOURCE = "dockerfile-spec.schema.json";

  private YamlSpec() {}

  /**
   * Reads a spec.
   *
   * @param fileName the file name used in error messages, or {@code null}
   * @param yaml the spec text
   * @return the Dockerfile model
   * @throws SpecException for any mistake, with the line and column of the YAML node at fault
   */
  public static Dockerfile read(String fileName, String yaml) {
    if (yaml == null) {
      throw new NullPointerException("yaml == null");
    }
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    return SpecReader.read(fileName, YamlReader.read(fileName, text));
  }

  /**
   * Writes a Dockerfile as a spec that {@link #read} reads back equal to it.
   *
   * @param dockerfile the model
   * @return the YAML text
   */
  public static String write(Dockerfile dockerfile) {
    if (dockerfile == null) {
      throw new NullPointerException("dockerfile == null");
    }
    return SpecWriter.write(dockerfile);
  }

  /**
   * Returns the JSON Schema (draft 2020-12) of the spec format, for editors and validators.
   *
   * @return the schema as JSON text
   */
  public static String schema() {
    try (InputStream in = YamlSpec.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
