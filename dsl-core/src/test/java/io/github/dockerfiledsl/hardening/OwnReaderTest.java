package io.github.dockerfiledsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Output the tool writes is read back by its own reader to the same model, within BuildKit's
 * line limit; errors carry positions and show no raw control characters.
 */
class OwnReaderTest {

  private static String fmt(String text) {
    return DockerfileParser.parse(text).render();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "FROM scratch\nUSER a$(\n",
    "FROM scratch\nUSER \"a$(\"\n",
    "FROM scratch\nWORKDIR /a$\n",
    "FROM scratch\nENV A=x$%y B=$ C=${A}$\n",
    "FROM scratch\nLABEL a=\"$(b)\" c=$(d\n",
    "FROM scratch\nVOLUME /data$ /x\n",
  })
  void fmtIsIdempotentForLoneDollars(String text) {
    String once = fmt(text);
    assertThat(fmt(once)).isEqualTo(once);
    assertThat(DockerfileParser.parse(once)).isEqualTo(DockerfileParser.parse(text));
  }

  @Test
  void bareAndQuotedLoneDollarGiveTheSameModel() {
    assertThat(DockerfileParser.parse("FROM scratch\nUSER a$(\n"))
        .isEqualTo(DockerfileParser.parse("FROM scratch\nUSER \"a\\$(\"\n"));
  }

  @Test
  void fromWithALiteralDollarReadsBackAndIsALintFinding() {
    // BuildKit's parser accepts FROM a$(b and fails only at build time (a$(b expands to itself, an
    // invalid reference): the model holds it, fmt prints text that it reads back unchanged, and
    // the linter reports the reference (DF209) at its line
    String text = "FROM a$(b\n";
    String once = fmt(text);
    assertThat(fmt(once)).isEqualTo(once);
    assertThat(DockerfileParser.parse("Dockerfile", once))
        .isEqualTo(DockerfileParser.parse("Dockerfile", text));
    assertThat(io.github.dockerfiledsl.lint.Linter.defaults().lint("Dockerfile", text)
        .findings("DF209")).singleElement()
        .satisfies(f -> assertThat(f.position()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1)));
  }

  @Test
  void longJsonFormIsSplitWithinTheLineLimit() {
    StringBuilder sb = new StringBuilder("FROM scratch\nCMD [");
    for (int i = 0; i < 1000; i++) {
      sb.append(i == 0 ? "" : ", \\\n").append('"').append(("é" + i + "x").repeat(20)).append('"');
    }
    String text = sb.append("]\n").toString();
    String once = fmt(text);
    for (String line : once.split("\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(65_535);
    }
    assertThat(once.split("\n").length).isGreaterThan(2);
    assertThat(DockerfileParser.parse(once)).isEqualTo(DockerfileParser.parse(text));
    assertThat(fmt(once)).isEqualTo(once);
  }

  @Test
  void longJsonFormWithBacktickEscape() {
    StringBuilder sb = new StringBuilder("# escape=`\nFROM scratch\nENTRYPOINT [");
    for (int i = 0; i < 3000; i++) {
      sb.append(i == 0 ? "" : ", `\n").append("\"#a`` b\\\\c ").append(i).append('"');
    }
    String text = sb.append("]\n").toString();
    Dockerfile model = DockerfileParser.parse(text);
    String once = model.render();
    for (String line : once.split("\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(65_535);
    }
    assertThat(DockerfileParser.parse(once)).isEqualTo(model);
  }

  @Test
  void carriageReturnInADirectiveIsAnErrorWithPosition() {
    assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile",
        "# syntax=doc\rker/dockerfile:1\nFROM scratch\n"))
        .isInstanceOf(DockerfileParseException.class)
        .satisfies(e -> {
          DockerfileParseException p = (DockerfileParseException) e;
          assertThat(p.line()).isEqualTo(1);
          assertThat(p.column()).isEqualTo(13);
          assertThat(p.getMessage()).doesNotContain("\r").contains("doc\\rker");
        });
  }

  @Test
  void controlCharactersInMessagesAreEscaped() {
    assertThatThrownBy(() -> DockerfileParser.parse("Docker\u001bfile",
        "FROM scratch\nFOO \u001b[31mred\u0007\u0000 \u202e\n"))
        .isInstanceOf(DockerfileParseException.class)
        .satisfies(e -> {
          String m = e.getMessage();
          assertThat(m).doesNotContain("\u001b", "\u0007", "\u0000", "\u202e")
              .contains("\\u001b[31mred\\u0007\\u0000 \\u202e")
              .startsWith("Docker\\u001bfile:2:1: ");
          // the caret still points at the start of the line
          assertThat(m).endsWith("\n^");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "ARG a\nFROM ${a:-${a:-x}\u007f\n",       // found by Jazzer: needs quotes when rendered
    "FROM scratch\nUSER \"${a:-\"${q:-x\"}\"\n", // found by Jazzer: quotes inside
    "FROM scratch\nUSER ${a\n",
    "FROM scratch\nENV A=\"x${a:-y\"\n",
  })
  void unterminatedReferenceIsRejectedWithPosition(String text) {
    // BuildKit fails every expansion of it with "missing '}'"; fmt could not keep it unchanged
    assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", text))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageStartingWith("Dockerfile:2:1: variable reference '$")
        .hasMessageContaining("has no closing '}'");
  }

  @Test
  void bracesOutsideReferencesStayLiteral() {
    String text = "FROM scratch\nUSER }${a}{\nWORKDIR \"/x}{\"\n";
    assertThat(fmt(fmt(text))).isEqualTo(fmt(text));
  }
}
