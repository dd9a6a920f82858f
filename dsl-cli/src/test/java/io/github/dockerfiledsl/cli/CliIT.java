package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real shaded jar as a separate process: exit codes, messages on standard error, and
 * that a failing command writes no file.
 */
class CliIT {
  static Path jar;

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("cli.jar", "target/dockerfile-dsl.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (built in the package phase)").exists();
  }

  Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  Result run(String... args) throws IOException, InterruptedException {
    return runWithInput(null, args);
  }

  /** Reads a golden file of the YAML module's tests (the seeds' expected Dockerfiles). */
  static String resource(String name) throws IOException {
    Path dir = Path.of(System.getProperty("yaml.golden.dir", "../dsl-yaml/src/test/resources"));
    return Files.readString(dir.resolve(name.substring(1)), StandardCharsets.UTF_8);
  }

  static String djangoSpec() throws IOException {
    Path specs = Path.of(System.getProperty("specs.dir", "../dsl-examples/src/main/resources/specs"));
    return Files.readString(specs.resolve("django.yaml"));
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  static void assertNoStackTrace(Result r) {
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static final String BAD_SPEC = """
      stages:
        - from: alpine:3.20
          steps:
            - run:
                comand: make
      """;

  @Test
  void versionAndHelp() throws Exception {
    Result v = run("--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("dockerfile-dsl ");

    Result h = run("--help");
    assertThat(h.exit()).isZero();
    assertThat(h.out()).contains("fmt", "parse", "import", "render", "lint", "Exit status:");

    for (String sub : List.of("fmt", "parse", "import", "render", "lint")) {
      Result s = run(sub, "--help");
      assertThat(s.exit()).as(sub).isZero();
      assertThat(s.out()).as(sub).startsWith("Usage: dockerfile-dsl " + sub);
      assertThat(run(sub, "--version").out()).as(sub).startsWith("dockerfile-dsl ");
    }
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Result none = run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("Usage: dockerfile-dsl");

    Result unknown = run("rendr", "x.yaml");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("dockerfile-dsl: ").contains("rendr");

    Result missing = run("render");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("dockerfile-dsl: Missing required parameter");

    Result both = run("render", "-o", "a", "--out-dir", "b", "x.yaml");
    assertThat(both.exit()).isEqualTo(2);

    Result noFile = run("render", "nope.yaml");
    assertThat(noFile.exit()).isEqualTo(2);
    assertThat(noFile.err()).isEqualTo("nope.yaml: no such file\n");
  }

  @Test
  void renderPrintsTheGoldenDockerfile() throws Exception {
    write("django.yaml", djangoSpec());

    Result r = run("render", "django.yaml");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(resource("/golden/SeedSpecsTest/django.Dockerfile"));
    assertThat(runWithInput(djangoSpec(), "render", "-").out()).isEqualTo(r.out());
  }

  @Test
  void renderOfABadSpecReportsTheNodeAndWritesNothing() throws Exception {
    write("bad.yaml", BAD_SPEC);

    Result r = run("render", "bad.yaml", "-o", "out/Dockerfile");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("bad.yaml:5:11: unknown key 'comand' in run (did you mean"
        + " 'command'?)");
    assertNoStackTrace(r);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void renderWritesOneFileAtomically() throws Exception {
    write("django.yaml", djangoSpec());
    write("Dockerfile", "old\n");

    Result r = run("render", "django.yaml", "-o", "Dockerfile");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("Dockerfile")).hasContent(
        resource("/golden/SeedSpecsTest/django.Dockerfile").stripTrailing());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "django.yaml", "Dockerfile");
    }
  }

  @Test
  void batchRenderWritesAllOrNothing() throws Exception {
    write("specs/a.yaml", djangoSpec());
    write("specs/Dockerfile.yaml", "stages: [{from: alpine:3.20}]\n");
    write("specs/bad.yaml", BAD_SPEC);

    Result failed = run("render", "--out-dir", "out", "specs/a.yaml", "specs/bad.yaml",
        "specs/Dockerfile.yaml");
    assertThat(failed.exit()).isEqualTo(2);
    assertThat(failed.err()).startsWith("specs/bad.yaml:5:11: ");
    assertThat(dir.resolve("out")).doesNotExist();

    Result ok = run("render", "--out-dir", "out", "specs/a.yaml", "specs/Dockerfile.yaml");
    assertThat(ok.exit()).isZero();
    assertThat(dir.resolve("out/specs/a.Dockerfile")).exists();
    assertThat(dir.resolve("out/specs/Dockerfile")).hasContent("FROM alpine:3.20");
  }

  @Test
  void fmtPrintsChecksAndRewrites() throws Exception {
    write("Dockerfile", "from alpine:3.20\nrun   echo hi\n");

    Result print = run("fmt", "Dockerfile");
    assertThat(print.exit()).isZero();
    assertThat(print.out()).isEqualTo("FROM alpine:3.20\nRUN echo hi\n");

    Result check = run("fmt", "--check", "Dockerfile");
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.err()).isEqualTo("Dockerfile: not in canonical format\n");

    Result rewrite = run("fmt", "-w", "Dockerfile");
    assertThat(rewrite.exit()).isZero();
    assertThat(dir.resolve("Dockerfile")).hasContent("FROM alpine:3.20\nRUN echo hi");
    assertThat(run("fmt", "--check", "Dockerfile").exit()).isZero();
  }

  @Test
  void fmtWriteWithABadFileRewritesTheOthers() throws Exception {
    write("good/Dockerfile", "from alpine:3.20\n");
    write("bad/Dockerfile", "FROM alpine:3.20\nFROB x\n");

    Result r = run("fmt", "-w", "good/Dockerfile", "bad/Dockerfile");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("bad/Dockerfile:2:1: ");
    assertNoStackTrace(r);
    assertThat(dir.resolve("good/Dockerfile")).hasContent("FROM alpine:3.20");
    assertThat(dir.resolve("bad/Dockerfile")).hasContent("FROM alpine:3.20\nFROB x");
  }

  @Test
  void importThenRenderIsFmt() throws Exception {
    String dockerfile = """
        # syntax=docker/dockerfile:1
        ARG BASE=alpine:3.20
        # the build stage
        FROM golang:1.22 AS build
        RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app . \\
          # keep going
          && echo done
        COPY <<EOF /etc/motd
        hello
        EOF

        FROM ${BASE}
        COPY --from=build /app /app
        ENTRYPOINT ["/app"]
        """;
    write("Dockerfile", dockerfile);

    Result imported = run("import", "Dockerfile");
    assertThat(imported.exit()).isZero();
    write("spec.yaml", imported.out());
    Result rendered = run("render", "spec.yaml");

    assertThat(rendered.exit()).isZero();
    assertThat(rendered.out()).isEqualTo(run("fmt", "Dockerfile").out());
  }

  @Test
  void importOutDirMirrorsRelativePaths() throws Exception {
    write("a/Dockerfile", "FROM alpine:3.20\n");
    write("b/Dockerfile", "FROM busybox:1.36\n");

    Result r = run("import", "--out-dir", "specs", "a/Dockerfile", "b/Dockerfile");

    assertThat(r.exit()).isZero();
    assertThat(dir.resolve("specs/a/Dockerfile.yaml")).content().contains("alpine:3.20");
    assertThat(dir.resolve("specs/b/Dockerfile.yaml")).content().contains("busybox:1.36");
  }

  @Test
  void parseJsonPrintsOneLinePerFile() throws Exception {
    write("ok/Dockerfile", "FROM alpine:3.20\nRUN echo hi\n");
    write("bad/Dockerfile", "RUN echo hi\n");

    Result r = run("parse", "--json", "ok/Dockerfile", "bad/Dockerfile");

    assertThat(r.exit()).isEqualTo(2);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"file\":\"ok/Dockerfile\",\"ok\":true");
    assertThat(lines[1]).startsWith("{\"file\":\"bad/Dockerfile\",\"ok\":false");
    assertThat(r.err()).startsWith("bad/Dockerfile:1:1: ");
  }

  @Test
  void lintExitCodes() throws Exception {
    write("Dockerfile", "FROM busybox\nMAINTAINER me@example.org\n");

    Result text = run("lint", "Dockerfile");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("Dockerfile:2:1: warning");

    Result json = run("lint", "--format", "json", "Dockerfile");
    assertThat(json.out()).startsWith("{\"file\":\"Dockerfile\",\"findings\":[");

    Result sarif = run("lint", "--format", "sarif", "Dockerfile");
    assertThat(sarif.out()).contains("\"version\":\"2.1.0\"");

    Result bad = run("lint", "--format", "xml", "Dockerfile");
    assertThat(bad.exit()).isEqualTo(2);
  }

  @Test
  void lintFixRewritesTheFileAndReportsWhatRemains() throws Exception {
    write("Dockerfile", "FROM busybox\nMAINTAINER me@example.org\nRUN apk add curl\n");

    Result r = run("lint", "--fix", "Dockerfile");

    assertThat(r.exit()).isZero();
    String fixed = Files.readString(dir.resolve("Dockerfile"));
    assertThat(fixed).contains("LABEL org.opencontainers.image.authors=me@example.org")
        .contains("apk add --no-cache curl")
        .doesNotContain("MAINTAINER");
    assertThat(r.out()).doesNotContain("DF008").doesNotContain("DF104");
  }

  @Test
  void lintFixWithABadFileFixesTheOthers() throws Exception {
    write("good/Dockerfile", "FROM busybox\nMAINTAINER me@example.org\n");
    write("bad/Dockerfile", "FROM busybox\nFROBNICATE\n");

    Result r = run("lint", "--fix", "good/Dockerfile", "bad/Dockerfile");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("bad/Dockerfile:2:1: ");
    assertThat(Files.readString(dir.resolve("good/Dockerfile"))).doesNotContain("MAINTAINER");
    assertThat(dir.resolve("bad/Dockerfile")).hasContent("FROM busybox\nFROBNICATE");
  }
}
