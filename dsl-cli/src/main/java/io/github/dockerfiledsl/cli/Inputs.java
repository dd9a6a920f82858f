package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.yaml.SpecException;
import io.github.dockerfiledsl.yaml.YamlSpec;

/** Turns input files into models, and model problems into located messages. */
final class Inputs {
  private Inputs() {}

  /**
   * Reads and parses a Dockerfile.
   *
   * @param name the path or {@code -}
   * @return the model
   * @throws Failure for unreadable or invalid input
   */
  static Dockerfile dockerfile(String name) {
    String text = Io.read(name, Main.stdin);
    try {
      return DockerfileParser.parse(Io.displayName(name), text);
    } catch (DockerfileParseException e) {
      throw new Failure(e.getMessage());
    }
  }

  /**
   * Reads a YAML spec.
   *
   * @param name the path or {@code -}
   * @return the model
   * @throws Failure for unreadable or invalid input
   */
  static Dockerfile spec(String name) {
    String text = Io.read(name, Main.stdin);
    try {
      return YamlSpec.read(Io.displayName(name), text);
    } catch (SpecException e) {
      throw new Failure(e.getMessage());
    }
  }

  /**
   * Renders a model, reporting a model the renderer cannot write as a failure of the input.
   *
   * @param name the input name
   * @param dockerfile the model
   * @return the canonical text
   */
  static String render(String name, Dockerfile dockerfile) {
    try {
      return dockerfile.render();
    } catch (IllegalArgumentException e) {
      throw new Failure(Io.displayName(name) + ": cannot render: " + e.getMessage());
    }
  }
}
