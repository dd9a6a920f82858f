package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY [flags] src... dest}: copies files from the build context, a stage, an image or a
 * named context into the image.
 *
 * <p>A source that is a heredoc marker ({@code <<EOF}) is a file named after the delimiter whose
 * content is the matching entry of {@link #heredocs()}.
 *
 * @param sources the sources, at least one; templates (globs allowed)
 * @param destination the destination, a template; with several sources or a wildcard it must end
 *     with {@code /}
 * @param heredocs the bodies of the heredoc sources, in order
 * @param from the {@code --from} value, taken literally: a stage name, a stage index, an image
 *     reference or a named context
 * @param chown the {@code --chown} value, a template ({@code user[:group]})
 * @param chmod the {@code --chmod} value, a template (octal or symbolic)
 * @param link whether {@code --link} is set
 * @param parents whether {@code --parents} is set
 * @param excludes the {@code --exclude} patterns, taken literally
 * @param json whether the sources and destination are written as a JSON array, as they must be
 *     for paths containing white space; the renderer switches to JSON form on its own when a
 *     path needs it
 */
public record CopyInstruction(
    List<String> sources,
    String destination,
    List<Heredoc> heredocs,
    Optional<String> from,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean parents,
    List<String> excludes,
    boolean json)
    implements Instruction {

  /**
   * Creates a COPY instruction.
   *
   * @param sources the sources
   * @param destination the destination
   * @param heredocs the heredoc bodies
   * @param from the --from value
   * @param chown the --chown value
   * @param chmod the --chmod value
   * @param link --link
   * @param parents --parents
   * @param excludes the --exclude patterns
   * @param json whether JSON form is used
   */
  public CopyInstruction {
    sources = Sources.check(sources, destination, "COPY");
    heredocs = Checks.list(heredocs, "COPY heredocs");
    Checks.optional(from, "COPY --from").ifPresent(f -> Checks.word(f, "COPY --from"));
    Checks.optional(chown, "COPY --chown").ifPresent(c -> Checks.word(c, "COPY --chown"));
    Checks.optional(chmod, "COPY --chmod").ifPresent(c -> Checks.word(c, "COPY --chmod"));
    excludes = Checks.list(excludes, "COPY --exclude");
    excludes.forEach(e -> Checks.word(e, "COPY --exclude"));
    for (String s : sources) {
      Checks.check(
          !Sources.isUrl(s),
          "COPY source (%s) must not be a URL or git repository; use ADD",
          Checks.quote(s));
    }
  }

  /**
   * Returns {@code COPY src... dest} without flags.
   *
   * @param sources the sources
   * @param destination the destination
   * @return the instruction
   */
  public static CopyInstruction of(List<String> sources, String destination) {
    return new CopyInstruction(sources, destination, List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, false, List.of(), false);
  }

  /**
   * Returns {@code COPY src dest}.
   *
   * @param source the source
   * @param destination the destination
   * @return the instruction
   */
  public static CopyInstruction of(String source, String destination) {
    return of(List.of(source), destination);
  }

  /**
   * Returns this instruction copying from the given stage, image or context.
   *
   * @param newFrom the --from value
   * @return a new instruction
   */
  public CopyInstruction withFrom(String newFrom) {
    return new CopyInstruction(sources, destination, heredocs, Optional.of(newFrom), chown, chmod,
        link, parents, excludes, json);
  }

  /**
   * Returns this instruction with the given owner.
   *
   * @param newChown the --chown value
   * @return a new instruction
   */
  public CopyInstruction withChown(String newChown) {
    return new CopyInstruction(sources, destination, heredocs, from, Optional.of(newChown), chmod,
        link, parents, excludes, json);
  }

  /**
   * Returns this instruction with the given mode.
   *
   * @param newChmod the --chmod value
   * @return a new instruction
   */
  public CopyInstruction withChmod(String newChmod) {
    return new CopyInstruction(sources, destination, heredocs, from, chown, Optional.of(newChmod),
        link, parents, excludes, json);
  }

  /**
   * Returns this instruction with {@code --link} set or cleared.
   *
   * @param newLink whether to link
   * @return a new instruction
   */
  public CopyInstruction withLink(boolean newLink) {
    return new CopyInstruction(sources, destination, heredocs, from, chown, chmod, newLink, parents,
        excludes, json);
  }

  @Override
  public String keyword() {
    return "COPY";
  }
}
