package io.github.dockerfiledsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the FILE arguments of {@code fmt} and {@code lint}: a directory is walked for
 * Dockerfiles by name, skipping what {@code .gitignore} files and {@code --exclude} patterns
 * leave out; a file named on the command line is taken as is unless an {@code --exclude} pattern
 * matches it.
 *
 * <p>Dockerfiles are {@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile}, {@code
 * Containerfile} and {@code *.Containerfile}, except BuildKit's ignore files ({@code
 * *.dockerignore}) and YAML specs ({@code *.yaml}, {@code *.yml}). The walk does not follow
 * symbolic links and skips {@code .git}. {@code .gitignore} files count inside a git work tree
 * (from its top, with {@code .git/info/exclude} and the user's global excludes file, as git
 * finds it: {@code core.excludesFile} or {@code $XDG_CONFIG_HOME/git/ignore}) or, outside one,
 * below the walked directory.
 */
final class Sources {
  private final IgnoreRules exclude;
  private final Path cwd;
  private final List<String> errors = new ArrayList<>();

  /**
   * Creates the expander.
   *
   * @param excludes {@code --exclude} patterns, relative to the working directory
   */
  Sources(List<String> excludes) {
    this.exclude = new IgnoreRules().add("", excludes);
    this.cwd = Path.of("").toAbsolutePath();
  }

  /**
   * Returns the errors met while walking (unreadable directories), as messages.
   *
   * @return the messages
   */
  List<String> errors() {
    return errors;
  }

  /**
   * Returns whether a file name is a Dockerfile's.
   *
   * @param name the file name
   * @return true for the names the walk picks up
   */
  static boolean isDockerfileName(String name) {
    if (name.endsWith(".dockerignore") || name.endsWith(".yaml") || name.endsWith(".yml")) {
      return false;
    }
    return name.equals("Dockerfile") || name.equals("Containerfile")
        || name.startsWith("Dockerfile.") && name.length() > "Dockerfile.".length()
        || name.endsWith(".Dockerfile") && name.length() > ".Dockerfile".length()
        || name.endsWith(".Containerfile") && name.length() > ".Containerfile".length();
  }

  /**
   * Expands the arguments.
   *
   * @param args the FILE arguments ({@code -} stays as is)
   * @return the files, directories expanded in name order
   */
  List<String> expand(List<String> args) {
    List<String> out = new ArrayList<>();
    expandInto(args, out);
    // a file named twice (or named and found by a walk) is one unit
    java.util.Set<Path> seen = new java.util.HashSet<>();
    List<String> unique = new ArrayList<>();
    for (String f : out) {
      if (f.equals(Io.STDIN) || seen.add(Path.of(f).toAbsolutePath().normalize())) {
        unique.add(f);
      }
    }
    return unique;
  }

  private void expandInto(List<String> args, List<String> out) {
    for (String arg : args) {
      if (arg.equals(Io.STDIN)) {
        out.add(arg);
        continue;
      }
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        walkRoot(arg, p, out);
      } else if (!excluded(p, false)) {
        out.add(arg);
      }
    }
  }

  /** Returns whether an --exclude pattern matches the path (relative to the working directory). */
  boolean excluded(Path p, boolean isDir) {
    if (exclude.isEmpty()) {
      return false;
    }
    Path abs = p.toAbsolutePath().normalize();
    String rel = cwd.relativize(abs).toString().replace('\\', '/');
    if (rel.startsWith("..") || rel.isEmpty()) {
      return abs.getFileName() != null && exclude.matches(abs.getFileName().toString(), isDir);
    }
    return exclude.ignored(rel, isDir);
  }

  private void walkRoot(String arg, Path dir, List<String> out) {
    Path abs = dir.toAbsolutePath().normalize();
    Path top = null;
    for (Path d = abs; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        top = d;
        break;
      }
    }
    IgnoreRules ignores = new IgnoreRules();
    Path root = top == null ? abs : top;
    if (top != null) {
      GitConfig.excludesFile(top, System.getenv()).ifPresent(f -> loadExclude(ignores, f));
      loadExclude(ignores, top.resolve(".git").resolve("info").resolve("exclude"));
      // the .gitignore files from the top of the work tree down to the walked directory
      List<Path> chain = new ArrayList<>();
      for (Path d = abs.getParent(); d != null && d.startsWith(top); d = d.getParent()) {
        chain.add(0, d);
      }
      for (Path d : chain) {
        load(ignores, root, d);
      }
      String rel = relative(root, abs);
      if (!rel.isEmpty() && ignores.ignored(rel, true)) {
        return;
      }
    }
    walk(arg, Path.of(arg), abs, root, ignores, out);
  }

  private void walk(String arg, Path shown, Path dir, Path root, IgnoreRules ignores,
      List<String> out) {
    load(ignores, root, dir);
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(entries::add);
    } catch (IOException | RuntimeException e) {
      errors.add(Config.escape(shown + ": cannot read directory: " + e.getMessage()));
      return;
    }
    entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path e : entries) {
      String name = e.getFileName().toString();
      boolean isDir = Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS);
      if (isDir && name.equals(".git")) {
        continue;
      }
      if (!isDir && !(Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && isDockerfileName(name))) {
        continue;
      }
      if (ignores.ignored(relative(root, e), isDir) || excluded(e, isDir)) {
        continue;
      }
      Path display = shown.resolve(name);
      if (isDir) {
        walk(arg, display, e, root, ignores, out);
      } else {
        out.add(display.normalize().toString());
      }
    }
  }

  private static List<String> lines(Path f) throws IOException {
    return List.of(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n", -1));
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private void load(IgnoreRules ignores, Path root, Path dir) {
    Path f = dir.resolve(".gitignore");
    if (Files.isRegularFile(f)) {
      try {
        ignores.add(relative(root, dir), lines(f));
      } catch (IOException | RuntimeException e) {
        errors.add(Config.escape(f + ": cannot read: " + e.getMessage()));
      }
    }
  }

  private void loadExclude(IgnoreRules ignores, Path f) {
    if (Files.isRegularFile(f)) {
      try {
        ignores.add("", lines(f));
      } catch (IOException | RuntimeException e) {
        // git itself ignores an unreadable exclude file
      }
    }
  }
}
