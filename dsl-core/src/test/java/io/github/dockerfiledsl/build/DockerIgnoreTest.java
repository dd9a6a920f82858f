package io.github.dockerfiledsl.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * .dockerignore semantics checked against every case of moby/patternmatcher's tests, kept as data
 * in {@code dockerignore/patternmatcher-cases.tsv}.
 */
class DockerIgnoreTest {

  private static List<String[]> cases() throws IOException {
    try (InputStream in = DockerIgnoreTest.class.getResourceAsStream(
        "/dockerignore/patternmatcher-cases.tsv")) {
      List<String[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line.split("\t", -1));
        }
      }
      return out;
    }
  }

  @TestFactory
  Stream<DynamicTest> patternmatcherCases() throws IOException {
    List<String[]> all = cases();
    assertThat(all).hasSizeGreaterThan(150);
    return all.stream().map(c -> {
      String kind = c[0];
      String text = c[1];
      String expected = c[2];
      List<String> patterns = Arrays.asList(c).subList(3, c.length);
      String name = kind + " " + patterns + " " + text + " -> " + expected;
      return DynamicTest.dynamicTest(name, () -> {
        switch (kind) {
          case "match" ->
              assertThat(DockerIgnore.of(patterns).matches(text)).isEqualTo(Boolean.parseBoolean(expected));
          case "error" -> assertThatThrownBy(() -> DockerIgnore.of(patterns))
              .isInstanceOf(IllegalArgumentException.class);
          case "matcherror" -> {
            DockerIgnore ignore = DockerIgnore.of(patterns);
            assertThatThrownBy(() -> ignore.matches(text)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ignore.matches(text)).isInstanceOf(IllegalArgumentException.class);
          }
          case "compile" -> {
            String clean = DockerIgnore.clean(patterns.get(0));
            assertThat(DockerIgnore.compiledType(clean)).isEqualTo(text);
            if (text.equals("regexpMatch")) {
              // the matcher has no regular expression: this checks the test's oracle
              assertThat(DockerIgnoreOracle.regex(clean)).isEqualTo(expected);
            }
          }
          case "patterns" -> assertThat(String.join(" ", DockerIgnore.of(patterns).patterns()))
              .isEqualTo(expected);
          default -> throw new AssertionError("unknown case kind " + kind);
        }
      });
    });
  }

  @Test
  void fileLinesFollowIgnorefile() {
    String file = "\uFEFF# comment\n #not a comment\n\n  *.log  \n! keep.log\n/abs/../x/\n!/y\r\n";
    assertThat(DockerIgnore.readLines(file))
        .containsExactly("#not a comment", "*.log", "!keep.log", "x", "!y");
    DockerIgnore ignore = DockerIgnore.parse(file);
    assertThat(ignore.matches("#not a comment")).isTrue();
    assertThat(ignore.matches("a.log")).isTrue();
    assertThat(ignore.matches("keep.log")).isFalse();
    assertThat(ignore.matches("x/inner/file")).isTrue();
  }

  @Test
  void readLinesAsIgnorefileReadAll() {
    // ignorefile's ReadAll cases: no content gives no patterns; a leading '/' goes (also after
    // '!'), blank lines and comments go, and a '!' with nothing after it stays a lone '!'
    assertThat(DockerIgnore.readLines("")).isEmpty();
    String file = "one\n/two\n/x/y/z\n\nlast\n# comment\n! /neg/abs\n!\n! ";
    assertThat(DockerIgnore.readLines(file))
        .containsExactly("one", "two", "x/y/z", "last", "!neg/abs", "!", "!");
    assertThatThrownBy(() -> DockerIgnore.parse(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"!\"");
  }

  @Test
  void bangClassIsASetNotANegation() {
    // Go's filepath.Match negates with '^' only: [!a] is the set of '!' and 'a'
    DockerIgnore ignore = DockerIgnore.of(List.of("file[!a]"));
    assertThat(ignore.matches("file!")).isTrue();
    assertThat(ignore.matches("filea")).isTrue();
    assertThat(ignore.matches("fileb")).isFalse();
  }

  @Test
  void javaOnlyClassSyntaxIsLiteral() {
    assertThat(DockerIgnore.of(List.of("a[&&b]")).matches("a&")).isTrue();
    assertThat(DockerIgnore.of(List.of("a[[x]")).matches("a[")).isTrue();
  }

  @Test
  void buildContextRejectsWhatBuildKitRejects() {
    assertThatThrownBy(() -> BuildContext.builder().ignore("!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"!\"");
    assertThatThrownBy(() -> BuildContext.builder().ignore("["))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'['");
    assertThatThrownBy(() -> BuildContext.builder().ignore("[Local-Only]/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BuildContext.builder().ignore("*.log", "!keep.log").build().ignorePatterns())
        .containsExactly("*.log", "!keep.log");
  }
}
