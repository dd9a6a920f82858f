package io.github.dockerfiledsl.parse;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any input gives an AST or a DockerfileParseException, quickly; nothing else. */
class ParserRobustnessTest {
  private static final Duration LIMIT = Duration.ofSeconds(2);
  private static final String[] SEEDS = {
    "# syntax=docker/dockerfile:1\n# escape=\\\nARG V=1\nFROM alpine:${V} AS base\n",
    "RUN apt-get update && \\\n    apt-get install -y curl \\\n # c\n\n && rm -rf /var/lib/apt/lists/*\n",
    "COPY --from=base --chown=1:1 [\"a b\", \"/dst/\"]\nADD <<EOF /x\nhello\nEOF\n",
    "RUN <<-'EOT' bash\n\techo $HOME\n\tEOT\nENV A=1 B=\"x y\" C\\ D=e\nLABEL a b\n",
    "HEALTHCHECK --interval=5s CMD [\"curl\", 1]\nONBUILD RUN <<X\nX\nSHELL [\"sh\"]\n",
    "RUN --mount=type=cache,target=/root/.cache,sharing=locked pip install x\nEXPOSE 80/tcp\n",
  };
  private static final String ALPHABET = "\\`'\"<[]{}$#=-\n\r\t EOFRUNCOPYfrom01:/,";

  private static void check(String text) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            Ast ast = AstParser.parse("fuzz", text);
            AstValidator.validate(ast);
            AstJson.line("fuzz", text);
            DockerfileParser.parse("fuzz", text);
          } catch (DockerfileParseException expected) {
            // the only exception allowed
          }
        },
        () -> "took too long on: " + text);
  }

  @Provide
  Arbitrary<String> randomText() {
    return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(300);
  }

  @Property(tries = 400)
  void randomTextNeverCrashes(@ForAll("randomText") String text) {
    check("FROM a\n" + text);
    check(text);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Integer, Long>> mutation() {
    return Arbitraries.integers()
        .between(0, SEEDS.length - 1)
        .flatMap(i -> Arbitraries.longs().map(seed -> Tuple.of(i, seed)));
  }

  @Property(tries = 400)
  void mutatedDockerfilesNeverCrash(@ForAll("mutation") Tuple.Tuple2<Integer, Long> m) {
    String base = "FROM alpine\n" + SEEDS[m.get1()] + SEEDS[(m.get1() + 1) % SEEDS.length];
    check(mutate(base, new Random(m.get2())));
  }

  /** Applies 1 to 8 random edits that stress the lexer: characters, lines, escapes, quotes. */
  static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    String[] inserts = {"\\", "`", "'", "\"", "<<", "<<-", "[", "]", "\n", "\\\n", "${", "}", "#", "--", "="};
    int edits = 1 + random.nextInt(8);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int pos = random.nextInt(sb.length());
      switch (random.nextInt(5)) {
        case 0:
          sb.deleteCharAt(pos);
          break;
        case 1:
          sb.insert(pos, inserts[random.nextInt(inserts.length)]);
          break;
        case 2:
          sb.insert(pos, sb.charAt(pos));
          break;
        case 3:
          {
            List<String> lines = new ArrayList<>(List.of(sb.toString().split("\n", -1)));
            int l = random.nextInt(lines.size());
            if (random.nextBoolean()) {
              lines.remove(l);
            } else {
              lines.add(l, lines.get(random.nextInt(lines.size())));
            }
            sb = new StringBuilder(String.join("\n", lines));
            break;
          }
        default:
          sb.setCharAt(pos, (char) random.nextInt(0x3000));
      }
    }
    return sb.toString();
  }
}
