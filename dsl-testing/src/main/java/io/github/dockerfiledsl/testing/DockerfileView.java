package io.github.dockerfiledsl.testing;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Positions;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.render.RenderOptions;
import io.github.dockerfiledsl.render.Renderer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile model with its rendered text: where each instruction is (line number in the
 * rendered text) and how it reads, for assertion messages.
 */
final class DockerfileView {
  private final Dockerfile dockerfile;
  private final String text;
  private final List<String> lines;
  private final Map<Instruction, Integer> lineOf = new IdentityHashMap<>();

  DockerfileView(Dockerfile dockerfile) {
    this.dockerfile = dockerfile;
    this.text = dockerfile.render();
    this.lines = List.of(text.split("\n", -1));
    List<Instruction> instructions = Positions.inDocumentOrder(dockerfile);
    try {
      Ast ast = AstParser.parse("Dockerfile", text);
      List<AstNode> nodes = ast.nodes();
      if (nodes.size() == instructions.size()) {
        for (int i = 0; i < nodes.size(); i++) {
          lineOf.put(instructions.get(i), Math.max(1, nodes.get(i).startLine()));
        }
      }
    } catch (RuntimeException e) {
      // the rendered text always parses; without positions the messages quote the instruction
    }
  }

  Dockerfile dockerfile() {
    return dockerfile;
  }

  String text() {
    return text;
  }

  /** The instruction as it reads in the Dockerfile, with its line: {@code line 3: USER root}. */
  String describe(Instruction instruction) {
    Integer line = lineOf.get(instruction);
    if (line != null && line <= lines.size()) {
      return "line " + line + ": " + lines.get(line - 1).strip();
    }
    String rendered = Renderer.render(instruction, RenderOptions.defaults()).strip();
    int nl = rendered.indexOf('\n');
    return nl < 0 ? rendered : rendered.substring(0, nl) + " ...";
  }

  /** Each instruction described on a line of its own, indented, or {@code (none)}. */
  String describeAll(List<? extends Instruction> instructions) {
    if (instructions.isEmpty()) {
      return "  (none)";
    }
    List<String> out = new ArrayList<>();
    for (Instruction i : instructions) {
      out.add("  " + describe(i));
    }
    return String.join("\n", out);
  }

  /** The stage with that name, or empty. */
  Optional<Stage> stage(String name) {
    return dockerfile.stages().stream().filter(s -> s.name().map(name::equalsIgnoreCase).orElse(false))
        .findFirst();
  }

  /** The index of the stage that a FROM names, if it names an earlier stage. */
  Optional<Stage> parentStage(Stage stage) {
    int index = dockerfile.stages().indexOf(stage);
    String image = stage.from().image();
    for (int i = 0; i < index; i++) {
      Stage s = dockerfile.stages().get(i);
      if (s.name().map(image::equalsIgnoreCase).orElse(false)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The chain of stages that make the image of a stage: the stage itself, preceded by the
   * stages its FROM names, outermost first.
   */
  List<Stage> chain(Stage stage) {
    List<Stage> chain = new ArrayList<>();
    Stage s = stage;
    while (s != null && !chain.contains(s)) {
      chain.add(0, s);
      s = parentStage(s).orElse(null);
    }
    return chain;
  }

  /** The instructions (no trivia, FROM included) that make the image of a stage, in order. */
  List<Instruction> imageInstructions(Stage stage) {
    List<Instruction> out = new ArrayList<>();
    for (Stage s : chain(stage)) {
      out.add(s.from());
      s.steps().forEach(out::add);
    }
    return out;
  }
}
