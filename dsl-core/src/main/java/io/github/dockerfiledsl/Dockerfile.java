package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.internal.Checks;
import io.github.dockerfiledsl.internal.Trivia;
import io.github.dockerfiledsl.render.RenderOptions;
import io.github.dockerfiledsl.render.Renderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable Dockerfile: parser directives, global ARGs (with comments) before the first FROM,
 * and one or more {@link Stage stages}.
 *
 * <pre>{@code
 * Dockerfile.model(List.of(), List.of(), List.of(Stage.of(FromInstruction.of("alpine:3.20"),
 *     List.of(RunInstruction.shell("apk add --no-cache curl"))))).render()
 * // FROM alpine:3.20
 * // RUN apk add --no-cache curl
 * }</pre>
 *
 * <p>Equality is by directives, preamble and stages; comments and blank lines take part, since
 * they are kept for lossless formatting.
 */
public final class Dockerfile {
  private final List<Directive> directives;
  private final List<Instruction> preamble;
  private final List<Stage> stages;

  private Dockerfile(List<Directive> directives, List<Instruction> preamble, List<Stage> stages) {
    this.directives = Checks.list(directives, "directives");
    Set<String> seen = new HashSet<>();
    for (Directive d : this.directives) {
      Checks.check(seen.add(d.name()), "directive %s must not be repeated", d.name());
    }
    List<Instruction> pre = Checks.list(preamble, "preamble");
    for (Instruction i : pre) {
      Checks.check(
          i instanceof ArgInstruction || i.isTrivia(),
          "only ARG, comments and blank lines may come before the first FROM, not %s",
          i.keyword());
    }
    this.preamble = Trivia.normalize(pre, true, false);
    this.stages = Checks.list(stages, "stages");
    Checks.check(!this.stages.isEmpty(), "a Dockerfile needs at least one FROM");
  }

  /**
   * Creates a Dockerfile from its parts.
   *
   * @param directives the parser directives
   * @param preamble the global ARGs, comments and blank lines before the first FROM
   * @param stages the stages, at least one
   * @return the Dockerfile
   * @throws IllegalArgumentException for a repeated directive or an instruction other than ARG
   *     before the first FROM (a duplicate stage name or a stage used before its definition is
   *     allowed, as BuildKit's parser allows it: the linter reports it, the typed builder refuses
   *     it)
   */
  public static Dockerfile model(
      List<Directive> directives, List<Instruction> preamble, List<Stage> stages) {
    return new Dockerfile(directives, preamble, stages);
  }

  /**
   * Creates a Dockerfile of the given stages, without directives or global ARGs.
   *
   * @param stages the stages
   * @return the Dockerfile
   */
  public static Dockerfile of(Stage... stages) {
    Checks.notNull(stages, "stages");
    return new Dockerfile(List.of(), List.of(), List.of(stages));
  }

  /**
   * Starts a Dockerfile written with the typed builder: directives, global ARGs, then {@code
   * from(..)}.
   *
   * <pre>{@code
   * DockerfileBuilder df = Dockerfile.builder().syntax("docker/dockerfile:1");
   * StageRef build = df.from("golang:1.22").as("build").run("go build -o /app .").end();
   * Dockerfile d = df.from("alpine:3.20").copy(build, "/app", "/app").build();
   * }</pre>
   *
   * @return a new builder
   */
  public static DockerfileBuilder builder() {
    return new io.github.dockerfiledsl.internal.BuilderRoot(StageRef::new);
  }

  /**
   * Starts a Dockerfile with the typed builder at its first FROM.
   *
   * <pre>{@code
   * Dockerfile.from("alpine:3.20").run(Apk.add("curl")).cmd(Exec.of("curl", "--help")).build()
   * // FROM alpine:3.20
   * // RUN apk add --no-cache curl
   * // CMD ["curl", "--help"]
   * }</pre>
   *
   * @param image the base image, a template, or {@code scratch}
   * @return the FROM step
   */
  public static FromStep from(String image) {
    return builder().from(image);
  }

  /**
   * Starts a Dockerfile with the typed builder at its first FROM.
   *
   * @param image the base image
   * @return the FROM step
   */
  public static FromStep from(ImageRef image) {
    return builder().from(image);
  }

