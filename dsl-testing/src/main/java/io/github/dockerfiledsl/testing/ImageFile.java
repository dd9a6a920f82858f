package io.github.dockerfiledsl.testing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file, directory or link in an image, as the engine's archive of that path describes it.
 *
 * @param path the path asked for
 * @param type what it is
 * @param mode the permission bits, with set-user-id, set-group-id and sticky ({@code 07777})
 * @param uid the owner's user id
 * @param gid the owner's group id
 * @param owner the owner's name from the image's {@code /etc/passwd}, or the uid as text
 * @param group the group's name from the image's {@code /etc/group}, or the gid as text
 * @param content the content of a regular file (empty for the other types)
 * @param linkTarget where a symbolic link points, if this is one
 */
public record ImageFile(String path, Type type, int mode, int uid, int gid, String owner, String group,
    byte[] content, Optional<String> linkTarget) {

  /** The kind of a file system entry. */
  public enum Type {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link. */
    SYMLINK,
    /** Anything else (device, fifo, hard link). */
    OTHER
  }

  /**
   * Creates the description; the content is copied.
   *
   * @param path the path
   * @param type the type
   * @param mode the mode bits
   * @param uid the uid
   * @param gid the gid
   * @param owner the owner name
   * @param group the group name
   * @param content the content
   * @param linkTarget the link target
   */
  public ImageFile {
    content = content.clone();
  }

  /**
   * Returns a copy of the content.
   *
   * @return the bytes
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * Returns the content as UTF-8 text.
   *
   * @return the text
   */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /**
   * Returns the mode as four octal digits, as {@code chmod} takes it ({@code 0755}).
   *
   * @return the octal mode
   */
  public String octalMode() {
    return String.format("%04o", mode);
  }
}
