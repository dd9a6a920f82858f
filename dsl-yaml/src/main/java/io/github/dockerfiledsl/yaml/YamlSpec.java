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
   * @return the Dockerfile model, in the form the parser reads from its rendering (so that
   *     {@code Dockerfile.parse(d.render()).equals(d)}, as for a model the builder built)
   * @throws SpecException for any mistake, with the line and column of the YAML node at fault
   */
  public static Dockerfile read(String fileName, String yaml) {
    if (yaml == null) {
      throw new NullPointerException("yaml == null");
    }
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    return canonical(SpecReader.read(fileName, YamlReader.read(fileName, text)));
  }

  /**
   * Returns the model the parser reads from the rendering: one form for each value (a lone
   * {@code $} that starts no reference is {@code \$}, as the parser writes it). A model the
   * renderer refuses is returned as it is; rendering it reports the problem.
   */
  private static Dockerfile canonical(Dockerfile d) {
    String rendered;
    try {
      rendered = d.render();
    } catch (IllegalArgumentException unrenderable) {
      return d;
    }
    try {
      return Dockerfile.parse(rendered);
    } catch (RuntimeException unreadable) {
      return d; // the renderer's promise is broken; rendering and parsing it again reports it
    }
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
