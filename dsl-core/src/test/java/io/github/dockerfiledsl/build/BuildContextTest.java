package io.github.dockerfiledsl.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildContextTest {

  @TempDir
  Path tmp;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "../etc/passwd      | path '../etc/passwd' has a '..' segment and would escape the build context",
      "a/../../b          | path 'a/../../b' has a '..' segment",
      "/etc/passwd        | path '/etc/passwd' is absolute",
      "a\\b               | path 'a\\b' contains a backslash",
      "./a                | path './a' has a '.' segment",
      "a//b               | path 'a//b' has an empty segment",
      "a/                 | path 'a/' has an empty segment",
  })
  void rejectsPathsThatLeaveTheContextOrAreAmbiguous(String path, String message) {
    assertThatThrownBy(() -> BuildContext.builder().addFile(path, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void rejectsNulAndEmptyPaths() {
    assertThatThrownBy(() -> BuildContext.builder().addFile("a\0b", "x"))
        .hasMessage("path 'a\\0b' contains a NUL character");
    assertThatThrownBy(() -> BuildContext.builder().addFile("", "x"))
        .hasMessage("path '' is empty");
  }

  @Test
  void rejectsDuplicatesAndFileDirectoryConflicts() {
    BuildContext.Builder b = BuildContext.builder().addFile("conf/app.conf", "a");
    assertThatThrownBy(() -> b.addFile("conf/app.conf", "b"))
        .hasMessage("duplicate path 'conf/app.conf' in the build context");
    assertThatThrownBy(() -> b.addFile("conf", "b"))
        .hasMessage("path 'conf' conflicts with 'conf/app.conf': 'conf' is a file and cannot also"
            + " be a directory");
    assertThatThrownBy(() -> b.addFile("conf/app.conf/x", "b"))
        .hasMessageContaining("'conf/app.conf' is a file and cannot also be a directory");
  }

  @Test
  void reservesDockerfileAndDockerignore() {
    assertThatThrownBy(() -> BuildContext.builder().addFile("Dockerfile", "FROM x"))
        .hasMessage("path 'Dockerfile' is reserved; use dockerfile(..)");
    assertThatThrownBy(() -> BuildContext.builder().addFile(".dockerignore", "*"))
        .hasMessage("path '.dockerignore' is reserved; use ignore(..)");
  }

  @Test
  void generatesDockerignoreFromPatternsInOrder() {
    BuildContext context = BuildContext.builder()
        .dockerfile("FROM busybox:latest\n")
        .ignore("**/*.log", "target/")
        .ignore("!target/app.jar")
        .build();

    assertThat(context.dockerignore()).isEqualTo("**/*.log\ntarget/\n!target/app.jar\n");
    assertThat(context.paths()).containsExactly(".dockerignore", "Dockerfile");
    assertThat(new String(context.content(".dockerignore")))
        .isEqualTo("**/*.log\ntarget/\n!target/app.jar\n");
  }

  @Test
  void rendersADockerfileModel() {
    Dockerfile model = Dockerfile.of(Stage.of(FromInstruction.of("busybox:latest"),
        List.of(RunInstruction.shell("touch /x"), CmdInstruction.of(Exec.of("sh")))));

    BuildContext context = BuildContext.of(model);

    assertThat(context.dockerfile()).isEqualTo(model.render())
        .isEqualTo("FROM busybox:latest\nRUN touch /x\nCMD [\"sh\"]\n");
    assertThat(BuildContext.builder().dockerfile(model).build()).isEqualTo(context);
  }

  @Test
  void writesNoDockerignoreWithoutPatternsAndRejectsBadPatterns() {
    assertThat(BuildContext.of("FROM busybox:latest\n").paths()).containsExactly("Dockerfile");
    assertThatThrownBy(() -> BuildContext.builder().ignore(" "))
        .hasMessage("ignore pattern ' ' is blank");
    assertThatThrownBy(() -> BuildContext.builder().ignore("a\nb"))
        .hasMessage("ignore pattern 'a\\nb' spans lines");
  }

  @Test
  void readsClassPathResources() {
    BuildContext context = BuildContext.builder().addResource("etc/app.conf", "fixtures/app.conf")
        .build();
    assertThat(new String(context.content("etc/app.conf"))).isEqualTo("listen 8080\n");
    assertThatThrownBy(() -> BuildContext.builder().addResource("x", "fixtures/missing.conf"))
        .hasMessage("class path resource 'fixtures/missing.conf' not found (for path 'x')");
  }

  @Test
  void readsFilesAndDirectoryTreesKeepingTheExecutableBit() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/bin"));
    Files.writeString(tmp.resolve("src/readme.txt"), "read me");
    Path script = Files.writeString(src.resolve("start.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr--r--"));

    BuildContext context = BuildContext.builder()
        .addPath("app", tmp.resolve("src"))
        .addPath("single.txt", tmp.resolve("src/readme.txt"))
        .build();

    assertThat(context.paths()).containsExactly("app/bin/start.sh", "app/readme.txt", "single.txt");
    assertThat(context.isExecutable("app/bin/start.sh")).isTrue();
    assertThat(context.isExecutable("app/readme.txt")).isFalse();
    assertThat(new String(context.content("single.txt"))).isEqualTo("read me");
  }

  @Test
  void rejectsSymbolicLinksLeadingOutsideTheTree() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(src.resolve("leak"), tmp.resolve("secret.txt"));

    assertThatThrownBy(() -> BuildContext.builder().addPath("app", src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("path 'app/leak' is a link to ")
        .hasMessageContaining("outside the directory");
  }

  @Test
  void rejectsMissingSources() {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(() -> BuildContext.builder().addPath("x", missing))
        .hasMessage("source '" + missing + "' (for path 'x') does not exist");
  }

  @Test
  void isImmutableAndCopiesArrays() {
    byte[] bytes = {1, 2, 3};
    BuildContext.Builder builder = BuildContext.builder().addFile("data", bytes);
    BuildContext first = builder.build();
    bytes[0] = 9;
    builder.addFile("more", "x");

    assertThat(first.paths()).containsExactly("data");
    assertThat(first.content("data")).containsExactly(1, 2, 3);
    first.content("data")[1] = 7;
    assertThat(first.content("data")).containsExactly(1, 2, 3);
    assertThat(first.toBuilder().addFile("extra", "e").build().paths())
        .containsExactly("data", "extra");
    assertThat(first.paths()).containsExactly("data");
  }

  @Test
  void writesIntoANewDirectoryWithModes() throws IOException {
    BuildContext context = BuildContext.builder()
        .dockerfile("FROM busybox:latest\n")
        .addExecutable("bin/run.sh", "#!/bin/sh\n")
        .addFile("conf/a.conf", "a")
        .ignore("*.tmp")
        .build();
    Path dir = tmp.resolve("ctx/inner");

    context.writeTo(dir);

    assertThat(dir.resolve("Dockerfile")).hasContent("FROM busybox:latest");
    assertThat(dir.resolve(".dockerignore")).hasContent("*.tmp");
    assertThat(dir.resolve("conf/a.conf")).hasContent("a");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("bin/run.sh")))).isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("conf/a.conf")))).isEqualTo("rw-r--r--");
    try (var siblings = Files.list(tmp.resolve("ctx"))) {
      assertThat(siblings).containsExactly(dir); // no staging directory left behind
    }
  }

  @Test
  void writesIntoAnExistingDirectoryReplacingItsFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("existing"));
    Files.writeString(dir.resolve("Dockerfile"), "old");
    Files.writeString(dir.resolve("other.txt"), "kept");

    BuildContext.of("FROM busybox:latest\n").writeTo(dir);

    assertThat(dir.resolve("Dockerfile")).hasContent("FROM busybox:latest");
    assertThat(dir.resolve("other.txt")).hasContent("kept");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void refusesToWriteOverARegularFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> BuildContext.of("FROM x\n").writeTo(file))
        .hasMessage("build context target (" + file + ") exists and is not a directory");
  }
}
