package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.lint.Positions;
import io.github.dockerfiledsl.parse.AstNode;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.render.RenderOptions;
import io.github.dockerfiledsl.render.Renderer;
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
      String text = null;
      if (!name.equals(Io.STDIN)) {
        try {
          text = java.nio.file.Files.readString(java.nio.file.Path.of(name));
        } catch (java.io.IOException | RuntimeException unreadable) {
          // the name alone
        }
      }
      throw new Failure(locate(Io.displayName(name), text, dockerfile) + ": cannot render: "
          + e.getMessage());
    }
  }

  /**
   * Renders a model parsed from the given text with the given options, reporting a model the
   * renderer cannot write as a failure at the first instruction it rejects.
   *
   * @param where the name to report
   * @param text the text the model was parsed from
   * @param dockerfile the model
   * @param options the render options
   * @return the rendered text
   */
  static String render(String where, String text, Dockerfile dockerfile, RenderOptions options) {
    try {
      return dockerfile.render(options);
    } catch (IllegalArgumentException e) {
      throw new Failure(locate(where, text, dockerfile) + ": cannot render: " + e.getMessage());
    }
  }

  /**
   * Returns {@code file:line:column} of the first instruction the renderer rejects when the
   * model was parsed from the text, else just the name (a spec, or a model a fix changed).
   */
  private static String locate(String where, String text, Dockerfile dockerfile) {
    if (text == null) {
      return where;
    }
    try {
      java.util.List<Position> starts = new java.util.ArrayList<>();
      for (AstNode n : AstParser.parse(where, text).nodes()) {
        starts.add(new Position(Math.max(1, n.startLine()), Math.max(1, n.column())));
      }
      java.util.function.Function<Instruction, java.util.Optional<Position>> positions =
          Positions.of(dockerfile, starts);
      for (Instruction i : Positions.inDocumentOrder(dockerfile)) {
        try {
          Renderer.render(i, RenderOptions.defaults());
        } catch (IllegalArgumentException rejected) {
          java.util.Optional<Position> p = positions.apply(i);
          if (p.isPresent()) {
            return where + ":" + p.get().line() + ":" + p.get().column();
          }
        }
      }
    } catch (RuntimeException notADockerfile) {
      // a spec, or a text that does not parse: the name alone
    }
    return where;
  }
}
