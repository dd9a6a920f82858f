package io.github.dockerfiledsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds git's global excludes file the way git does (git-config(1), gitignore(5)): the last
 * {@code core.excludesFile} of the system, global and repository configuration files, or else
 * {@code $XDG_CONFIG_HOME/git/ignore} ({@code ~/.config/git/ignore} when that variable is unset
 * or empty). {@code GIT_CONFIG_GLOBAL} replaces the global files and {@code GIT_CONFIG_NOSYSTEM}
 * skips the system one, as in git. Only what the walk needs is read: one key of plain
 * configuration files ({@code include} directives are not followed).
 */
final class GitConfig {
  private GitConfig() {}

  /**
   * Returns the global excludes file for a work tree, if one is configured or present.
   *
   * @param top the top of the work tree (holding {@code .git})
   * @param env the environment
   * @return the file, which may not exist
   */
  static Optional<Path> excludesFile(Path top, Map<String, String> env) {
    String home = env.getOrDefault("HOME", "");
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    List<Path> files = new ArrayList<>();
    if (!isTrue(env.get("GIT_CONFIG_NOSYSTEM"))) {
      files.add(Path.of("/etc/gitconfig"));
    }
    String global = env.get("GIT_CONFIG_GLOBAL");
    if (global != null) {
      path(global, home, top).ifPresent(files::add);
    } else {
      if (!xdg.isEmpty()) {
        path(xdg + "/git/config", home, top).ifPresent(files::add);
      } else if (!home.isEmpty()) {
        path(home + "/.config/git/config", home, top).ifPresent(files::add);
      }
      if (!home.isEmpty()) {
        path(home + "/.gitconfig", home, top).ifPresent(files::add);
      }
    }
    files.add(top.resolve(".git").resolve("config"));
    String value = null;
    for (Path f : files) {
      String v = read(f);
      if (v != null) {
        value = v;
      }
    }
    if (value != null) {
      return value.isEmpty() ? Optional.empty() : path(value, home, top);
    }
    if (!xdg.isEmpty()) {
      return path(xdg + "/git/ignore", home, top);
    }
    return home.isEmpty() ? Optional.empty() : path(home + "/.config/git/ignore", home, top);
  }

  private static boolean isTrue(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")
        || v.equalsIgnoreCase("on"));
  }

  /** A path as git reads one: {@code ~/} is the home directory, a relative one the top. */
  private static Optional<Path> path(String value, String home, Path top) {
    try {
      if (value.startsWith("~/")) {
        return home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, value.substring(2)));
      }
      Path p = Path.of(value);
      return Optional.of(p.isAbsolute() ? p : top.resolve(p));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Returns the last {@code core.excludesFile} of a configuration file, or null. */
  private static String read(Path f) {
    List<String> lines;
    try {
      if (!Files.isRegularFile(f)) {
        return null;
      }
      lines = List.of(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException | RuntimeException e) {
      return null; // git reports an unreadable file; the walk goes on without it
    }
    String value = null;
    boolean core = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        String header = close < 0 ? "" : line.substring(1, close).strip();
        int space = header.indexOf(' ');
        String section = space < 0 ? header : header.substring(0, space);
        // [core] or [core] key = value on one line; a subsection ([core "x"]) is another section
        core = section.equalsIgnoreCase("core") && space < 0;
        line = close < 0 ? "" : line.substring(close + 1).strip();
      }
      if (!core || line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      if (key.equals("excludesfile")) {
        value = eq < 0 ? "" : unquote(line.substring(eq + 1));
      }
    }
    return value;
  }

  /** A value as git reads it: quotes removed, escapes resolved, a comment cut off. */
  private static String unquote(String v) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && i + 1 < v.length()) {
        char n = v.charAt(++i);
        out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'b' ? '\b' : n);
      } else if (!quoted && (c == '#' || c == ';')) {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
