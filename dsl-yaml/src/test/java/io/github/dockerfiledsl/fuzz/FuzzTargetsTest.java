package io.github.dockerfiledsl.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.AstValidator;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.yaml.SpecException;
import io.github.dockerfiledsl.yaml.YamlSpec;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzz targets (Jazzer). With {@code mvn verify} each target runs once per seed
 * in {@code src/test/resources/io/github/dockerfiledsl/fuzz/FuzzTargetsTestInputs/<target>/}
 * (regression mode); with {@code JAZZER_FUZZ=1} one target at a time is fuzzed (see
 * docs/hardening.md, section "Fuzzing").
 *
 * <p>Properties: only the documented exceptions ({@link DockerfileParseException} for a bad
 * Dockerfile, {@link SpecException} for a bad spec, {@link IllegalArgumentException} from
 * {@code render} for a model it cannot write) and never another one, a stack overflow or an
 * out-of-memory error; fmt is idempotent and keeps the model; lint --fix output reads back and
 * is a fixed point of fmt.
 */
class FuzzTargetsTest {

  /** Decodes like the command line: strict UTF-8, or no input at all. */
  private static String text(byte[] data) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Dockerfile parseOrNull(String text) {
    try {
      return DockerfileParser.parse("fuzz", text);
    } catch (DockerfileParseException expected) {
      return null;
    }
  }

  private static String renderOrNull(Dockerfile d) {
    try {
      return d.render();
    } catch (IllegalArgumentException documented) {
      // "cannot render": a model the canonical form cannot carry
      return null;
    }
  }

  private static void check(boolean condition, String what, String input) {
    if (!condition) {
      throw new AssertionError(what + " for input:\n" + input);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void parse(byte[] data) {
    String text = text(data);
    if (text == null) {
      return;
    }
    try {
      AstValidator.validate(AstParser.parse("fuzz", text));
      DockerfileParser.parse("fuzz", text);
    } catch (DockerfileParseException expected) {
      check(expected.line() >= 1 && expected.column() >= 1, "a position", text);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void fmt(byte[] data) {
    String text = text(data);
    Dockerfile model = text == null ? null : parseOrNull(text);
    if (model == null) {
      return;
    }
    String once = renderOrNull(model);
    if (once == null) {
      return;
    }
    Dockerfile again = parseOrNull(once);
    check(again != null, "fmt output that fmt rejects", text);
    check(again.equals(model), "fmt changed the model", text);
    check(once.equals(again.render()), "fmt not idempotent", text);
  }

  @FuzzTest(maxDuration = "30s")
  void lint(byte[] data) {
    String text = text(data);
    if (text == null) {
      return;
    }
    try {
      Linter.defaults().lint("fuzz", text).text("fuzz");
    } catch (DockerfileParseException expected) {
      // bad input
    }
  }

  @FuzzTest(maxDuration = "30s")
  void lintFix(byte[] data) {
    String text = text(data);
    if (text == null || parseOrNull(text) == null) {
      return;
    }
    String fixed;
    try {
      fixed = Linter.defaults().fix("fuzz", text);
    } catch (IllegalArgumentException documented) {
      return; // a fixed model the renderer cannot write
    }
    Dockerfile model = parseOrNull(fixed);
    check(model != null, "lint --fix output that the parser rejects", text);
    String formatted = renderOrNull(model);
    check(formatted != null && parseOrNull(formatted).equals(model),
        "lint --fix output that fmt changes", text);
  }

  @FuzzTest(maxDuration = "30s")
  void yaml(byte[] data) {
    String text = text(data);
    if (text == null) {
      return;
    }
    try {
      YamlSpec.read("fuzz.yaml", text);
    } catch (SpecException expected) {
      check(expected.line() >= 1, "a position", text);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void render(byte[] data) {
    String text = text(data);
    if (text == null) {
      return;
    }
    Dockerfile model;
    try {
      model = YamlSpec.read("fuzz.yaml", text);
    } catch (SpecException expected) {
      return;
    }
    String rendered = renderOrNull(model);
    if (rendered == null) {
      return;
    }
    Dockerfile back = parseOrNull(rendered);
    check(back != null, "rendered spec that the parser rejects", text);
    check(rendered.equals(back.render()), "rendered spec not in canonical form", text);
  }
}
