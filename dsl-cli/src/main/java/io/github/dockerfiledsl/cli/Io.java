package io.github.dockerfiledsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
  /**
   * Reads a file's bytes through a FileInputStream, which starts none of NIO's file channels
   * and direct buffers (about 40 classes at start-up); when that fails, Files.readAllBytes reads
   * it again, so that errors are the same as before.
   */
  private static byte[] readFile(String name) throws IOException {
    Path path = Path.of(name);
    if (path.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
      try (java.io.FileInputStream in = new java.io.FileInputStream(path.toFile())) {
        return in.readAllBytes();
      } catch (IOException e) {
        // the error as Files reports it
      }
    }
    return Files.readAllBytes(path);
  }

  static String read(String name, InputStream stdin) {
    byte[] bytes;
    try {
      bytes = name.equals(STDIN) ? stdin.readAllBytes() : readFile(name);
    } catch (NoSuchFileException e) {
      throw new Failure(name + ": no such file");
    } catch (IOException | RuntimeException e) {
      throw new Failure(displayName(name) + ": cannot read: " + reason(e));
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      // the position of the first bad byte, counted in the text decoded before it
      int line = 1;
      int column = 1;
      out.flip();
      for (int i = 0; i < out.limit(); i++) {
        char c = out.get(i);
        if (c == '\n') {
          line++;
          column = 1;
        } else if (!Character.isLowSurrogate(c)) {
          column++;
        }
      }
      int offset = in.position();
      throw new Failure(displayName(name) + ":" + line + ":" + column + ": not valid UTF-8 (byte 0x"
          + String.format("%02X", bytes[offset] & 0xff) + " at offset " + offset
          + "; expected UTF-8 text)");
    }
    out.flip();
    return out.toString();
  }

  /**
   * Returns why an I/O operation failed, in words: the operating system's reason where Java
   * gives one, else the kind of failure (a bare {@link java.nio.file.AccessDeniedException}
   * message is only the path).
   *
   * @param e the exception
   * @return the reason
   */
  static String reason(Exception e) {
    String kind = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof NoSuchFileException ? "no such file or directory"
        : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
        : e instanceof java.nio.file.FileAlreadyExistsException ? "file exists"
        : e instanceof java.nio.file.DirectoryNotEmptyException ? "directory not empty"
        : null;
    if (e instanceof FileSystemException f) {
      String where = f.getFile() == null ? "" : f.getFile()
          + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": ";
      String why = f.getReason() != null ? f.getReason() : kind != null ? kind
          : e.getClass().getSimpleName();
      return where + why;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Longest part of the target's name kept in the temporary name (NAME_MAX is 255 bytes). */
  private static final int TEMP_NAME_PART = 64;

  /**
   * Writes a file atomically: the text goes to a temporary file in the target's directory,
   * which then replaces the target in one rename, so no reader ever sees a partial file. An
   * existing target keeps its permissions. A directory, FIFO, device or socket in the target's
   * place is refused.
   *
   * @param target the file
   * @param text the content
   * @throws Failure when it cannot be written
   */
  static void writeAtomically(Path target, String text) {
    writeAtomically(target, text, null);
  }

  /**
   * Writes a file atomically (see {@link #writeAtomically(Path, String)}) below a root
   * directory: no symbolic link between the root and the file may lead outside the root, so a
   * link planted in an output directory cannot redirect the write.
   *
   * @param target the file
   * @param text the content
   * @param root the directory the file must stay in, or null for none
   * @throws Failure when it cannot be written
   */
  static void writeAtomically(Path target, String text, Path root) {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      if (root != null) {
        checkInside(target, abs, root.toAbsolutePath().normalize());
      } else {
        Files.createDirectories(dir);
      }
      if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)
          && !Files.isSymbolicLink(abs)) {
        throw new Failure(target + ": cannot write: not a regular file (a directory, FIFO, device"
            + " or socket is never replaced)");
      }
      String name = abs.getFileName().toString();
      String part = name.length() > TEMP_NAME_PART ? name.substring(0, TEMP_NAME_PART) : name;
      if (Character.isHighSurrogate(part.charAt(part.length() - 1))) {
        part = part.substring(0, part.length() - 1);
      }
      tmp = Files.createTempFile(dir, "." + part + ".", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Set<PosixFilePermission> perms =
              Files.getPosixFilePermissions(abs, LinkOption.NOFOLLOW_LINKS);
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
      // a rename replaces a symbolic link in the target's place; it never writes through it
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      if (e instanceof Failure f) {
        throw f;
      }
      throw new Failure(target + ": cannot write: " + reason(e));
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

  /**
   * Creates the directories from {@code root} to the target's parent one by one, refusing a
   * symbolic link among them that leads outside the root and anything that is not a directory.
   */
  private static void checkInside(Path target, Path abs, Path root) throws IOException {
    if (!abs.startsWith(root) || abs.equals(root)) {
      throw new Failure(target + ": cannot write: outside the output directory " + root);
    }
    Files.createDirectories(root);
    Path realRoot = root.toRealPath();
    Path current = root;
    for (Path part : root.relativize(abs.getParent())) {
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        Path real;
        try {
          real = current.toRealPath();
        } catch (IOException e) {
          real = null;
        }
        if (real == null || !real.startsWith(realRoot) || !Files.isDirectory(real)) {
          throw new Failure(target + ": cannot write: " + root.relativize(current)
              + " is a symbolic link that leads outside the output directory " + root);
        }
      } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new Failure(target + ": cannot write: " + root.relativize(current)
            + " is not a directory");
      }
    }
  }
}
