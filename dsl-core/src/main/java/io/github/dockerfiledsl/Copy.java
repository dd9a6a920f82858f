package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@code COPY} with all its flags, for {@link InstructionStep#copy(Copy)}. Immutable.
 *
 * <pre>{@code
 * Copy.of(List.of("go.mod", "go.sum"), "./").from(build).chown("app:app").chmod(Chmod.of(0644)).link()
 * // COPY --from=build --chown=app:app --chmod=644 --link go.mod go.sum ./
 * }</pre>
 *
 * <p>{@code --from} takes a {@link StageRef} or an {@link ImageRef}, never a bare string; a named
 * build context (given with {@code --build-context name=...}) is {@link #fromContext(String)}.
 */
public final class Copy {
  private final CopyInstruction base;
  private final Optional<StageRef> stage;

  private Copy(CopyInstruction base, Optional<StageRef> stage) {
    this.base = base;
    this.stage = stage;
  }

  /**
   * Returns {@code COPY source destination}.
   *
   * @param source the source path or glob, a template
   * @param destination the destination, a template
   * @return the copy
   */
  public static Copy of(String source, String destination) {
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return new Copy(CopyInstruction.of(source, destination), Optional.empty());
  }

  /**
   * Returns {@code COPY source... destination}.
   *
   * @param sources the sources, at least one
   * @param destination the destination; ends with {@code /} for several sources
   * @return the copy
   */
  public static Copy of(List<String> sources, String destination) {
    Checks.list(sources, "sources");
    Checks.notNull(destination, "destination");
    return new Copy(CopyInstruction.of(sources, destination), Optional.empty());
  }

  /**
   * Returns a COPY that writes heredoc bodies as files: {@code COPY <<EOF /etc/app.conf}.
   *
   * @param heredoc the file content, named after its delimiter
   * @param destination the destination
   * @return the copy
   */
  public static Copy heredoc(Heredoc heredoc, String destination) {
    Checks.notNull(heredoc, "heredoc");
    return new Copy(new CopyInstruction(List.of(heredoc.marker()), destination, List.of(heredoc),
        Optional.empty(), Optional.empty(), Optional.empty(), false, false, List.of(), false),
        Optional.empty());
  }

  private Copy with(CopyInstruction c) {
    return new Copy(c, stage);
  }

  /**
   * Returns this copy taking its sources from an earlier stage: {@code --from=<stage>}.
   *
   * @param from the stage
   * @return a new copy
   */
  public Copy from(StageRef from) {
    Checks.notNull(from, "stage");
    return new Copy(withFrom(Optional.empty()), Optional.of(from));
  }

  /**
   * Returns this copy taking its sources from an image: {@code --from=nginx:1.27}.
   *
   * @param from the image
   * @return a new copy
   */
  public Copy from(ImageRef from) {
    Checks.notNull(from, "image");
    return new Copy(withFrom(Optional.of(from.toString())), Optional.empty());
  }

  /**
   * Returns this copy taking its sources from a named build context: {@code --from=docs}.
   *
   * @param name the context name, given to the build with {@code --build-context name=...}
   * @return a new copy
   */
  public Copy fromContext(String name) {
    Checks.word(name, "build context name");
    return new Copy(withFrom(Optional.of(name)), Optional.empty());
  }

  private CopyInstruction withFrom(Optional<String> from) {
    CopyInstruction c = base;
    return new CopyInstruction(c.sources(), c.destination(), c.heredocs(), from, c.chown(),
        c.chmod(), c.link(), c.parents(), c.excludes(), c.json());
  }

  /**
   * Returns this copy with an owner: {@code --chown=user[:group]}.
   *
   * @param owner the owner, a template
   * @return a new copy
   */
  public Copy chown(String owner) {
    Checks.notNull(owner, "owner");
    return with(base.withChown(owner));
  }

  /**
   * Returns this copy with a file mode: {@code --chmod=755}.
   *
   * @param mode the mode
   * @return a new copy
   */
  public Copy chmod(Chmod mode) {
    return with(base.withChmod(Checks.notNull(mode, "chmod").value()));
  }

  /**
   * Returns this copy with {@code --link}: the files go into an independent layer.
   *
   * @return a new copy
   */
  public Copy link() {
    return with(base.withLink(true));
  }

  /**
   * Returns this copy with {@code --parents}: the source directories are kept.
   *
   * @return a new copy
   */
  public Copy parents() {
    CopyInstruction c = base;
    return with(new CopyInstruction(c.sources(), c.destination(), c.heredocs(), c.from(),
        c.chown(), c.chmod(), c.link(), true, c.excludes(), c.json()));
  }

  /**
   * Returns this copy with an {@code --exclude} pattern.
   *
   * @param pattern the pattern, taken literally
   * @return a new copy
   */
  public Copy exclude(String pattern) {
    CopyInstruction c = base;
    List<String> x = new ArrayList<>(c.excludes());
    x.add(pattern);
    return with(new CopyInstruction(c.sources(), c.destination(), c.heredocs(), c.from(),
        c.chown(), c.chmod(), c.link(), c.parents(), x, c.json()));
  }

  /**
   * Returns this copy written in JSON form: {@code COPY ["src", "dest"]}.
   *
   * @return a new copy
   */
  public Copy json() {
    CopyInstruction c = base;
    return with(new CopyInstruction(c.sources(), c.destination(), c.heredocs(), c.from(),
        c.chown(), c.chmod(), c.link(), c.parents(), c.excludes(), true));
  }

  /**
   * Returns the stage this copy takes its sources from, if it is a stage handle.
   *
   * @return the stage
   */
  public Optional<StageRef> stage() {
    return stage;
  }

  /**
   * Returns the COPY instruction, naming the source stage with the given function.
   *
   * @param stageNames the name of each stage handle
   * @return the instruction
   */
  public CopyInstruction instruction(Function<StageRef, String> stageNames) {
    Checks.notNull(stageNames, "stageNames");
    return stage.isPresent() ? base.withFrom(stageNames.apply(stage.get())) : base;
  }

  @Override
  public String toString() {
    return "Copy[" + base + stage.map(s -> ", from " + s).orElse("") + "]";
  }
}
