package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code ADD} with all its flags, for {@link InstructionStep#add(Add)}. Immutable.
 *
 * <pre>{@code
 * Add.of("https://example.com/app.tar.gz", "/opt/").checksum("sha256:0123...").chmod(Chmod.of(0755))
 * // ADD --chmod=755 --checksum=sha256:0123... https://example.com/app.tar.gz /opt/
 * }</pre>
 *
 * <p>Prefer {@link Copy} for local files; ADD unpacks local archives and fetches URLs and git
 * repositories.
 */
public final class Add {
  private final AddInstruction add;

  private Add(AddInstruction add) {
    this.add = add;
  }

  /**
   * Returns {@code ADD source destination}.
   *
   * @param source a path, URL or git repository, a template
   * @param destination the destination, a template
   * @return the add
   */
  public static Add of(String source, String destination) {
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return new Add(AddInstruction.of(source, destination));
  }

  /**
   * Returns {@code ADD source... destination}.
   *
   * @param sources the sources, at least one
   * @param destination the destination; ends with {@code /} for several sources
   * @return the add
   */
  public static Add of(List<String> sources, String destination) {
    Checks.list(sources, "sources");
    Checks.notNull(destination, "destination");
    return new Add(AddInstruction.of(sources, destination));
  }

  /**
   * Returns an ADD that writes a heredoc body as a file: {@code ADD <<EOF /etc/app.conf}.
   *
   * @param heredoc the file content, named after its delimiter
   * @param destination the destination
   * @return the add
   */
  public static Add heredoc(Heredoc heredoc, String destination) {
    Checks.notNull(heredoc, "heredoc");
    return new Add(new AddInstruction(List.of(heredoc.marker()), destination, List.of(heredoc),
        Optional.empty(), Optional.empty(), false, false, Optional.empty(), Optional.empty(),
        List.of(), false));
  }

  private Add with(Optional<String> chown, Optional<String> chmod, boolean link,
      boolean keepGitDir, Optional<String> checksum, Optional<Boolean> unpack,
      List<String> excludes, boolean json) {
    return new Add(new AddInstruction(add.sources(), add.destination(), add.heredocs(), chown,
        chmod, link, keepGitDir, checksum, unpack, excludes, json));
  }

  /**
   * Returns this add with an owner: {@code --chown=user[:group]}.
   *
   * @param owner the owner, a template
   * @return a new add
   */
  public Add chown(String owner) {
    Checks.notNull(owner, "owner");
    return with(Optional.of(owner), add.chmod(), add.link(), add.keepGitDir(), add.checksum(),
        add.unpack(), add.excludes(), add.json());
  }

  /**
   * Returns this add with a file mode: {@code --chmod=755}.
   *
   * @param mode the mode
   * @return a new add
   */
  public Add chmod(Chmod mode) {
    return with(add.chown(), Optional.of(Checks.notNull(mode, "chmod").value()), add.link(),
        add.keepGitDir(), add.checksum(), add.unpack(), add.excludes(), add.json());
  }

  /**
   * Returns this add with {@code --link}.
   *
   * @return a new add
   */
  public Add link() {
    return with(add.chown(), add.chmod(), true, add.keepGitDir(), add.checksum(), add.unpack(),
        add.excludes(), add.json());
  }

  /**
   * Returns this add with {@code --keep-git-dir}, for a git source.
   *
   * @return a new add
   */
  public Add keepGitDir() {
    return with(add.chown(), add.chmod(), add.link(), true, add.checksum(), add.unpack(),
        add.excludes(), add.json());
  }

  /**
   * Returns this add with {@code --checksum}, for a single URL or git source.
   *
   * @param checksum {@code sha256:<hex>} for a URL, a commit for git
   * @return a new add
   */
  public Add checksum(String checksum) {
    Checks.notNull(checksum, "checksum");
    return with(add.chown(), add.chmod(), add.link(), add.keepGitDir(), Optional.of(checksum),
        add.unpack(), add.excludes(), add.json());
  }

  /**
   * Returns this add with {@code --unpack=true|false}.
   *
   * @param unpack whether to unpack an archive
   * @return a new add
   */
  public Add unpack(boolean unpack) {
    return with(add.chown(), add.chmod(), add.link(), add.keepGitDir(), add.checksum(),
        Optional.of(unpack), add.excludes(), add.json());
  }

  /**
   * Returns this add with an {@code --exclude} pattern.
   *
   * @param pattern the pattern, taken literally
   * @return a new add
   */
  public Add exclude(String pattern) {
    List<String> x = new ArrayList<>(add.excludes());
    x.add(pattern);
    return with(add.chown(), add.chmod(), add.link(), add.keepGitDir(), add.checksum(),
        add.unpack(), x, add.json());
  }

  /**
   * Returns this add written in JSON form: {@code ADD ["src", "dest"]}.
   *
   * @return a new add
   */
  public Add json() {
    return with(add.chown(), add.chmod(), add.link(), add.keepGitDir(), add.checksum(),
        add.unpack(), add.excludes(), true);
  }

  /**
   * Returns the ADD instruction.
   *
   * @return the instruction
   */
  public AddInstruction instruction() {
    return add;
  }

  @Override
  public String toString() {
    return "Add[" + add + "]";
  }
}
