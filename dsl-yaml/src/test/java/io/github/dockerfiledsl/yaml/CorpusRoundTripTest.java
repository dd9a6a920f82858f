package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The invariant over the shared corpus: for every file the parser accepts, render(import(x)) is
 * fmt(x) byte for byte, the imported spec reads back to the same model, and it is valid against
 * the JSON Schema.
 */
class CorpusRoundTripTest {

  static List<Path> corpusFiles() throws IOException {
    String dir = System.getProperty("corpus.dir", "");
    Path corpus = Path.of(dir);
    assumeTrue(!dir.isEmpty() && Files.isDirectory(corpus),
        "SKIPPED: corpus not found (system property corpus.dir='" + dir + "')");
    List<Path> out = new ArrayList<>();
    try (Stream<Path> repos = Files.list(corpus)) {
      for (Path repo : repos.filter(p -> Files.isDirectory(p) && p.getFileName().toString()
          .contains("__")).sorted().toList()) {
        try (Stream<Path> files = Files.walk(repo)) {
          files.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
      }
    }
    return out;
  }

  static String utf8(Path p) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Test
  void renderOfImportIsFmtForEveryParseableFile() throws IOException {
    List<Path> files = corpusFiles();
    int parsed = 0;
    int rejected = 0;
    List<String> failures = new ArrayList<>();
    for (Path p : files) {
      String text = utf8(p);
      if (text == null) {
        rejected++;
        continue;
      }
      Dockerfile d;
      String fmt;
      try {
        d = DockerfileParser.parse(p.toString(), text);
        fmt = d.render();
      } catch (DockerfileParseException | IllegalArgumentException e) {
        rejected++;
        continue;
      }
      parsed++;
      try {
        String yaml = YamlSpec.write(d);
        Dockerfile back = YamlSpec.read(p.toString(), yaml);
        if (!back.render().equals(fmt)) {
          failures.add(p + ": render(import(x)) differs from fmt(x)");
        } else if (!back.equals(d)) {
          failures.add(p + ": import(x) reads back to another model");
        } else {
          var errors = SpecSchema.validate(yaml);
          if (!errors.isEmpty()) {
            failures.add(p + ": schema: " + errors.get(0));
          }
        }
      } catch (RuntimeException e) {
        failures.add(p + ": " + e);
      }
    }
    System.out.printf("corpus: %d files, %d parsed and round-tripped, %d not parseable%n",
        files.size(), parsed, rejected);

    assertThat(failures).as("%d of %d parseable files", failures.size(), parsed).isEmpty();
    assertThat(parsed).as("parseable corpus files").isGreaterThan(files.size() / 2);
  }
}
