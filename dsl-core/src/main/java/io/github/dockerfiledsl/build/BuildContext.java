package io.github.dockerfiledsl.build;

import io.github.dockerfiledsl.Dockerfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An immutable image build context: a Dockerfile, the files it copies and a generated
 * {@code .dockerignore}, written to a directory or to a deterministic tar stream.
 *
 * <pre>{@code
 * BuildContext context = BuildContext.builder()
 *     .dockerfile(model)  // a Dockerfile model, rendered; or the Dockerfile text as a String
 *     .addExecutable("hello.sh", "#!/bin/sh\necho hello\n")
 *     .addResource("conf/app.conf", "fixtures/app.conf")
 *     .ignore("*.log")
 *     .build();
 * context.writeTo(dir);            // Dockerfile, hello.sh (0755), conf/app.conf, .dockerignore
 * context.writeTar(outputStream);  // the same, as a byte-for-byte reproducible tar
 * }</pre>
 *
 * <p>Paths are relative, use {@code /} as separator and may not contain {@code ..} or {@code .}
 * segments, empty segments, backslashes or NUL; each path is added once. File contents are read
 * when they are added, so a context does not change when its sources do.
 *
 * <p>The tar stream is reproducible: entries (with their parent directories) sorted by path, mtime
 * {@value #TAR_MTIME}, uid and gid 0, owner and group {@code root}, mode 0644 for files, 0755 for
 * directories and executables. It is what {@code docker build -} and Testcontainers take.
 */
public final class BuildContext {

  /** The modification time, in seconds since the epoch, of every entry of {@link #writeTar}. */
  public static final long TAR_MTIME = 0L;

  /** The name of the Dockerfile in the context. */
  public static final String DOCKERFILE = "Dockerfile";

  /** The name of the generated ignore file in the context. */
  public static final String DOCKERIGNORE = ".dockerignore";

  private final String dockerfile;
  private final List<String> ignorePatterns;
  private final Map<String, Entry> files;

  private BuildContext(Builder builder) {
    this.dockerfile = builder.dockerfile;
    this.ignorePatterns = List.copyOf(builder.ignorePatterns);
    this.files = Collections.unmodifiableMap(new TreeMap<>(builder.files));
  }

  /**
   * Returns a new, empty builder.
   *
   * @return a builder without a Dockerfile, files or ignore patterns
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a context holding only the given Dockerfile text.
   *
   * @param dockerfile the Dockerfile text
   * @return a context with one file, {@code Dockerfile}
   */
  public static BuildContext of(String dockerfile) {
    return builder().dockerfile(dockerfile).build();
  }

  /**
   * Returns a context holding only the rendered text of the given Dockerfile model.
   *
   * @param dockerfile the model, rendered with {@link Dockerfile#render()}
   * @return a context with one file, {@code Dockerfile}
   */
  public static BuildContext of(Dockerfile dockerfile) {
    return builder().dockerfile(dockerfile).build();
  }

  /**
   * Returns a builder that starts with this context's Dockerfile, files and ignore patterns.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dockerfile = dockerfile;
    b.ignorePatterns.addAll(ignorePatterns);
    b.files.putAll(files);
    return b;
  }

  /**
   * Returns the Dockerfile text, or {@code null} when the context has none.
   *
   * @return the Dockerfile text or {@code null}
   */
  public String dockerfile() {
    return dockerfile;
  }

  /**
   * Returns the {@code .dockerignore} patterns, in the order they were added.
   *
   * @return an unmodifiable list, empty when no ignore file is generated
   */
  public List<String> ignorePatterns() {
    return ignorePatterns;
  }

  /**
   * Returns the text of the generated {@code .dockerignore}, or an empty string when there are no
   * patterns (and no ignore file is written).
   *
   * @return one pattern per line, each line ending with a newline
   */
  public String dockerignore() {
    StringBuilder sb = new StringBuilder();
    for (String p : ignorePatterns) {
      sb.append(p).append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the paths of every file of the context, sorted, including {@code Dockerfile} and
   * {@code .dockerignore} when present; directories are not listed.
   *
   * @return an unmodifiable sorted set of relative paths
   */
  public SortedSet<String> paths() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(allFiles().keySet()));
  }

  /**
   * Returns a copy of the content of one file of the context.
   *
   * @param path a path as listed by {@link #paths()}
   * @return the bytes of the file
   * @throws IllegalArgumentException if the context has no such file
   */
  public byte[] content(String path) {
    Entry e = allFiles().get(path);
    if (e == null) {
      throw new IllegalArgumentException("no file '" + path + "' in the build context");
    }
    return e.content.clone();
  }

  /**
   * Tells whether a file of the context is written executable (mode 0755).
   *
   * @param path a path as listed by {@link #paths()}
   * @return {@code true} if the file is executable
   * @throws IllegalArgumentException if the context has no such file
   */
  public boolean isExecutable(String path) {
    Entry e = allFiles().get(path);
    if (e == null) {
      throw new IllegalArgumentException("no file '" + path + "' in the build context");
    }
    return e.executable;
  }

  /**
   * Writes the context into a directory.
   *
   * <p>A directory that does not exist is created atomically where the file system allows it: the
   * context is written into a sibling staging directory that is then renamed. In an existing
   * directory each file is written to a temporary file and renamed over its target; other files
   * in the directory are left alone.
   *
   * <p>Writing never leaves the directory: a symbolic link inside it that would lead a file
   * outside is refused, a link in a file's place is replaced (not written through), and a
   * directory, FIFO, device or socket in a file's place is refused. Temporary names stay within
   * the file system's name limit whatever the target's name.
   *
   * @param dir the directory to write to
   * @return {@code dir}
   * @throws IllegalArgumentException if the target is not a directory, or a link or special file
   *     inside it is in the way
   * @throws UncheckedIOException if writing fails
   */
  public Path writeTo(Path dir) {
    Objects.requireNonNull(dir, "dir == null");
    try {
      Path target = dir.toAbsolutePath().normalize();
      if (Files.exists(target)) {
        if (!Files.isDirectory(target)) {
          throw new IllegalArgumentException("build context target (" + dir
              + ") exists and is not a directory");
        }
        Path realTarget = target.toRealPath();
        for (Map.Entry<String, Entry> f : allFiles().entrySet()) {
          Path file = resolveInside(target, f.getKey());
          createParents(target, realTarget, file, f.getKey());
          if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
              && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              && !Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException("build context target (" + dir + ") has '"
                + f.getKey() + "', which is not a regular file; it is never replaced");
          }
          // the rename below replaces a link in the file's place; it never writes through it
          Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
          try {
            writeFile(tmp, f.getValue());
            move(tmp, file);
          } finally {
            Files.deleteIfExists(tmp);
          }
        }
        return dir;
      }
      Path parent = target.getParent();
      Files.createDirectories(parent);
      String name = target.getFileName().toString();
      // the staging name stays well within NAME_MAX (255 bytes) whatever the target's name
      String part = name.length() > 64 ? name.substring(0, 64) : name;
      if (Character.isHighSurrogate(part.charAt(part.length() - 1))) {
        part = part.substring(0, part.length() - 1);
      }
      Path staging = Files.createTempDirectory(parent, "." + part + ".tmp-");
      try {
        for (Map.Entry<String, Entry> f : allFiles().entrySet()) {
          Path file = resolveInside(staging, f.getKey());
          Files.createDirectories(file.getParent());
          writeFile(file, f.getValue());
        }
        setMode(staging, "rwxr-xr-x");
        move(staging, target);
      } catch (FileAlreadyExistsException e) {
        throw new IllegalArgumentException("build context target (" + dir
            + ") was created concurrently", e);
      } finally {
        deleteTree(staging);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write build context to " + dir + ": " + reason(e), e);
    }
  }

  /**
   * Writes the context as a deterministic tar stream; the same context always gives the same
   * bytes, whatever the order its files were added in. The stream is not closed.
   *
   * @param out the stream to write to
   * @throws UncheckedIOException if writing fails
   */
  public void writeTar(OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    try {
      TarWriter tar = new TarWriter(out, TAR_MTIME);
      Set<String> dirs = new TreeSet<>();
      TreeMap<String, Object> ordered = new TreeMap<>();
      for (Map.Entry<String, Entry> f : allFiles().entrySet()) {
        String p = f.getKey();
        for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
          dirs.add(p.substring(0, i));
        }
        ordered.put(p, f.getValue());
      }
      for (String d : dirs) {
        ordered.put(d, d);
      }
      for (Map.Entry<String, Object> e : ordered.entrySet()) {
        if (e.getValue() instanceof Entry) {
          Entry f = (Entry) e.getValue();
          tar.file(e.getKey(), f.content, f.executable);
        } else {
          tar.directory(e.getKey());
        }
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write build context tar: " + reason(e), e);
    }
  }

  /**
   * Returns the tar stream of {@link #writeTar(OutputStream)} as bytes.
   *
   * @return the tar archive
   */
  public byte[] toTar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTar(out);
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BuildContext)) {
      return false;
    }
    BuildContext that = (BuildContext) o;
    return Objects.equals(dockerfile, that.dockerfile)
        && ignorePatterns.equals(that.ignorePatterns)
        && files.equals(that.files);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dockerfile, ignorePatterns, files);
  }

  @Override
  public String toString() {
    return "BuildContext" + paths();
  }

  private Map<String, Entry> allFiles() {
    TreeMap<String, Entry> all = new TreeMap<>(files);
    if (dockerfile != null) {
      all.put(DOCKERFILE, new Entry(dockerfile.getBytes(StandardCharsets.UTF_8), false));
    }
    if (!ignorePatterns.isEmpty()) {
      all.put(DOCKERIGNORE, new Entry(dockerignore().getBytes(StandardCharsets.UTF_8), false));
    }
    return all;
  }

  /** Why an I/O operation failed, in words (a bare AccessDeniedException names only the path). */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      String why = f.getReason() != null ? f.getReason()
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or directory"
          : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
          : e instanceof FileAlreadyExistsException ? "file exists"
          : e.getClass().getSimpleName();
      return (f.getFile() == null ? "" : f.getFile() + ": ") + why;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Path resolveInside(Path root, String relative) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("path '" + relative + "' escapes the build context");
    }
    return p;
  }

  /**
   * Creates the directories between the target and a file one by one; a symbolic link among
   * them must lead to a directory inside the target, anything else but a directory is refused.
   */
  private static void createParents(Path target, Path realTarget, Path file, String relative)
      throws IOException {
    Path current = target;
    for (Path part : target.relativize(file.getParent())) {
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        Path real;
        try {
          real = current.toRealPath();
        } catch (IOException e) {
          real = null;
        }
        if (real == null || !real.startsWith(realTarget) || !Files.isDirectory(real)) {
          throw new IllegalArgumentException("cannot write '" + relative + "': '"
              + target.relativize(current) + "' in the target is a symbolic link that leads"
              + " outside it (" + target + ")");
        }
      } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("cannot write '" + relative + "': '"
            + target.relativize(current) + "' in the target is not a directory");
      }
    }
  }

  private static void writeFile(Path file, Entry e) throws IOException {
    Files.write(file, e.content);
    setMode(file, e.executable ? "rwxr-xr-x" : "rw-r--r--");
  }

  private static void setMode(Path p, String perms) throws IOException {
    if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> set = PosixFilePermissions.fromString(perms);
      Files.setPosixFilePermissions(p, set);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> all = new ArrayList<>();
      walk.forEach(all::add);
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Checks a context path and returns it; the message names the path and the rule it breaks.
   */
  static String checkPath(String path) {
    Objects.requireNonNull(path, "path == null");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path '' is empty");
    }
    if (path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("path '" + path.replace("\0", "\\0")
          + "' contains a NUL character");
    }
    if (path.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("path '" + path
          + "' contains a backslash; use '/' as separator");
    }
    if (path.startsWith("/")) {
      throw new IllegalArgumentException("path '" + path
          + "' is absolute; context paths are relative to the context root");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        throw new IllegalArgumentException("path '" + path
            + "' has a '..' segment and would escape the build context");
      }
      if (segment.equals(".")) {
        throw new IllegalArgumentException("path '" + path + "' has a '.' segment");
      }
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("path '" + path
            + "' has an empty segment (leading, trailing or double '/')");
      }
    }
    return path;
  }

  /** One file: its content and whether it is executable. */
  private static final class Entry {
    final byte[] content;
    final boolean executable;

    Entry(byte[] content, boolean executable) {
      this.content = content;
      this.executable = executable;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry && ((Entry) o).executable == executable
          && Arrays.equals(((Entry) o).content, content);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(content) * 31 + Boolean.hashCode(executable);
    }
  }

  /**
   * Collects the Dockerfile, files and ignore patterns of a {@link BuildContext}; each add method
   * checks its path at once and reads its content at once.
   */
  public static final class Builder {
    private String dockerfile;
    private final List<String> ignorePatterns = new ArrayList<>();
    private final TreeMap<String, Entry> files = new TreeMap<>();

    private Builder() {
    }

    /**
     * Sets the Dockerfile text, written as {@code Dockerfile} at the context root.
     *
     * @param text the Dockerfile text
     * @return this builder
     */
    public Builder dockerfile(String text) {
      this.dockerfile = Objects.requireNonNull(text, "dockerfile == null");
      return this;
    }

    /**
     * Sets the Dockerfile to the canonical rendering of a model ({@link Dockerfile#render()}).
     *
     * @param model the Dockerfile model
     * @return this builder
     */
    public Builder dockerfile(Dockerfile model) {
      Objects.requireNonNull(model, "dockerfile == null");
      return dockerfile(model.render());
    }

    /**
     * Adds a UTF-8 text file (mode 0644).
     *
     * @param path the relative path in the context
     * @param content the text
     * @return this builder
     * @throws IllegalArgumentException if the path is invalid or already present
     */
    public Builder addFile(String path, String content) {
      Objects.requireNonNull(content, "content == null");
      return put(path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Adds a binary file (mode 0644); the array is copied.
     *
     * @param path the relative path in the context
     * @param content the bytes
     * @return this builder
     * @throws IllegalArgumentException if the path is invalid or already present
     */
    public Builder addFile(String path, byte[] content) {
      Objects.requireNonNull(content, "content == null");
      return put(path, content.clone(), false);
    }

    /**
     * Adds an executable UTF-8 text file (mode 0755), such as a shell script.
     *
     * @param path the relative path in the context
     * @param content the text
     * @return this builder
     * @throws IllegalArgumentException if the path is invalid or already present
     */
    public Builder addExecutable(String path, String content) {
      Objects.requireNonNull(content, "content == null");
      return put(path, content.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Adds a binary file with an explicit executable flag; the array is copied.
     *
     * @param path the relative path in the context
     * @param content the bytes
     * @param executable {@code true} for mode 0755, {@code false} for 0644
     * @return this builder
     * @throws IllegalArgumentException if the path is invalid or already present
     */
    public Builder addFile(String path, byte[] content, boolean executable) {
      Objects.requireNonNull(content, "content == null");
      return put(path, content.clone(), executable);
    }

    /**
     * Adds a class path resource, found with the context class loader (or this library's class
     * loader when there is none); the resource name has no leading slash.
     *
     * @param path the relative path in the context
     * @param resource the resource name, such as {@code fixtures/app.conf}
     * @return this builder
     * @throws IllegalArgumentException if the resource does not exist or the path is invalid
     */
    public Builder addResource(String path, String resource) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return addResource(path, resource, loader != null ? loader
          : BuildContext.class.getClassLoader());
    }

    /**
     * Adds a class path resource found with the given class loader.
     *
     * @param path the relative path in the context
     * @param resource the resource name, such as {@code fixtures/app.conf}
     * @param loader the class loader to search
     * @return this builder
     * @throws IllegalArgumentException if the resource does not exist or the path is invalid
     */
    public Builder addResource(String path, String resource, ClassLoader loader) {
      Objects.requireNonNull(resource, "resource == null");
      Objects.requireNonNull(loader, "loader == null");
      checkPath(path);
      String name = resource.startsWith("/") ? resource.substring(1) : resource;
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException("class path resource '" + resource
              + "' not found (for path '" + path + "')");
        }
        return put(path, in.readAllBytes(), false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read class path resource '" + resource + "'", e);
      }
    }

    /**
     * Adds a file, or a directory tree, from the file system under {@code path}. Files keep their
     * owner-executable bit as the executable flag. The source itself may be a symbolic link.
     * Symbolic links inside a tree are followed only when they point inside the tree (a link to
     * a directory adds that directory's files under the link's name); a link that leads outside,
     * a dangling link and a link to a directory containing it are rejected. FIFOs, devices and
     * sockets are rejected without being opened.
     *
     * @param path the relative path in the context (the root of the tree for a directory)
     * @param source the file or directory to read
     * @return this builder
     * @throws IllegalArgumentException if the source does not exist, a path is invalid or present,
     *     a link leads outside the tree, dangles or loops, or a file is not a regular file
     * @throws UncheckedIOException if reading fails
     */
    public Builder addPath(String path, Path source) {
      checkPath(path);
      Objects.requireNonNull(source, "source == null");
      try {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalArgumentException("source '" + source + "' (for path '" + path
              + "') does not exist");
        }
        // the source itself may be a link the caller chose; links inside it are checked
        Path real;
        try {
          real = source.toRealPath();
        } catch (NoSuchFileException e) {
          throw new IllegalArgumentException("source '" + source + "' (for path '" + path
              + "') is a dangling symbolic link", e);
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
          return put(path, readRegular(real, path), ownerExecutable(real));
        }
        addTree(path, source, real);
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source + ": " + reason(e), e);
      }
    }

    /** A directory being walked, with the real directories above it (to find link loops). */
    private record Dir(String path, Path real, Dir parent) {
      boolean below(Path dir) {
        for (Dir d = this; d != null; d = d.parent) {
          if (d.real.equals(dir)) {
            return true;
          }
        }
        return false;
      }
    }

    /** Walks a tree without recursion, following links that stay inside it. */
    private void addTree(String path, Path source, Path root) throws IOException {
      java.util.ArrayDeque<Dir> pending = new java.util.ArrayDeque<>();
      pending.push(new Dir(path, root, null));
      while (!pending.isEmpty()) {
        Dir dir = pending.pop();
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir.real)) {
          list.forEach(children::add);
        }
        children.sort(Comparator.naturalOrder());
        List<Dir> subdirs = new ArrayList<>();
        for (Path child : children) {
          String full = dir.path + "/" + child.getFileName();
          Path real = child;
          if (Files.isSymbolicLink(child)) {
            try {
              real = child.toRealPath();
            } catch (NoSuchFileException e) {
              throw new IllegalArgumentException("path '" + full + "' is a dangling symbolic link"
                  + " (to " + Files.readSymbolicLink(child) + ")", e);
            }
            if (!real.startsWith(root)) {
              throw new IllegalArgumentException("path '" + full + "' is a link to " + real
                  + ", outside the directory " + source);
            }
          }
          if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            if (dir.below(real)) {
              throw new IllegalArgumentException("path '" + full + "' is a link to " + real
                  + ", a directory that contains it (a loop)");
            }
            subdirs.add(new Dir(full, real, dir));
          } else {
            put(full, readRegular(real, full), ownerExecutable(real));
          }
        }
        for (int i = subdirs.size() - 1; i >= 0; i--) {
          pending.push(subdirs.get(i)); // popped in natural order
        }
      }
    }

    /**
     * Reads a regular file; a FIFO, device or socket is refused before it is opened (opening a
     * FIFO would block).
     */
    private static byte[] readRegular(Path real, String path) throws IOException {
      if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("path '" + path + "' (" + real + ") is not a regular"
            + " file, directory or symbolic link (FIFOs, devices and sockets are refused)");
      }
      return Files.readAllBytes(real);
    }

    /**
     * Adds {@code .dockerignore} patterns; the file is generated when there is at least one.
     *
     * @param patterns patterns in {@code .dockerignore} syntax, such as {@code *.log} or
     *     {@code !keep.log}
     * @return this builder
     * @throws IllegalArgumentException if a pattern is blank, spans lines or is malformed (a lone
     *     {@code !}, or a pattern BuildKit's matcher rejects, such as {@code [})
     */
    public Builder ignore(String... patterns) {
      for (String p : patterns) {
        Objects.requireNonNull(p, "pattern == null");
        if (p.isBlank()) {
          throw new IllegalArgumentException("ignore pattern '" + p + "' is blank");
        }
        if (p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("ignore pattern '" + p.replace("\n", "\\n")
              .replace("\r", "\\r") + "' spans lines");
        }
        // BuildKit's checks: a lone '!', a pattern Go's filepath.Match rejects, and a character
        // class its regular expressions reject all fail the build, so they fail here
        DockerIgnore checked = DockerIgnore.of(List.of(p));
        try {
          checked.matches("x");
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("ignore pattern '" + p + "' is malformed: "
              + "its character class is invalid", e);
        }
        ignorePatterns.add(p);
      }
      return this;
    }

    /**
     * Builds the immutable context.
     *
     * @return the context
     */
    public BuildContext build() {
      return new BuildContext(this);
    }

    private static boolean ownerExecutable(Path p) throws IOException {
      if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
        return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE);
      }
      return Files.isExecutable(p);
    }

    private Builder put(String path, byte[] content, boolean executable) {
      checkPath(path);
      if (path.equals(DOCKERFILE) || path.equals(DOCKERIGNORE)) {
        throw new IllegalArgumentException("path '" + path + "' is reserved; use "
            + (path.equals(DOCKERFILE) ? "dockerfile(..)" : "ignore(..)"));
      }
      if (files.containsKey(path)) {
        throw new IllegalArgumentException("duplicate path '" + path + "' in the build context");
      }
      // a file below path, or a file that is a parent directory of path (log n per level)
      String below = files.ceilingKey(path + "/");
      String conflict = below != null && below.startsWith(path + "/") ? below : null;
      for (int slash = path.indexOf('/'); conflict == null && slash >= 0;
          slash = path.indexOf('/', slash + 1)) {
        if (files.containsKey(path.substring(0, slash))) {
          conflict = path.substring(0, slash);
        }
      }
      if (conflict != null) {
        String file = conflict.length() < path.length() ? conflict : path;
        throw new IllegalArgumentException("path '" + path + "' conflicts with '" + conflict
            + "': '" + file + "' is a file and cannot also be a directory");
      }
      files.put(path, new Entry(content, executable));
      return this;
    }
  }
}
