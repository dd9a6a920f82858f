package io.github.dockerfiledsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Reading inputs and writing outputs atomically. */
final class Io {
  /** The name that stands for standard input. */
  static final String STDIN = "-";

  private Io() {}

  /**
   * Returns the name of an input as used in messages.
   *
   * @param name a path, or {@code -} for standard input
   * @return the display name
   */
  static String displayName(String name) {
    return name.equals(STDIN) ? "<stdin>" : name;
  }

  /**
   * Reads an input file (or standard input for {@code -}) as strict UTF-8.
   *
   * @param name the path or {@code -}
   * @param stdin standard input
   * @return the text
   * @throws Failure when it cannot be read or is not UTF-8
   */
  static String read(String name, InputStream stdin) {
    byte[] bytes;
    try {
      bytes = name.equals(STDIN) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
    } catch (NoSuchFileException e) {
      throw new Failure(name + ": no such file");
    } catch (IOException | RuntimeException e) {
      throw new Failure(displayName(name) + ": cannot read: " + e.getMessage());
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Failure(displayName(name) + ": not valid UTF-8");
    }
  }

  /**
   * Writes a file atomically: the text goes to a temporary file in the target's directory,
   * which then replaces the target in one rename, so no reader ever sees a partial file. An
   * existing target keeps its permissions.
   *
   * @param target the file
   * @param text the content
   * @throws Failure when it cannot be written
   */
  static void writeAtomically(Path target, String text) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (Files.exists(abs)) {
        try {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs);
          Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: keep the default permissions
        }
      } else {
        try {
          Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions
              .fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system
        }
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      throw new Failure(target + ": cannot write: " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // best effort
        }
      }
    }
  }
}
