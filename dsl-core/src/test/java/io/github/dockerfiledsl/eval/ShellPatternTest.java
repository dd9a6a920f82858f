package io.github.dockerfiledsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The glob matcher of {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}}: the same matches as
 * the regular-expression translation it replaced (kept here as an oracle, which is also
 * BuildKit's translation), BuildKit's own cases, and adversarial globs that made the regular
 * expression backtrack for ages.
 */
class ShellPatternTest {

  // ---- the oracle: the translation to java.util.regex that ShellLexer used before

  /** The old translation: {@code *} to {@code .*} or {@code .*?}, {@code ?} to {@code .}. */
  static Pattern oracleRegex(String glob, boolean greedy, boolean anchored) {
    StringBuilder out = new StringBuilder(glob.length() + 4);
    if (anchored) {
      out.append('^');
    }
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append(greedy ? ".*" : ".*?");
        case '?' -> out.append('.');
        case '\\' -> {
          if (i + 1 < glob.length()) {
            char n = glob.charAt(++i);
            if (n == '}' || n == '/' || n == '*' || n == '?' || n == '\\') {
              out.append('\\').append(n);
            } else {
              throw new IllegalArgumentException("invalid escape '\\" + n + "'");
            }
          } else {
            out.append("\\\\");
          }
        }
        default -> {
          if ("[]{}.+()|^$".indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return Pattern.compile(out.toString(), Pattern.UNIX_LINES);
  }

  static String oraclePrefix(String glob, String value, boolean greedy) {
    Matcher m = oracleRegex(glob, greedy, true).matcher(value);
    return m.find() ? value.substring(m.end()) : value;
  }

  /** The old suffix: the reversed glob (escapes kept in front) on the reversed value. */
  static String oracleSuffix(String glob, String value, boolean greedy) {
    StringBuilder reversed = new StringBuilder();
    for (int i = glob.length() - 1; i >= 0; i--) {
      if (i > 0 && glob.charAt(i - 1) == '\\' && escapedAt(glob, i)) {
        reversed.append('\\').append(glob.charAt(i));
        i--;
      } else {
        reversed.append(glob.charAt(i));
      }
    }
    String v = new StringBuilder(value).reverse().toString();
    return new StringBuilder(oraclePrefix(reversed.toString(), v, greedy)).reverse().toString();
  }

  /** Whether the character at {@code i} is escaped (read from the left, as the glob is). */
  private static boolean escapedAt(String glob, int i) {
    boolean escaped = false;
    for (int k = 0; k < i; k++) {
      escaped = !escaped && glob.charAt(k) == '\\';
    }
    return escaped;
  }

  static String oracleReplace(String glob, String value, String replacement, boolean all) {
    Matcher m = oracleRegex(glob, true, false).matcher(value);
    StringBuilder out = new StringBuilder();
    String quoted = Matcher.quoteReplacement(replacement);
    int lastEnd = -1;
    while (m.find()) {
      // Go's ReplaceAllString (BuildKit) skips an empty match where the previous one ended
      if (m.end() > m.start() || m.start() != lastEnd) {
        m.appendReplacement(out, quoted);
      }
      lastEnd = m.end();
      if (!all) {
        break;
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the glob ends with a backslash that escapes nothing. */
  static boolean trailingBackslash(String glob) {
    return !glob.isEmpty() && glob.charAt(glob.length() - 1) == '\\'
        && !escapedAt(glob, glob.length() - 1);
  }

  // ---- the matcher against the oracle

  @Provide
  Arbitrary<String> globs() {
    return Arbitraries.strings().withChars("ab*?[]!^\\-").ofMinLength(0).ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("ab*?[]!^\\-\n").ofMinLength(0).ofMaxLength(12);
  }

  /** Runs one form through the matcher, or returns "error" when the glob is rejected. */
  private static String actual(String form, String glob, String value) {
    try {
      return switch (form) {
        case "#" -> ShellPattern.compile(glob, false).trimPrefix(value);
        case "##" -> ShellPattern.compile(glob, true).trimPrefix(value);
        case "%" -> ShellPattern.compile(glob, false).trimSuffix(value);
        case "%%" -> ShellPattern.compile(glob, true).trimSuffix(value);
        case "/" -> replace(glob, value, "<>", false);
        default -> replace(glob, value, "<>", true);
      };
    } catch (IllegalArgumentException e) {
      return "error";
    }
  }

  private static String expected(String form, String glob, String value) {
    try {
      return switch (form) {
        case "#" -> oraclePrefix(glob, value, false);
        case "##" -> oraclePrefix(glob, value, true);
        case "%" -> oracleSuffix(glob, value, false);
        case "%%" -> oracleSuffix(glob, value, true);
        case "/" -> oracleReplace(glob, value, "<>", false);
        default -> oracleReplace(glob, value, "<>", true);
      };
    } catch (IllegalArgumentException e) {
      return "error";
    }
  }

  static String replace(String glob, String value, String replacement, boolean all) {
    return ShellPattern.compile(glob, true).replace(value, replacement, all, length -> { });
  }

  @Property(tries = 3000)
  void matchesAsTheRegularExpressionDid(
      @ForAll("globs") String glob,
      @ForAll("values") String value,
      @ForAll("forms") String form) {
    if (trailingBackslash(glob)) {
      // BuildKit rejects it; the old translation read it as a backslash (or, reversed for %,
      // as an escape of the character before it)
      assertThat(actual(form, glob, value)).isEqualTo("error");
      return;
    }
    assertThat(actual(form, glob, value)).as("%s on %s", form + glob, value)
        .isEqualTo(expected(form, glob, value));
  }

  @Provide
  Arbitrary<String> forms() {
    return Arbitraries.of("#", "##", "%", "%%", "/", "//");
  }

  @Property(tries = 1000)
  void findMatchesTheRegularExpressionFromAnyPosition(
      @ForAll("globs") String glob, @ForAll("values") String value) {
    Pattern re;
    try {
      re = oracleRegex(glob, true, false);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (trailingBackslash(glob)) {
      return;
    }
    ShellPattern p = ShellPattern.compile(glob, true);
    for (int from = 0; from <= value.length(); from++) {
      Matcher m = re.matcher(value);
      long found = p.find(value, from);
      if (m.find(from)) {
        assertThat(found).as("%s from %d in %s", glob, from, value).isNotNegative();
        assertThat(ShellPattern.start(found)).isEqualTo(m.start());
        assertThat(ShellPattern.end(found)).isEqualTo(m.end());
      } else {
        assertThat(found).as("%s from %d in %s", glob, from, value).isEqualTo(-1L);
      }
    }
  }

  // ---- adversarial globs: correct answers, no backtracking, no stack

  @Test
  void manyStarsAgainstALongValue() {
    String value = "a".repeat(10_000);
    String stars = "*a".repeat(30) + "*b";
    ShellPattern greedy = ShellPattern.compile(stars, true);
    ShellPattern lazy = ShellPattern.compile(stars, false);
    assertThat(greedy.trimPrefix(value)).isEqualTo(value);
    assertThat(lazy.trimPrefix(value)).isEqualTo(value);
    assertThat(greedy.trimSuffix(value)).isEqualTo(value);
    assertThat(lazy.trimSuffix(value)).isEqualTo(value);
    assertThat(greedy.find(value, 0)).isEqualTo(-1L);
    String withB = value + "b";
    assertThat(greedy.trimPrefix(withB)).isEmpty();
    assertThat(lazy.trimPrefix(withB)).isEmpty();
    String starsA = "*a".repeat(30);
    assertThat(ShellPattern.compile(starsA, false).trimPrefix(value)).isEqualTo("a".repeat(9970));
    assertThat(ShellPattern.compile(starsA, true).trimPrefix(value)).isEmpty();
    assertThat(ShellPattern.compile("a" + starsA, false).trimSuffix(value))
        .isEqualTo("a".repeat(9969));
    assertThat(ShellPattern.compile("a" + starsA, true).trimSuffix(value)).isEmpty();
  }

  @Test
  void manyStarsThroughTheLexer() {
    String value = "a".repeat(10_000);
    Map<String, String> env = Map.of("V", value);
    String stars = "*a".repeat(30) + "*b";
    ShellLexer lexer = ShellLexer.standard();
    assertThat(lexer.expand("${V##" + stars + "}", env)).isEqualTo(value);
    assertThat(lexer.expand("${V#" + stars + "}", env)).isEqualTo(value);
    assertThat(lexer.expand("${V%%" + stars + "}", env)).isEqualTo(value);
    assertThat(lexer.expand("${V%" + stars + "}", env)).isEqualTo(value);
    assertThat(lexer.expand("${V//" + stars + "/x}", env)).isEqualTo(value);
    assertThat(lexer.expand("${V/" + "?".repeat(30) + "/x}", env))
        .isEqualTo("x" + "a".repeat(9970));
    assertThat(lexer.expand("${V//aa/b}", env)).isEqualTo("b".repeat(5000));
    assertThat(lexer.expand("${V//?/b}", env)).isEqualTo("b".repeat(10_000));
  }

  @Test
  void longGlobsUseNoStack() {
    String value = "ab".repeat(50_000);
    String glob = "*".repeat(100_000) + "b";
    assertThat(ShellPattern.compile(glob, true).trimPrefix(value)).isEmpty();
    assertThat(ShellPattern.compile(glob, false).trimPrefix(value)).isEqualTo(value.substring(2));
    assertThat(ShellPattern.compile("a" + glob, false).trimSuffix(value))
        .isEqualTo(value.substring(0, value.length() - 2));
    assertThat(ShellPattern.compile("a" + glob, true).trimSuffix(value)).isEmpty();
    assertThat(ShellPattern.compile("?".repeat(100_000), true).trimPrefix(value)).isEmpty();
    assertThat(ShellPattern.compile("?".repeat(99_999), true).trimSuffix(value)).isEqualTo("a");
    String alternating = "*?".repeat(500);
    assertThat(ShellPattern.compile(alternating, true).trimPrefix(value)).isEmpty();
    assertThat(ShellPattern.compile(alternating, false).trimPrefix(value))
        .isEqualTo(value.substring(500));
  }

  @Test
  void starsStopAtNewlines() {
    assertThat(ShellPattern.compile("*", true).trimPrefix("ab\ncd")).isEqualTo("\ncd");
    assertThat(ShellPattern.compile("*", true).trimSuffix("ab\ncd")).isEqualTo("ab\n");
    assertThat(ShellPattern.compile("a?c", true).trimPrefix("a\nc")).isEqualTo("a\nc");
    assertThat(ShellPattern.compile("a\nc", true).trimPrefix("a\ncd")).isEqualTo("d");
  }

  @Test
  void questionMarkIsOneCodePoint() {
    Map<String, String> env = Map.of("X", "\ud83d\udc7d\ud83d\ude80\ud83d\udd96");
    ShellLexer lexer = ShellLexer.standard();
    assertThat(lexer.expand("${X#?}", env)).isEqualTo("\ud83d\ude80\ud83d\udd96");
    assertThat(lexer.expand("${X%?}", env)).isEqualTo("\ud83d\udc7d\ud83d\ude80");
    assertThat(lexer.expand("${X%\ud83d\udd96}", env)).isEqualTo("\ud83d\udc7d\ud83d\ude80");
    assertThat(lexer.expand("${X%\ud83d\ude80*}", env)).isEqualTo("\ud83d\udc7d");
    assertThat(lexer.expand("${X/?/x}", env)).isEqualTo("x\ud83d\ude80\ud83d\udd96");
  }

  @Test
  void emptyMatchRightAfterAMatchIsNotReplaced() {
    ShellLexer lexer = ShellLexer.standard();
    assertThat(lexer.expand("${V//*/x}", Map.of("V", "abc"))).isEqualTo("x");
    assertThat(lexer.expand("${V//*/x}", Map.of("V", "ab\ncd"))).isEqualTo("x\nx");
    assertThat(lexer.expand("${V//*/x}", Map.of("V", ""))).isEqualTo("x");
    assertThat(lexer.expand("${V///x}", Map.of("V", "ab"))).isEqualTo("xaxbx");
    assertThat(lexer.expand("${V//b*/x}", Map.of("V", "abc"))).isEqualTo("ax");
  }

  // ---- BuildKit's cases (frontend/dockerfile/shell/lex_test.go), as facts

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiterString = " ;; ",
      quoteCharacter = '~',
      value = {
        // brackets, braces, dots and the other regular-expression characters are literal
        "${FOO#()[]{\\}^$.\\*\\?|\\\\} ;; ()[]{}^$.*?|\\x ;; ~~ ;; x",
        "${FOO%%\\**} ;; xx** ;; ~~ ;; xx",
        "${FOO#*x*y} ;; xxyy ;; ~~ ;; y",
        "${FOO#*} ;; xxyy ;; ~~ ;; xxyy",
        "${FOO#$BAR} ;; xxyy ;; x ;; xyy",
        "${FOO#$BAR} ;; xxyy ;; ~~ ;; xxyy",
        "${FOO#} ;; xxyy ;; ~~ ;; xxyy",
        "${FOO##*x} ;; xxyy ;; ~~ ;; yy",
        "${FOO##} ;; xxyy ;; ~~ ;; xxyy",
        "${FOO#?\\?} ;; ???y ;; ~~ ;; ?y",
        "${BAR:-.}${FOO%x}${BAR:-.} ;; xxyy ;; ~~ ;; .xxyy.",
        "${FOO%%\\**\\*} ;; a***yy* ;; ~~ ;; a",
        "${FOO%} ;; xxyy ;; ~~ ;; xxyy",
        "${FOO%%$BAR} ;; xxyy ;; ~~ ;; xxyy",
        // a variable in the glob is a glob too: \\*/ is a star and a slash
        "${FOO/$BAR/.} - ${FOO//$BAR/.} ;; /foo*/*/*.txt ;; \\*/ ;; /foo.*/*.txt - /foo..*.txt",
        "${FOO/$BAR/} - ${FOO//$BAR/} ;; /tmp/tmp/bar.txt ;; /tmp ;; /tmp/bar.txt - /bar.txt",
        "${FOO/$BAR//} - ${FOO//$BAR//} ;; /a/foo/b/c.txt ;; /?/ ;; /foo/b/c.txt - /foo/c.txt",
        "${FOO/$BAR/https:} ;; http://google.de ;; http: ;; https://google.de",
        "${FOO/$BAR/ww} ;; xxyy ;; ~~ ;; wwxxyy",
        "${FOO///} ;; xxyy ;; ~~ ;; xxyy",
        // the reversal for % keeps each escape in front of what it escapes
        "${FOO%a\\*c} ;; za*c ;; ~~ ;; z",
        "${FOO%\\\\b} ;; z\\b ;; ~~ ;; z",
      })
  void buildKitCases(String input, String foo, String bar, String expected) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("FOO", foo);
    if (bar != null) {
      env.put("BAR", bar);
    }
    assertThat(ShellLexer.standard().expand(input, env)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${FOO#\\x}|invalid escape '\\x' in pattern (\\x)",
        "${FOO%\\x}|invalid escape '\\x' in pattern (\\x)",
        "${FOO%%\\\\\\ab}|invalid escape '\\a' in pattern (\\\\\\ab)",
        "${FOO/\\x/y}|invalid escape '\\x' in pattern (\\x)",
        "${FOO#$BAR}|invalid escape '\\' at the end of pattern (a\\)",
        "${FOO%$BAR}|invalid escape '\\' at the end of pattern (a\\)",
        "${FOO//$BAR/}|invalid escape '\\' at the end of pattern (a\\)",
      })
  void buildKitRejects(String input, String message) {
    assertThatThrownBy(
            () -> ShellLexer.standard().expand(input, Map.of("FOO", "xxyy", "BAR", "a\\")))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining(message);
  }
}
