package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewrite --mirror}: in place, --check, standard input, and mistakes. */
class RewriteCommandTest {
  private static final String TEXT = "# base\nFROM alpine:3.20 AS base\n"
      + "COPY --from=bitnami/kubectl:1.30 /opt/bitnami/kubectl/bin/kubectl /usr/local/bin/\n"
      + "FROM base\n";

  @TempDir Path dir;

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rewritesInPlaceAndChecks() throws Exception {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, TEXT);

    Outcome check = run("", "rewrite", "--check", "--mirror", "docker.io=127.0.0.1:5000/hub",
        f.toString());
    assertThat(check.status()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(
        f + ":2:1: FROM alpine:3.20 would become 127.0.0.1:5000/hub/library/alpine:3.20\n"
        + f + ":3:1: COPY --from=bitnami/kubectl:1.30 would become"
        + " 127.0.0.1:5000/hub/bitnami/kubectl:1.30\n");
    assertThat(Files.readString(f)).isEqualTo(TEXT);

    Outcome o = run("", "rewrite", "--mirror", "docker.io=127.0.0.1:5000/hub",
        "--mirror", "docker.io/bitnami=localhost:5001/b", f.toString());
    assertThat(o.status()).as(o.err()).isZero();
    assertThat(Files.readString(f)).isEqualTo(TEXT
        .replace("FROM alpine:3.20", "FROM 127.0.0.1:5000/hub/library/alpine:3.20")
        .replace("--from=bitnami/kubectl:1.30", "--from=localhost:5001/b/kubectl:1.30"));

    Outcome again = run("", "rewrite", "--check", "--mirror", "docker.io=127.0.0.1:5000/hub",
        f.toString());
    assertThat(again.status()).isZero();
  }

  @Test
  void readsStandardInput() {
    Outcome o = run(TEXT, "rewrite", "--mirror", "docker.io/library=mirror.example/lib", "-");
    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out()).isEqualTo(TEXT.replace("FROM alpine", "FROM mirror.example/lib/alpine"));
  }

  @Test
  void mistakesAreExit2AndWriteNothing() throws Exception {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, TEXT);
    Path bad = dir.resolve("Bad.Dockerfile");
    Files.writeString(bad, "FROM alpine\nRUN --mount=type=bind,from=\"quoted:1\" true\n");

    Outcome rule = run("", "rewrite", "--mirror", "docker.io", f.toString());
    assertThat(rule.status()).isEqualTo(2);
    assertThat(rule.err()).isEqualTo("dockerfile-dsl: rewrite: mirror rule 'docker.io' must be"
        + " FROM=TO, e.g. docker.io=127.0.0.1:5000/hub\n");

    Outcome missing = run("", "rewrite", "--mirror", "docker.io=a.io", f.toString(),
        dir.resolve("nope").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("nope: no such file");
    assertThat(Files.readString(f)).isEqualTo(TEXT);

    Outcome quoted = run("", "rewrite", "--mirror", "docker.io=a.io", f.toString(),
        bad.toString());
    assertThat(quoted.status()).isEqualTo(2);
    assertThat(quoted.err()).startsWith(bad + ":2:1: cannot rewrite image reference 'quoted:1'"
        + " in place");
    assertThat(Files.readString(f)).isEqualTo(TEXT);

    Outcome noMirror = run("", "rewrite", f.toString());
    assertThat(noMirror.status()).isEqualTo(2);
    assertThat(noMirror.err()).contains("Missing required option: '--mirror=FROM=TO'");
  }
}
