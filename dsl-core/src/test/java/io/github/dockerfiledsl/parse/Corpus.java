package io.github.dockerfiledsl.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Access to the shared corpus of real Dockerfiles and BuildKit's reading of them. */
final class Corpus {
  private static Map<String, Map<String, Object>> reference;

  private Corpus() {}

  /** The corpus directory, or a skipped test when it is absent. */
  static Path dir() {
    String prop = System.getProperty("corpus.dir");
    assumeTrue(prop != null && !prop.isBlank(), "corpus.dir not set: corpus tests skipped");
    Path dir = Paths.get(prop);
    assumeTrue(
        Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("buildkit-reference.jsonl.gz")),
        "corpus directory " + dir + " not found: corpus tests skipped");
    return dir;
  }

  /** Relative paths (e.g. {@code owner__repo/Dockerfile}) of every corpus Dockerfile. */
  static List<String> files() {
    Path dir = dir();
    List<String> out = new ArrayList<>();
    try (Stream<Path> top = Files.list(dir)) {
      for (Path repo : (Iterable<Path>) top.sorted()::iterator) {
        String name = repo.getFileName().toString();
        if (!Files.isDirectory(repo) || name.equals("LICENSES") || !name.contains("__")) {
          continue;
        }
        try (Stream<Path> files = Files.walk(repo)) {
          files
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String read(String relative) {
    try {
      byte[] bytes = Files.readAllBytes(dir().resolve(relative));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** BuildKit's reading of each file, by relative path. */
  @SuppressWarnings("unchecked")
  static synchronized Map<String, Map<String, Object>> reference() {
    if (reference == null) {
      Map<String, Map<String, Object>> map = new LinkedHashMap<>();
      Path gz = dir().resolve("buildkit-reference.jsonl.gz");
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          Map<String, Object> o = (Map<String, Object>) MiniJson.parse(line);
          String file = (String) o.get("file");
          String prefix = "shared/corpus/";
          map.put(file.startsWith(prefix) ? file.substring(prefix.length()) : file, o);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      reference = Collections.unmodifiableMap(map);
    }
    return reference;
  }

  /** The checked-in list of files not yet handled: path to reason. */
  static Map<String, String> knownFailures() {
    Map<String, String> out = new LinkedHashMap<>();
    try (var in = Corpus.class.getResourceAsStream("/parse/corpus-known-failures.txt")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        out.put(tab < 0 ? line.strip() : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
