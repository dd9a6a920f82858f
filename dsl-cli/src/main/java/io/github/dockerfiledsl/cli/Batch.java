package io.github.dockerfiledsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The all-or-nothing batch of a command: outputs are collected in memory and written only when
 * every input succeeded, each one atomically.
 */
final class Batch {
  private final List<String> errors = new ArrayList<>();
  private final Map<Path, String> outputs = new LinkedHashMap<>();
  private final Map<Path, String> sources = new LinkedHashMap<>();
  private final Map<Path, Path> roots = new LinkedHashMap<>();

  /**
   * Records an error message.
   *
   * @param message the message
   */
  void error(String message) {
    errors.add(message);
  }

  /**
   * Records an output file.
   *
   * @param target the file
   * @param text its content
   * @param source the input it comes from, for collision messages
   */
  void output(Path target, String text, String source) {
    Path key = target.toAbsolutePath().normalize();
    String previous = sources.putIfAbsent(key, source);
    if (previous != null && !previous.equals(source)) {
      errors.add("dockerfile-dsl: " + previous + " and " + source + " would both be written to "
          + target);
      return;
    }
    outputs.put(key, text);
  }

  /**
   * Records an output file that must stay inside an output directory: no symbolic link below
   * {@code root} may redirect it outside.
   *
   * @param target the file, below {@code root}
   * @param text its content
   * @param source the input it comes from, for collision messages
   * @param root the output directory
   */
  void output(Path target, String text, String source, Path root) {
    output(target, text, source);
    roots.put(target.toAbsolutePath().normalize(), root);
  }

  /**
   * Returns whether any input failed.
   *
   * @return true after an error
   */
  boolean failed() {
    return !errors.isEmpty();
  }

  /**
   * Prints the errors, or writes the outputs when there are none.
   *
   * @param err standard error
   * @return the exit status
   */
  int finish(PrintWriter err) {
    if (!errors.isEmpty()) {
      errors.forEach(m -> err.println(Terminal.safe(m)));
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
    try {
      for (Map.Entry<Path, String> e : outputs.entrySet()) {
        Io.writeAtomically(e.getKey(), e.getValue(), roots.get(e.getKey()));
      }
    } catch (Failure f) {
      err.println(Terminal.safe(f.getMessage()));
      return Main.EXIT_BAD_INPUT;
    }
    return Main.EXIT_OK;
  }

  /**
   * Returns where an input's output goes in {@code outDir}: a relative input path is mirrored
   * below it, any other keeps only its file name.
   *
   * @param outDir the output directory
   * @param input the input path
   * @param fileName the output file name
   * @return the output path
   */
  static Path target(Path outDir, String input, String fileName) {
    Path in = Path.of(input).normalize();
    Path parent = in.getParent();
    boolean mirror = !in.isAbsolute() && parent != null && !parent.startsWith("..");
    return mirror ? outDir.resolve(parent).resolve(fileName) : outDir.resolve(fileName);
  }
}
