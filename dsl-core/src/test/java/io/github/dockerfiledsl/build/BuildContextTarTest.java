package io.github.dockerfiledsl.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTarTest {

  @TempDir
  Path tmp;

  private static BuildContext sample(boolean reversed) {
    BuildContext.Builder b = BuildContext.builder().dockerfile("FROM busybox:latest\n");
    List<Runnable> adds = List.of(
        () -> b.addFile("b/z.txt", "zed\n"),
        () -> b.addExecutable("run.sh", "#!/bin/sh\necho hi\n"),
        () -> b.addFile("a.bin", new byte[] {0, 1, 2, (byte) 0xff}),
        () -> b.addFile("b/a.txt", "a\n"),
        () -> b.addFile("a-c/x", "x"));
    if (reversed) {
      for (int i = adds.size() - 1; i >= 0; i--) {
        adds.get(i).run();
      }
      b.ignore("*.log", "!keep.log");
    } else {
      adds.forEach(Runnable::run);
      b.ignore("*.log", "!keep.log");
    }
    return b.build();
  }

  @Test
  void sameContextGivesSameBytesTwice() {
    BuildContext context = sample(false);
    assertThat(context.toTar()).isEqualTo(context.toTar());
  }

  @Test
  void bytesDoNotDependOnInsertionOrder() {
    assertThat(sample(true).toTar()).isEqualTo(sample(false).toTar());
    assertThat(sample(true)).isEqualTo(sample(false));
  }

  @Test
  void differentContentGivesDifferentBytes() {
    BuildContext other = sample(false).toBuilder().addFile("c.txt", "c").build();
    assertThat(other.toTar()).isNotEqualTo(sample(false).toTar());
  }

  @Test
  void tarIsBlockAlignedAndEndsWithTwoZeroBlocks() {
    byte[] tar = sample(false).toTar();
    assertThat(tar.length % 512).isZero();
    for (int i = tar.length - 1024; i < tar.length; i++) {
      assertThat(tar[i]).isZero();
    }
  }

  @Test
  void realTarListsSortedEntriesWithFixedOwnerModeAndTime() throws Exception {
    Path file = tmp.resolve("context.tar");
    Files.write(file, sample(false).toTar());

    List<String> listing = run(List.of("tar", "--numeric-owner", "--utc", "-tvf", file.toString()));

    assertThat(listing).containsExactly(
        "-rw-r--r-- 0/0              16 1970-01-01 00:00 .dockerignore",
        "-rw-r--r-- 0/0              20 1970-01-01 00:00 Dockerfile",
        "drwxr-xr-x 0/0               0 1970-01-01 00:00 a-c/",
        "-rw-r--r-- 0/0               1 1970-01-01 00:00 a-c/x",
        "-rw-r--r-- 0/0               4 1970-01-01 00:00 a.bin",
        "drwxr-xr-x 0/0               0 1970-01-01 00:00 b/",
        "-rw-r--r-- 0/0               2 1970-01-01 00:00 b/a.txt",
        "-rw-r--r-- 0/0               4 1970-01-01 00:00 b/z.txt",
        "-rwxr-xr-x 0/0              18 1970-01-01 00:00 run.sh");
    List<String> names = run(List.of("tar", "-tvf", file.toString()));
    assertThat(names.get(0)).startsWith("-rw-r--r-- root/root");
  }

  @Test
  void realTarExtractsTheSameContent() throws Exception {
    Path file = tmp.resolve("context.tar");
    Files.write(file, sample(false).toTar());
    Path out = Files.createDirectory(tmp.resolve("out"));

    run(List.of("tar", "-xf", file.toString(), "-C", out.toString()));

    assertThat(out.resolve("Dockerfile")).hasContent("FROM busybox:latest");
    assertThat(out.resolve(".dockerignore")).hasContent("*.log\n!keep.log");
    assertThat(Files.readAllBytes(out.resolve("a.bin"))).containsExactly(0, 1, 2, 0xff);
    assertThat(out.resolve("b/z.txt")).hasContent("zed");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("run.sh"))))
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void longAndNonAsciiNamesSurviveRealTar() throws Exception {
    String deep = "d/" + "x".repeat(90) + "/" + "y".repeat(90) + "/file.txt";
    String veryLong = "n".repeat(120) + ".txt";
    String unicode = "données/café ☕.txt";
    BuildContext context = BuildContext.builder()
        .addFile(deep, "deep")
        .addFile(veryLong, "long")
        .addFile(unicode, "unicode")
        .build();
    Path file = tmp.resolve("names.tar");
    Files.write(file, context.toTar());
    Path out = Files.createDirectory(tmp.resolve("out"));

    List<String> names = run(List.of("tar", "-tf", file.toString()));
    run(List.of("tar", "-xf", file.toString(), "-C", out.toString()));

    assertThat(names).contains(deep, veryLong, unicode);
    assertThat(out.resolve(deep)).hasContent("deep");
    assertThat(out.resolve(veryLong)).hasContent("long");
    assertThat(out.resolve(unicode)).hasContent("unicode");
  }

  @Test
  void emptyFileAndExactBlockSizeArePaddedCorrectly() throws Exception {
    BuildContext context = BuildContext.builder()
        .addFile("empty", new byte[0])
        .addFile("block", new byte[512])
        .addFile("one-more", new byte[513])
        .build();
    Path file = tmp.resolve("sizes.tar");
    Files.write(file, context.toTar());
    Path out = Files.createDirectory(tmp.resolve("out"));

    run(List.of("tar", "-xf", file.toString(), "-C", out.toString()));

    assertThat(out.resolve("empty")).isEmptyFile();
    assertThat(Files.size(out.resolve("block"))).isEqualTo(512);
    assertThat(Files.size(out.resolve("one-more"))).isEqualTo(513);
    // headers: 3 files; data: 0 + 1 + 2 blocks; end: 2 blocks
    assertThat(context.toTar()).hasSize(512 * (3 + 3 + 2));
  }

  private static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s said:%n%s", command, output).isZero();
    return output.lines().toList();
  }
}
