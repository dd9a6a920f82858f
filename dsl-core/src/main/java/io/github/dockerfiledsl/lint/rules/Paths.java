package io.github.dockerfiledsl.lint.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/** Unix path helpers for container paths. */
public final class Paths {
  private Paths() {}

  /**
   * Cleans a path: collapses {@code //}, {@code .} and {@code ..}, drops a trailing slash.
   *
   * @param path the path
   * @return the clean path ({@code /} for the root, {@code .} for an empty relative path)
   */
  public static String clean(String path) {
    boolean abs = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!abs) {
          parts.addLast(p);
        }
      } else {
        parts.addLast(p);
      }
    }
    String joined = String.join("/", parts);
    if (abs) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /**
   * Resolves a path against a working directory.
   *
   * @param workdir the absolute working directory
   * @param path the path, absolute or relative
   * @return the clean absolute path
   */
  public static String resolve(String workdir, String path) {
    return clean(path.startsWith("/") ? path : workdir + "/" + path);
  }

  /**
   * Returns whether {@code path} is {@code dir} or below it.
   *
   * @param path a clean path
   * @param dir a clean path
   * @return true if inside
   */
  public static boolean isWithin(String path, String dir) {
    return path.equals(dir) || dir.equals("/") || path.startsWith(dir + "/");
  }

  /**
   * Returns the last segment of a path.
   *
   * @param path the path
   * @return the base name
   */
  public static String baseName(String path) {
    String c = clean(path);
    return c.substring(c.lastIndexOf('/') + 1);
  }
}