  /**
   * Parses Dockerfile text the way BuildKit reads it, keeping comments and blank lines.
   *
   * <p>{@code Dockerfile.parse("FROM alpine\nRUN echo hi\n").render()} is the canonical form of
   * the text, which is what {@code dockerfile-dsl fmt} prints.
   *
   * @param text the Dockerfile text
   * @return the model
   * @throws io.github.dockerfiledsl.parse.DockerfileParseException with line, column, a snippet
   *     and what was expected, for text BuildKit rejects
   */
  public static Dockerfile parse(String text) {
    return io.github.dockerfiledsl.parse.DockerfileParser.parse(text);
  }

  /**
   * Parses a Dockerfile from a file (UTF-8); errors name the file.
   *
   * @param file the file
   * @return the model
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws io.github.dockerfiledsl.parse.DockerfileParseException for text BuildKit rejects
   */
  public static Dockerfile parse(java.nio.file.Path file) {
    return io.github.dockerfiledsl.parse.DockerfileParser.parse(file);
  }

  /**
   * Returns the parser directives.
   *
   * @return the directives
   */
  public List<Directive> directives() {
    return directives;
  }

  /**
   * Returns the value of a directive, if present.
   *
   * @param name {@code syntax}, {@code escape} or {@code check}
   * @return the value
   */
  public Optional<String> directive(String name) {
    for (Directive d : directives) {
      if (d.name().equalsIgnoreCase(name)) {
        return Optional.of(d.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the escape character: {@code \} unless an escape directive says {@code `}.
   *
   * @return the escape character
   */
  public char escape() {
    Optional<String> v = directive("escape");
    return v.isPresent() ? v.get().charAt(0) : '\\';
  }

  /**
   * Returns the global ARGs, comments and blank lines before the first FROM.
   *
   * @return the preamble
   */
  public List<Instruction> preamble() {
    return preamble;
  }

  /**
   * Returns the stages.
   *
   * @return the stages, at least one
   */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * Returns the first stage with the given name.
   *
   * @param name the stage name
   * @return the stage
   */
  public Optional<Stage> stage(String name) {
    for (Stage s : stages) {
      if (s.name().map(name::equals).orElse(false)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Renders the canonical Dockerfile text with default options.
   *
   * @return the text, ending with a line break
   */
  public String render() {
    return Renderer.render(this, RenderOptions.defaults());
  }

  /**
   * Renders the canonical Dockerfile text.
   *
   * @param options the options
   * @return the text, ending with a line break
   */
  public String render(RenderOptions options) {
    return Renderer.render(this, options);
  }

  /**
   * Returns a builder holding this Dockerfile's parts.
   *
   * @return a builder
   */
  public Editor toBuilder() {
    return new Editor(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dockerfile d
        && directives.equals(d.directives)
        && preamble.equals(d.preamble)
        && stages.equals(d.stages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(directives, preamble, stages);
  }

  /**
   * Returns the rendered text.
   *
   * @return {@link #render()}
   */
  @Override
  public String toString() {
    return render();
  }

  /**
   * A mutable editor of a {@link Dockerfile}'s parts, for model-to-model rewrites; not
   * thread-safe. (The typed, order-checked builder for writing Dockerfiles is a separate API.)
   */
  public static final class Editor {
    private final List<Directive> directives;
    private final List<Instruction> preamble;
    private final List<Stage> stages;

    private Editor(Dockerfile d) {
      this.directives = new ArrayList<>(d.directives);
      this.preamble = new ArrayList<>(d.preamble);
      this.stages = new ArrayList<>(d.stages);
    }

    /**
     * Replaces the directives.
     *
     * @param newDirectives the directives
     * @return this editor
     */
    public Editor directives(List<Directive> newDirectives) {
      directives.clear();
      directives.addAll(Checks.list(newDirectives, "directives"));
      return this;
    }

    /**
     * Replaces the preamble.
     *
     * @param newPreamble the preamble
     * @return this editor
     */
    public Editor preamble(List<? extends Instruction> newPreamble) {
      preamble.clear();
      preamble.addAll(Checks.list(newPreamble, "preamble"));
      return this;
    }

    /**
     * Replaces the stages.
     *
     * @param newStages the stages
     * @return this editor
     */
    public Editor stages(List<Stage> newStages) {
      stages.clear();
      stages.addAll(Checks.list(newStages, "stages"));
      return this;
    }

    /**
     * Replaces stage {@code index}.
     *
     * @param index the index
     * @param stage the stage
     * @return this editor
     */
    public Editor stage(int index, Stage stage) {
      stages.set(index, Checks.notNull(stage, "stage"));
      return this;
    }

    /**
     * Builds the Dockerfile.
     *
     * @return the Dockerfile
     */
    public Dockerfile build() {
      return new Dockerfile(directives, preamble, stages);
    }
  }
}
