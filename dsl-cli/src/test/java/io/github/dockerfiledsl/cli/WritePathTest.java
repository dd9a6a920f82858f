package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's write path and messages: links, special files, long names, reasons. */
class WritePathTest {
  @TempDir Path tmp;

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Path spec(String name) throws IOException {
    return Files.writeString(tmp.resolve(name), "stages:\n  - from: alpine:3.19\n");
  }

  @Test
  void renderOutDirReplacesAPlantedLinkWithoutWritingThroughIt() throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("in/sub"));
    Files.writeString(specs.resolve("app.yaml"), "stages:\n  - from: alpine:3.19\n");
    Path out = Files.createDirectory(tmp.resolve("out"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Outcome o = run("render", "--out-dir", out.toString(), specs.resolve("app.yaml").toString());
    // an absolute input keeps only its file name: written directly below out
    assertThat(o.status()).as(o.err()).isZero();
    assertThat(out.resolve("app.Dockerfile")).exists();
    // a planted link in the file's place is replaced, never written through
    Path victim = Files.writeString(outside.resolve("victim"), "keep");
    Files.delete(out.resolve("app.Dockerfile"));
    Files.createSymbolicLink(out.resolve("app.Dockerfile"), victim);
    o = run("render", "--out-dir", out.toString(), specs.resolve("app.yaml").toString());
    assertThat(o.status()).as(o.err()).isZero();
    assertThat(Files.readString(victim)).isEqualTo("keep");
    assertThat(Files.isSymbolicLink(out.resolve("app.Dockerfile"))).isFalse();
  }

  @Test
  void writeBelowARootRefusesALinkedDirectory() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.createSymbolicLink(out.resolve("sub"), outside);
    Batch batch = new Batch();
    batch.output(out.resolve("sub/Dockerfile"), "FROM scratch\n", "x.yaml", out);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.io.PrintWriter w = new java.io.PrintWriter(err, true, StandardCharsets.UTF_8);
    assertThat(batch.finish(w)).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("sub is a symbolic link that leads outside the output directory");
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void writeBelowARootFollowsALinkInside() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.createDirectory(out.resolve("real"));
    Files.createSymbolicLink(out.resolve("alias"), Path.of("real"));
    Io.writeAtomically(out.resolve("alias/Dockerfile"), "FROM scratch\n", out);
    assertThat(Files.readString(out.resolve("real/Dockerfile"))).isEqualTo("FROM scratch\n");
  }

  @Test
  void aDirectoryInTheTargetsPlaceIsRefused() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out/app.Dockerfile"));
    Outcome o = run("render", "--out-dir", out.getParent().toString(),
        spec("app.yaml").toString());
    assertThat(o.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(o.err()).contains("not a regular file");
  }

  @Test
  void aNameAtNameMaxCanBeWritten() throws IOException {
    String name = "n".repeat(255);
    Path target = tmp.resolve(name);
    Io.writeAtomically(target, "x\n");
    assertThat(Files.readString(target)).isEqualTo("x\n");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).containsExactly(target);
    }
  }

  @Test
  void permissionErrorsSayWhy() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(!Files.isWritable(dir), "not running as root");
      Outcome o = run("render", "-o", dir.resolve("Dockerfile").toString(),
          spec("app.yaml").toString());
      assertThat(o.status()).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(o.err()).contains("cannot write").contains("permission denied");
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void invalidUtf8HasLineAndColumn() throws IOException {
    byte[] bytes = "FROM scratch\nRUN echo h\u00e9 \u00ff".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[bytes.length] = (byte) 0xC3; // a truncated two-byte sequence at the end
    Path f = Files.write(tmp.resolve("Dockerfile"), bad);
    Outcome o = run("fmt", f.toString());
    assertThat(o.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(o.err()).contains(f + ":2:14: not valid UTF-8 (byte 0xC3 at offset "
        + bytes.length);
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws IOException {
    Path f = Files.writeString(tmp.resolve("Dockerfile"),
        "FROM scratch\nBAD \u001b]0;title\u0007 \u009b31m\n");
    Outcome o = run("fmt", f.toString());
    assertThat(o.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(o.err()).doesNotContain("\u001b", "\u0007", "\u009b").contains("\\u001b]0;title");
    Outcome lint = run("lint", tmp.resolve("no\u001bsuch").toString());
    assertThat(lint.err()).doesNotContain("\u001b");
  }

  @Test
  void crInADirectiveIsALocatedInputError() throws IOException {
    Path f = Files.writeString(tmp.resolve("Dockerfile"),
        "# syntax=doc\rker/dockerfile:1\nFROM scratch\n");
    Outcome o = run("lint", f.toString());
    assertThat(o.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(o.err()).startsWith(f + ":1:13: ").doesNotContain("\r").doesNotContain("internal");
  }

  @Test
  void cannotRenderHasLineAndColumn() throws IOException {
    Path f = Files.write(tmp.resolve("Dockerfile"),
        "FROM scratch\n\nCOPY --from=\u00e4 /a /b\n".getBytes(StandardCharsets.UTF_8));
    Outcome o = run("fmt", f.toString());
    assertThat(o.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(o.err()).startsWith(f + ":3:1: cannot render: COPY --from");
  }
}
