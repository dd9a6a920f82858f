package io.github.dockerfiledsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellLexerTest {
  private static final Map<String, String> ENV = new HashMap<>();

  static {
    ENV.put("NAME", "world");
    ENV.put("EMPTY", "");
    ENV.put("PATHV", "/usr/local/bin/app.tar.gz");
    ENV.put("SPACED", "a b  c");
    ENV.put("V", "aXbXc");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "hello|hello",
        "$NAME|world",
        "${NAME}|world",
        "x$NAME.y|xworld.y",
        "$UNSET|~~",
        "${UNSET}|~~",
        "${NAME:-d}|world",
        "${EMPTY:-d}|d",
        "${UNSET:-d}|d",
        "${NAME-d}|world",
        "${EMPTY-d}|~~",
        "${UNSET-d}|d",
        "${NAME:+alt}|alt",
        "${EMPTY:+alt}|~~",
        "${UNSET:+alt}|~~",
        "${NAME+alt}|alt",
        "${EMPTY+alt}|alt",
        "${UNSET+alt}|~~",
        "${NAME:?oops}|world",
        "${EMPTY?oops}|~~",
        "${PATHV#*/}|usr/local/bin/app.tar.gz",
        "${PATHV##*/}|app.tar.gz",
        "${PATHV%.*}|/usr/local/bin/app.tar",
        "${PATHV%%.*}|/usr/local/bin/app",
        "${PATHV#/usr}|/local/bin/app.tar.gz",
        "${PATHV%nomatch}|/usr/local/bin/app.tar.gz",
        "${V/X/-}|a-bXc",
        "${V//X/-}|a-b-c",
        "${V//?X/}|c",
        "${V/X}|abXc",
        "${UNSET:-${NAME}}|world",
        "'$NAME'|$NAME",
        "\"$NAME\"|world",
        "\"a 'b' $NAME\"|a 'b' world",
        "\\$NAME|$NAME",
        "a\\ b|a b",
        "\"x\\\"y\"|x\"y",
        "\"x\\qy\"|x\\qy",
        "$|$",
        "$1|~~",
        "100%|100%",
      })
  void expands(String input, String expected) {
    assertThat(ShellLexer.standard().expand(input, ENV)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "${NAME:=x}|unsupported modifier (:=)",
        "${NAME:1:2}|unsupported modifier (:1)",
        "${#NAME}|unsupported modifier",
        "${}|bad substitution",
        "${NAME|missing '}'",
        "${NAME:-x|missing '}'",
        "'abc|single-quote",
        "\"abc|double-quote",
        "${UNSET:?must be set}|UNSET: must be set",
        "${UNSET?}|UNSET: is not allowed to be unset",
        "${EMPTY:?}|EMPTY: is not allowed to be empty",
        "${NAME^^}|unsupported modifier (^)",
      })
  void rejects(String input, String message) {
    assertThatThrownBy(() -> ShellLexer.standard().expand(input, ENV))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "80 443|80,443",
        "  80\t 443/udp  |80,443/udp",
        "$SPACED|a,b,c",
        "\"$SPACED\"|a b  c",
        "'x y' z|x y,z",
        "a\\ b c|a b,c",
      })
  void splitsWords(String input, String expected) {
    assertThat(ShellLexer.standard().words(input, ENV::get)).containsExactly(expected.split(","));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "`$NAME|$NAME",
        "a` b|a b",
        "\\$NAME|\\world",
        "\"x`\"y\"|x\"y",
      })
  void backtickEscape(String input, String expected) {
    assertThat(ShellLexer.withEscape('`').expand(input, ENV)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "cat <<EOF|cat,<<EOF",
        "cat <<'EOF' x|cat,<<'EOF',x",
        "a\\ b <<\"E F\"|a\\ b,<<\"E F\"",
        "$UNSET ${UNSET:-z}|$UNSET,${UNSET:-z}",
      })
  void rawModeKeepsQuotesEscapesAndUnsetReferences(String input, String expected) {
    ShellLexer raw =
        ShellLexer.standard().withRawQuotes(true).withRawEscapes(true).withSkipUnsetEnv(true);
    assertThat(raw.words(input, name -> null)).containsExactly(expected.split(","));
  }

  @org.junit.jupiter.api.Test
  void skipProcessQuotesTreatsQuotesAsText() {
    ShellLexer lexer = ShellLexer.standard().withSkipProcessQuotes(true);
    assertThat(lexer.expand("'$NAME' \"x\"", ENV)).isEqualTo("'world' \"x\"");
    assertThat(lexer.words("it's", ENV::get)).isEqualTo(List.of("it's"));
  }

  @org.junit.jupiter.api.Test
  void rejectsOtherEscapeTokens() {
    assertThatThrownBy(() -> ShellLexer.withEscape('x'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(x)");
  }

  @org.junit.jupiter.api.Test
  void errorCarriesOffset() {
    SubstitutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SubstitutionException.class, () -> ShellLexer.standard().expand("ab ${}", ENV));
    assertThat(e.offset()).isBetween(3, 6);
    assertThat(e.text()).isEqualTo("ab ${}");
  }
}
