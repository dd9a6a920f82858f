package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.image.ImageUse;
import io.github.dockerfiledsl.image.ImageUses;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Position;
import io.github.dockerfiledsl.lint.Positions;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.AstValidator;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The image uses of a Dockerfile with the line and column of their instruction. */
final class ImageLocations {
  /** One use and where its instruction starts. */
  record Located(ImageUse use, Position position) {}

  private final String name;
  private final List<Located> uses = new ArrayList<>();

  private ImageLocations(String name) {
    this.name = name;
  }

  /**
   * Parses a Dockerfile and locates its image uses.
   *
   * @param name the display name
   * @param text the text
   * @return the located uses
   * @throws Failure when the text is not a valid Dockerfile
   */
  static ImageLocations of(String name, String text) {
    ImageLocations out = new ImageLocations(name);
    try {
      Ast ast = AstParser.parse(name, text);
      AstValidator.validate(ast);
      Dockerfile d = DockerfileParser.toModel(ast);
      List<Position> starts = new ArrayList<>();
      for (AstNode n : ast.nodes()) {
        starts.add(new Position(Math.max(1, n.startLine()), Math.max(1, n.column())));
      }
      Function<Instruction, Optional<Position>> at;
      try {
        at = Positions.of(d, starts);
      } catch (IllegalArgumentException e) {
        at = i -> Optional.empty(); // model and source disagree: messages name the file only
      }
      for (ImageUse u : ImageUses.of(d)) {
        out.uses.add(new Located(u, at.apply(u.instruction()).orElse(new Position(1, 1))));
      }
    } catch (DockerfileParseException e) {
      throw new Failure(e.getMessage());
    }
    return out;
  }

  /**
   * Returns the uses in document order.
   *
   * @return the uses
   */
  List<Located> uses() {
    return uses;
  }

  /**
   * Returns {@code name:line:column} of the first use written as given.
   *
   * @param written the reference as written
   * @return the location prefix, or the name alone
   */
  String where(String written) {
    for (Located l : uses) {
      var r = l.use().reference();
      if (l.use().written().equals(written) || r.tag().isEmpty() && r.digest().isEmpty()
          && r.withTag("latest").toString().equals(written)) {
        return where(l);
      }
    }
    return name;
  }

  /**
   * Returns {@code name:line:column} of a use.
   *
   * @param l the use
   * @return the location prefix
   */
  String where(Located l) {
    return name + ":" + l.position().line() + ":" + l.position().column();
  }
}
