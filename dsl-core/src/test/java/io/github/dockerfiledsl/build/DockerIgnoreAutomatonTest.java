package io.github.dockerfiledsl.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The .dockerignore matcher without regular expressions: the same answers as the translation to
 * java.util.regex it replaced (kept in {@link DockerIgnoreOracle}), and adversarial patterns that
 * made that regular expression backtrack.
 */
class DockerIgnoreAutomatonTest {

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("ab/*?[]!^-\\.").ofMinLength(1).ofMaxLength(9);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("ab/*?[]!^-\\.").ofMinLength(0).ofMaxLength(10);
  }

  @Property(tries = 20000)
  void sameAnswersAsTheRegularExpression(
      @ForAll("patterns") String pattern, @ForAll("paths") String path) {
    String clean = DockerIgnore.clean(pattern);
    // an exclusion alone never matches
    Assume.that(clean.charAt(0) != '!');
    Assume.that(DockerIgnore.syntaxError(clean) == null);
    // the oracle's Java classes take in the [^/] that * and ? become inside a class (Java nests
    // classes); the automaton reads them as themselves, as filepath.Match does
    Assume.that(!starOrQuestionInClass(clean));
    DockerIgnore ignore = DockerIgnore.of(List.of(pattern));
    boolean expected;
    try {
      expected = oracle(clean, path);
    } catch (PatternSyntaxException e) {
      assertThat(DockerIgnore.clean(path)).isNotEqualTo(".");
      assertThatThrownBy(() -> ignore.matches(path)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(ignore.matches(path)).as("%s against %s", pattern, path).isEqualTo(expected);
  }

  /** The old matcher for one pattern: its kind's test, or the regular expression. */
  private static boolean oracle(String clean, String path) {
    String file = DockerIgnore.clean(path);
    if (file.equals(".")) {
      return false;
    }
    return switch (DockerIgnore.compiledType(clean)) {
      case "regexpMatch", "bad" -> DockerIgnoreOracle.matchesOrParent(clean, path);
      default -> oldKindMatch(clean, file);
    };
  }

  /** The old exact, prefix and suffix matches against the path and each parent, copied out. */
  private static boolean oldKindMatch(String q, String file) {
    if (oneKindMatch(q, file)) {
      return true;
    }
    int slash = file.lastIndexOf('/');
    if (slash < 0) {
      return false;
    }
    String parent = slash == 0 ? "/" : file.substring(0, slash);
    StringBuilder prefix = new StringBuilder();
    String[] dirs = parent.split("/", -1);
    for (int i = 0; i < dirs.length; i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(dirs[i]);
      if (oneKindMatch(q, prefix.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean oneKindMatch(String q, String path) {
    return switch (DockerIgnore.compiledType(q)) {
      case "exactMatch" -> path.equals(q);
      case "prefixMatch" -> path.startsWith(q.substring(0, q.length() - 2));
      case "suffixMatch" -> {
        String suffix = q.substring(2);
        yield path.endsWith(suffix)
            || !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
      }
      default -> throw new AssertionError(q);
    };
  }

  private static boolean starOrQuestionInClass(String p) {
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (inClass && (c == '*' || c == '?')) {
        return true;
      }
    }
    return false;
  }

  // ---- adversarial patterns: each answer needs a whole search of the regular expression

  @Test
  void manyStarsAgainstALongName() {
    String name = "a".repeat(5000);
    assertThat(DockerIgnore.of(List.of("*a*a*a*a*a*a*b")).matches(name)).isFalse();
    assertThat(DockerIgnore.of(List.of("*a*a*a*a*a*a*b")).matches(name + "b")).isTrue();
    assertThat(DockerIgnore.of(List.of("**/a*a*a*a*a*a*b")).matches("x/" + name)).isFalse();
    assertThat(DockerIgnore.of(List.of("**/a*a*a*a*a*a*b")).matches("x/" + name + "b")).isTrue();
    assertThat(DockerIgnore.of(List.of("a*a*a*a*a*a*[b]")).matches(name + "/b")).isFalse();
  }

  @Test
  void manyDoubleStarsAgainstADeepPath() {
    String deep = "a/".repeat(5000) + "a";
    assertThat(DockerIgnore.of(List.of("**/a/**/a/**/a/**/b")).matches(deep)).isFalse();
    assertThat(DockerIgnore.of(List.of("**/a/**/a/**/a/**/b")).matches(deep + "/b")).isTrue();
    assertThat(DockerIgnore.of(List.of("**/**/**/**/**/b?")).matches(deep)).isFalse();
    // a parent directory matches: the path under it is excluded
    assertThat(DockerIgnore.of(List.of("a/**/a/aa")).matches(deep + "a/x/y")).isTrue();
    assertThat(DockerIgnore.of(List.of("**/a/\\a")).matches(deep)).isFalse();
  }

  @Test
  void deepPathsWithTheSimpleKinds() {
    String deep = "d/".repeat(20000) + "f";
    assertThat(DockerIgnore.of(List.of("**/d/x")).matches(deep)).isFalse();
    assertThat(DockerIgnore.of(List.of("**/d/d")).matches(deep)).isTrue();
    assertThat(DockerIgnore.of(List.of("d/d/d")).matches(deep)).isTrue();
    assertThat(DockerIgnore.of(List.of("d/e")).matches(deep)).isFalse();
    assertThat(DockerIgnore.of(List.of("d/d/**")).matches(deep)).isTrue();
  }

  @Test
  void escapesAndAssertionsAsInTheRegularExpression() {
    // Go and Java read these escapes alike: a control character, a class, an assertion
    assertThat(DockerIgnore.of(List.of("a\\tb")).matches("a\tb")).isTrue();
    assertThat(DockerIgnore.of(List.of("a\\tb")).matches("atb")).isFalse();
    assertThat(DockerIgnore.of(List.of("v\\d\\d")).matches("v12")).isTrue();
    assertThat(DockerIgnore.of(List.of("v[\\d.]*")).matches("v1.2")).isTrue();
    assertThat(DockerIgnore.of(List.of("a\\b-")).matches("a-")).isTrue();
    assertThat(DockerIgnore.of(List.of("a\\bb")).matches("ab")).isFalse();
    // in a pattern of the regular-expression kind, '^' is the start of the path
    assertThat(DockerIgnore.of(List.of("a^b")).matches("a^b")).isTrue();
    assertThat(DockerIgnore.of(List.of("a^b?")).matches("a^bc")).isFalse();
    assertThat(DockerIgnore.of(List.of("^ab*")).matches("abc")).isTrue();
    assertThat(DockerIgnore.of(List.of("x/a\\z")).matches("x/a/b")).isTrue();
    // Go rejects other escapes of letters: the pattern fails when used
    DockerIgnore bad = DockerIgnore.of(List.of("a\\qb"));
    assertThatThrownBy(() -> bad.matches("aqb")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classesAsFilepathMatchReadsThem() {
    assertThat(DockerIgnore.of(List.of("[^/]")).matches("a")).isTrue();
    assertThat(DockerIgnore.of(List.of("x[\\]\\-]y")).matches("x-y")).isTrue();
    assertThat(DockerIgnore.of(List.of("x[a-c]y")).matches("xby")).isTrue();
    assertThat(DockerIgnore.of(List.of("x[^a-c]y")).matches("xby")).isFalse();
    assertThat(DockerIgnore.of(List.of("x[^a-c]y")).matches("x\u263Ay")).isTrue();
    assertThat(DockerIgnore.of(List.of("x[\uD83D\uDE00]y")).matches("x\uD83D\uDE00y")).isTrue();
    assertThat(DockerIgnore.of(List.of("x?y")).matches("x\uD83D\uDE00y")).isTrue();
  }
}
