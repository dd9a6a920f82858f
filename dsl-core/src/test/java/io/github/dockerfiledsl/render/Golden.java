package io.github.dockerfiledsl.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files for whole Dockerfiles: {@code src/test/resources/golden/<Test>/<name>.Dockerfile}.
 *
 * <p>A mismatch fails with a line diff ({@code -} expected, {@code +} actual). Running the tests
 * with {@code -Dgolden.update=true} rewrites the files instead; that never happens by default.
 */
final class Golden {
  private static final Path ROOT = Paths.get("src", "test", "resources", "golden");

  private Golden() {}

  /** Compares {@code actual} with the golden file of the test class and name. */
  static void assertGolden(Class<?> test, String name, String actual) {
    Path file = ROOT.resolve(test.getSimpleName()).resolve(name + ".Dockerfile");
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError("golden file " + file + " is missing; run with -Dgolden.update=true"
            + " to create it. actual:\n" + actual);
      }
      compare(file.toString(), Files.readString(file, StandardCharsets.UTF_8), actual);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails with a line diff unless the texts are equal. */
  static void compare(String file, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError("rendering differs from golden file " + file
          + " (- expected, + actual; -Dgolden.update=true rewrites it):\n"
          + diff(expected, actual));
    }
  }

  /** Returns a line diff of two texts (longest common subsequence), marking changed lines. */
  static String diff(String expected, String actual) {
    List<String> a = lines(expected);
    List<String> b = lines(actual);
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j))
            ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        sb.append("  ").append(show(a.get(i))).append('\n');
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        sb.append("- ").append(show(a.get(i))).append('\n');
        i++;
      } else {
        sb.append("+ ").append(show(b.get(j))).append('\n');
        j++;
      }
    }
    return sb.toString();
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    // a final line break shows as an empty last line; a missing one as "\ no line break"
    if (out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    } else {
      out.set(out.size() - 1, out.get(out.size() - 1) + "\\ (no line break at end)");
    }
    return out;
  }

  private static String show(String line) {
    // make trailing blanks and tabs visible
    return line.replace("\t", "\u2192").replaceAll(" +$", "$0\u00b7");
  }
}
