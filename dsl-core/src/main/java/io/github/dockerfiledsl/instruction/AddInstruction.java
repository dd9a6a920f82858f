package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * {@code ADD [flags] src... dest}: like COPY, but sources may also be URLs or git repositories and
 * local tar archives are unpacked. Prefer COPY for plain files.
 *
 * @param sources the sources, at least one; templates
 * @param destination the destination, a template
 * @param heredocs the bodies of the heredoc sources, in order
 * @param chown the {@code --chown} value, a template
 * @param chmod the {@code --chmod} value, a template
 * @param link whether {@code --link} is set
 * @param keepGitDir whether {@code --keep-git-dir} is set
 * @param checksum the {@code --checksum} value, a template
 * @param unpack the {@code --unpack} value, when written
 * @param excludes the {@code --exclude} patterns
 * @param json whether the sources and destination are written as a JSON array
 */
public record AddInstruction(
    List<String> sources,
    String destination,
    List<Heredoc> heredocs,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean keepGitDir,
    Optional<String> checksum,
    Optional<Boolean> unpack,
    List<String> excludes,
    boolean json)
    implements Instruction {

  /**
   * Creates an ADD instruction.
   *
   * @param sources the sources
   * @param destination the destination
   * @param heredocs the heredoc bodies
   * @param chown the --chown value
   * @param chmod the --chmod value
   * @param link --link
   * @param keepGitDir --keep-git-dir
   * @param checksum the --checksum value
   * @param unpack the --unpack value
   * @param excludes the --exclude patterns
   * @param json whether JSON form is used
   */
  public AddInstruction {
    sources = Sources.check(sources, destination, "ADD");
    heredocs = Checks.list(heredocs, "ADD heredocs");
    Checks.optional(chown, "ADD --chown").ifPresent(c -> Checks.word(c, "ADD --chown"));
    Checks.optional(chmod, "ADD --chmod").ifPresent(c -> Checks.word(c, "ADD --chmod"));
    Checks.optional(checksum, "ADD --checksum").ifPresent(c -> Checks.word(c, "ADD --checksum"));
    Checks.optional(unpack, "ADD --unpack");
    excludes = Checks.list(excludes, "ADD --exclude");
    excludes.forEach(e -> Checks.word(e, "ADD --exclude"));
  }

  /**
   * Returns {@code ADD src... dest} without flags.
   *
   * @param sources the sources
   * @param destination the destination
   * @return the instruction
   */
  public static AddInstruction of(List<String> sources, String destination) {
    return new AddInstruction(sources, destination, List.of(), Optional.empty(), Optional.empty(),
        false, false, Optional.empty(), Optional.empty(), List.of(), false);
  }

  /**
   * Returns {@code ADD src dest}.
   *
   * @param source the source
   * @param destination the destination
   * @return the instruction
   */
  public static AddInstruction of(String source, String destination) {
    return of(List.of(source), destination);
  }

  /**
   * Returns whether any source is a URL or a git repository.
   *
   * @return true if a source is remote
   */
  public boolean hasRemoteSource() {
    return sources.stream().anyMatch(Sources::isUrl);
  }

  @Override
  public String keyword() {
    return "ADD";
  }
}
