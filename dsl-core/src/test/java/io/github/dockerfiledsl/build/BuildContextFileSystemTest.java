package io.github.dockerfiledsl.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Links and special files on both sides of a build context: reading trees and writing them. */
class BuildContextFileSystemTest {
  @TempDir Path tmp;

  private static void mkfifo(Path p) throws IOException, InterruptedException {
    Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assumeTrue(proc.waitFor(10, TimeUnit.SECONDS) && proc.exitValue() == 0, "mkfifo works");
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void writeToRefusesALinkPlantedInTheTarget() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("ctx"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.createSymbolicLink(target.resolve("sub"), outside);
    BuildContext c = BuildContext.builder().dockerfile("FROM scratch\n")
        .addFile("sub/passwd", "owned").build();
    assertThatThrownBy(() -> c.writeTo(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sub' in the target is a symbolic link that leads outside");
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void writeToFollowsALinkThatStaysInside() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("ctx"));
    Files.createDirectory(target.resolve("real"));
    Files.createSymbolicLink(target.resolve("alias"), Path.of("real"));
    BuildContext.builder().addFile("alias/f", "x").build().writeTo(target);
    assertThat(read(target.resolve("real/f"))).isEqualTo("x");
  }

  @Test
  void writeToReplacesAFileLinkInsteadOfWritingThroughIt() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("ctx"));
    Path victim = Files.writeString(tmp.resolve("victim"), "keep");
    Files.createSymbolicLink(target.resolve("Dockerfile"), victim);
    BuildContext.of("FROM scratch\n").writeTo(target);
    assertThat(read(victim)).isEqualTo("keep");
    assertThat(Files.isSymbolicLink(target.resolve("Dockerfile"))).isFalse();
    assertThat(read(target.resolve("Dockerfile"))).isEqualTo("FROM scratch\n");
  }

  @Test
  @Timeout(20)
  void writeToRefusesAFifoInAFilesPlace() throws Exception {
    Path target = Files.createDirectory(tmp.resolve("ctx"));
    mkfifo(target.resolve("Dockerfile"));
    assertThatThrownBy(() -> BuildContext.of("FROM scratch\n").writeTo(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void stagingNameStaysWithinNameMax() throws IOException {
    String name = "d".repeat(250);
    Path target = tmp.resolve(name);
    BuildContext.of("FROM scratch\n").writeTo(target);
    assertThat(read(target.resolve("Dockerfile"))).isEqualTo("FROM scratch\n");
  }

  @Test
  void fileNameAtNameMaxCanBeWrittenIntoAnExistingDirectory() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("ctx"));
    String name = "f".repeat(255);
    BuildContext.builder().addFile(name, "x").build().writeTo(target);
    assertThat(read(target.resolve(name))).isEqualTo("x");
  }

  @Test
  @Timeout(20)
  void addPathRefusesAFifoWithoutBlocking() throws Exception {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.writeString(src.resolve("a"), "a");
    mkfifo(src.resolve("pipe"));
    assertThatThrownBy(() -> BuildContext.builder().addPath("app", src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path 'app/pipe'")
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> BuildContext.builder().addPath("pipe", src.resolve("pipe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  @Timeout(20)
  void addPathRefusesADevice() {
    Path dev = Path.of("/dev/null");
    assumeTrue(Files.exists(dev) && !Files.isRegularFile(dev));
    assertThatThrownBy(() -> BuildContext.builder().addPath("null", dev))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void addPathFollowsALinkToADirectoryInside() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.createDirectories(src.resolve("lib/x"));
    Files.writeString(src.resolve("lib/x/f"), "f");
    Files.createSymbolicLink(src.resolve("current"), Path.of("lib"));
    BuildContext c = BuildContext.builder().addPath("app", src).build();
    assertThat(c.paths()).containsExactly("app/current/x/f", "app/lib/x/f");
  }

  @Test
  void addPathOfALinkToADirectoryAddsItsFiles() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.writeString(src.resolve("f"), "f");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), src);
    assertThat(BuildContext.builder().addPath("app", link).build().paths())
        .containsExactly("app/f");
  }

  @Test
  void addPathRejectsALinkToADirectoryOutside() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "s");
    Files.createSymbolicLink(src.resolve("escape"), outside);
    assertThatThrownBy(() -> BuildContext.builder().addPath("app", src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path 'app/escape' is a link to")
        .hasMessageContaining("outside the directory");
  }

  @Test
  void addPathRejectsDanglingLinksAndLoops() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.createDirectory(src.resolve("d"));
    Files.createSymbolicLink(src.resolve("d/up"), Path.of(".."));
    assertThatThrownBy(() -> BuildContext.builder().addPath("app", src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a loop");
    Path other = Files.createDirectory(tmp.resolve("other"));
    Files.createSymbolicLink(other.resolve("gone"), Path.of("missing"));
    assertThatThrownBy(() -> BuildContext.builder().addPath("app", other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dangling");
  }

  @Test
  void addPathRejectsMutualLinkCycles() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.createDirectory(src.resolve("a"));
    Files.createDirectory(src.resolve("b"));
    Files.createSymbolicLink(src.resolve("a/tob"), Path.of("../b"));
    Files.createSymbolicLink(src.resolve("b/toa"), Path.of("../a"));
    assertThatThrownBy(() -> BuildContext.builder().addPath("app", src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a loop");
    assertThat(Files.isSymbolicLink(src.resolve("a/tob"))).isTrue();
    assertThat(Files.exists(src.resolve("a"), LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void fileDirectoryConflictsAreStillFound() {
    assertThatThrownBy(() -> BuildContext.builder().addFile("a/b", "x").addFile("a", "y"))
        .hasMessageContaining("path 'a' conflicts with 'a/b'");
    assertThatThrownBy(() -> BuildContext.builder().addFile("a", "y").addFile("a/b/c", "x"))
        .hasMessageContaining("path 'a/b/c' conflicts with 'a'");
    assertThat(BuildContext.builder().addFile("a.b", "y").addFile("a/b", "x").addFile("a-", "z")
        .build().paths()).containsExactly("a-", "a.b", "a/b");
  }

  @Test
  void ioErrorsSayWhy() {
    assertThat(BuildContext.reason(new java.nio.file.AccessDeniedException("/x")))
        .isEqualTo("/x: permission denied");
    assertThat(BuildContext.reason(new java.nio.file.FileSystemException("/x", null, "No space")))
        .isEqualTo("/x: No space");
    assertThat(BuildContext.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
  }
}
