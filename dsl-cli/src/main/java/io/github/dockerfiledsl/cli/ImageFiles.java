package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.parse.DockerfileParseException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file loop that {@code pin} and {@code rewrite} share: each file is read and its image
 * references located, then changed or checked by the command; a changed file is written with
 * the others (all or nothing, see {@link Batch}), standard input is printed, and a file that
 * fails is reported while the others go on.
 */
final class ImageFiles {
  private ImageFiles() {}

  /** What a command does with one file. */
  interface Work {
    /**
     * Changes or checks one file.
     *
     * @param name the file's name as shown
     * @param text its text
     * @param located its image references
     * @param findings where a check adds what it finds
     * @return the new text, or null when the command only checks
     * @throws Failure for a problem reported against the file
     */
    String apply(String name, String text, ImageLocations located, List<String> findings);
  }

  /**
   * Runs the work on every file.
   *
   * @param files the FILE arguments ({@code -} for standard input)
   * @param out where standard input's result and the findings go
   * @param err where failures go
   * @param work what the command does with each file
   * @return the exit status
   */
  static int run(List<String> files, PrintWriter out, PrintWriter err, Work work) {
    Batch batch = new Batch();
    List<String> findings = new ArrayList<>();
    StringBuilder stdout = new StringBuilder();
    for (String f : files) {
      String name = Io.displayName(f);
      try {
        String text = Io.read(f, Main.stdin);
        ImageLocations located = ImageLocations.of(name, text);
        String changed;
        try {
          changed = work.apply(name, text, located, findings);
        } catch (DockerfileParseException e) {
          throw new Failure(e.getMessage());
        }
        if (changed == null) {
          continue;
        }
        if (f.equals(Io.STDIN)) {
          stdout.append(changed);
        } else if (!changed.equals(text)) {
          batch.output(Path.of(f), changed, f);
        }
      } catch (Failure e) {
        batch.error(e.getMessage());
      }
    }
    int status = batch.finish(err);
    if (status != Main.EXIT_OK) {
      return status;
    }
    out.print(stdout);
    findings.forEach(out::println);
    out.flush();
    return findings.isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
  }
}
