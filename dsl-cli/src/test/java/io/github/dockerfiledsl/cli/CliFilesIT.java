package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a daily tool, run as a separate process on the shaded jar: each file is
 * its own unit, diffs, standard input with a file name, directory walking with ignore files, and
 * the configuration files with their precedence and located errors.
 */
class CliFilesIT {
  static Path jar;

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("cli.jar", "target/dockerfile-dsl.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (built in the package phase)").exists();
  }

  Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
    return runWith(Map.of(), stdin, args);
  }

  /**
   * Runs the command line with a home directory of its own (no git configuration of the user's
   * or the system's), plus the given environment.
   */
  Result runWith(Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Path home = Files.createDirectories(dir.resolve(".git-home"));
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("XDG_CONFIG_HOME");
    pb.environment().remove("GIT_CONFIG_GLOBAL");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().putAll(env);
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
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    return r;
  }

  Result run(String... args) throws IOException, InterruptedException {
    return runWithInput(null, args);
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** The file names of a JSON lint report, in order. */
  static List<String> files(String json) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\{\"file\":\"([^\"]*)\"").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static final String UGLY = "from alpine:3.20\nrun   echo hi\n";
  static final String BAD = "FROM alpine:3.20\nFROB x\n";

  // --- each file is its own unit --------------------------------------------------------------

  @Test
  void fmtCheckWithMixedFilesReportsEachAndExitsWithTheWorst() throws Exception {
    write("ok/Dockerfile", "FROM alpine:3.20\n");
    write("ugly/Dockerfile", UGLY);
    write("bad/Dockerfile", BAD);

    Result unformatted = run("fmt", "--check", "ok/Dockerfile", "ugly/Dockerfile");
    assertThat(unformatted.exit()).isEqualTo(1);
    assertThat(unformatted.err()).isEqualTo("ugly/Dockerfile: not in canonical format\n");

    Result all = run("fmt", "--check", "bad/Dockerfile", "ok/Dockerfile", "ugly/Dockerfile");
    assertThat(all.exit()).as("a refused file is worse than an unformatted one").isEqualTo(2);
    assertThat(all.err()).startsWith("bad/Dockerfile:2:1: unknown instruction: FROB")
        .endsWith("ugly/Dockerfile: not in canonical format\n");
    assertThat(all.out()).startsWith("--- a/ugly/Dockerfile\n");
  }

  @Test
  void lintReportsParseErrorsAsResultsAndLintsTheOthers() throws Exception {
    write("a/Dockerfile", "FROM busybox\nMAINTAINER me@example.org\n");
    write("b/Dockerfile", BAD);
    // an error finding (DF211 InvalidStopSignal) at line 3
    write("c/Dockerfile", "FROM alpine:3.20\nRUN true\nSTOPSIGNAL SIGTERMINATE\n");

    Result json = run("lint", "--format", "json", "a/Dockerfile", "b/Dockerfile");
    assertThat(json.exit()).isEqualTo(2);
    assertThat(json.err()).startsWith("b/Dockerfile:2:1: unknown instruction: FROB");
    String[] lines = json.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"file\":\"a/Dockerfile\"").contains("\"id\":\"DF008\"");
    assertThat(lines[1]).startsWith("{\"file\":\"b/Dockerfile\",\"findings\":[{\"id\":\"DF000\","
        + "\"name\":\"ParseError\",\"severity\":\"error\",\"line\":2,\"column\":1,"
        + "\"message\":\"unknown instruction: FROB");

    Result sarif = run("lint", "--format", "sarif", "b/Dockerfile", "a/Dockerfile");
    assertThat(sarif.exit()).isEqualTo(2);
    assertThat(sarif.out()).contains("{\"ruleId\":\"DF000\",\"ruleIndex\":0,\"level\":\"error\"")
        .contains("\"startLine\":2,\"startColumn\":1").contains("\"ruleId\":\"DF008\"")
        .contains("\"name\":\"ParseError\"");

    Result text = run("lint", "a/Dockerfile", "b/Dockerfile", "c/Dockerfile");
    assertThat(text.exit()).isEqualTo(2);
    assertThat(text.out()).contains("a/Dockerfile:2:1: warning DF008")
        .contains("c/Dockerfile:3:").doesNotContain("DF000");

    Result errorsOnly = run("lint", "a/Dockerfile", "c/Dockerfile");
    assertThat(errorsOnly.exit()).as("a finding that is an error").isEqualTo(1);
  }

  @Test
  void anUnreadableFileIsReportedAndTheOthersAreWritten() throws Exception {
    write("a/Dockerfile", UGLY);

    Result r = run("fmt", "-w", "missing/Dockerfile", "a/Dockerfile");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("missing/Dockerfile: no such file\n");
    assertThat(dir.resolve("a/Dockerfile")).hasContent("FROM alpine:3.20\nRUN echo hi");
  }

  // --- diffs -----------------------------------------------------------------------------------

  @Test
  void fmtDiffPrintsAUnifiedDiffWithGitNamesAndWritesNothing() throws Exception {
    write("app/Dockerfile", "# build\nfrom alpine:3.20\nrun   echo hi\nCMD [\"sh\"]\n");
    write("ok/Dockerfile", "FROM alpine:3.20\n");
    String expected = """
        --- a/app/Dockerfile
        +++ b/app/Dockerfile
        @@ -1,4 +1,4 @@
         # build
        -from alpine:3.20
        -run   echo hi
        +FROM alpine:3.20
        +RUN echo hi
         CMD ["sh"]
        """;

    Result diff = run("fmt", "--diff", "./app/Dockerfile", "ok/Dockerfile");
    assertThat(diff.exit()).isZero();
    assertThat(diff.out()).isEqualTo(expected);
    assertThat(dir.resolve("app/Dockerfile")).content().startsWith("# build\nfrom");

    Result check = run("fmt", "--check", "app/Dockerfile", "ok/Dockerfile");
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(expected);

    Result writeAndShow = run("fmt", "-w", "--diff", "app/Dockerfile");
    assertThat(writeAndShow.out()).isEqualTo(expected);
    assertThat(run("fmt", "--check", "app").exit()).isZero();
  }

  @Test
  void diffMarksAMissingFinalNewline() throws Exception {
    write("Dockerfile", "FROM alpine:3.20");

    Result r = run("fmt", "--diff", "Dockerfile");

    assertThat(r.out()).isEqualTo("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1 @@\n"
        + "-FROM alpine:3.20\n\\ No newline at end of file\n+FROM alpine:3.20\n");
  }

  // --- standard input ---------------------------------------------------------------------------

  @Test
  void stdinFilepathNamesTheInputAndPicksItsConfiguration() throws Exception {
    write("svc/.dockerfile-dsl.yaml", "format:\n  columnLimit: 30\nlint:\n  severity:\n"
        + "    UntaggedImage: error\n");
    String long_ = "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache"
        + " --mount=type=secret,id=token apk add curl\n";

    Result plain = runWithInput(long_, "fmt", "-");
    assertThat(plain.out()).isEqualTo(long_);

    Result named = runWithInput(long_, "fmt", "--stdin-filepath", "svc/api/Dockerfile");
    assertThat(named.exit()).isZero();
    assertThat(named.out()).isEqualTo("FROM alpine:3.20\n"
        + "RUN --mount=type=cache,target=/root/.cache \\\n"
        + "    --mount=type=secret,id=token \\\n"
        + "    apk add curl\n");

    Result check = runWithInput(UGLY, "fmt", "--check", "--stdin-filepath", "svc/Dockerfile");
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out()).startsWith("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n");
    assertThat(check.err()).isEqualTo("svc/Dockerfile: not in canonical format\n");

    Result lint = runWithInput("FROM debian\n", "lint", "--stdin-filepath", "svc/Dockerfile");
    assertThat(lint.exit()).isEqualTo(1);
    assertThat(lint.out()).isEqualTo(
        "svc/Dockerfile:1:1: error DF113 FROM debian has no tag or digest; pin a version\n");
    Result elsewhere = runWithInput("FROM debian\n", "lint", "--stdin-filepath", "Dockerfile");
    assertThat(elsewhere.exit()).isZero();
    assertThat(elsewhere.out()).contains("warning DF113");

    Result bad = runWithInput(BAD, "lint", "--format", "json", "--stdin-filepath", "x/Dockerfile");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("x/Dockerfile:2:1: ");
    assertThat(bad.out()).startsWith("{\"file\":\"x/Dockerfile\",\"findings\":[{\"id\":\"DF000\"");

    Result both = runWithInput(UGLY, "fmt", "--stdin-filepath", "a", "Dockerfile");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).startsWith("dockerfile-dsl: --stdin-filepath reads standard input");
  }

  // --- directories -----------------------------------------------------------------------------

  /** A tree with Dockerfiles of every name and ignore files with negation and directories. */
  void tree() throws IOException {
    Files.createDirectories(dir.resolve(".git/info"));
    write(".git/info/exclude", "local/\n");
    write(".gitignore", "# generated\nbuild/\n*.tmp.Dockerfile\n/vendor/*\n!/vendor/keep/\n"
        + "docs/**/Dockerfile\n");
    for (String f : List.of("Dockerfile", "Containerfile", "Dockerfile.dev", "web.Dockerfile",
        "web.Containerfile", "x.tmp.Dockerfile", "build/Dockerfile", "sub/build/Dockerfile",
        "vendor/a/Dockerfile", "vendor/keep/Dockerfile", "docs/Dockerfile", "docs/x/y/Dockerfile",
        "local/Dockerfile", "svc/Dockerfile", "svc/gen/Dockerfile", "svc/old.Dockerfile",
        "node_modules/m/Dockerfile", "README.md", "Dockerfile.dockerignore", "Dockerfile.yaml",
        "dockerfile", "notDockerfile")) {
      write(f, "FROM alpine:3.20\n");
    }
    write("svc/.gitignore", "gen\n*.Dockerfile\n!old.Dockerfile\n");
  }

  static final List<String> WALKED = List.of("Containerfile", "Dockerfile", "Dockerfile.dev",
      "node_modules/m/Dockerfile", "svc/Dockerfile", "svc/old.Dockerfile",
      "vendor/keep/Dockerfile", "web.Containerfile", "web.Dockerfile");

  @Test
  void directoriesAreWalkedForDockerfilesHonouringGitignore() throws Exception {
    tree();

    Result r = run("lint", "--format", "json", ".");

    assertThat(r.exit()).isZero();
    assertThat(files(r.out())).containsExactlyElementsOf(WALKED);

    Result excluded = run("lint", "--format", "json", "--exclude", "node_modules/",
        "--exclude", "*.Containerfile", "--exclude", "/docs", ".");
    assertThat(files(excluded.out())).containsExactlyElementsOf(WALKED.stream()
        .filter(f -> !f.startsWith("node_modules") && !f.startsWith("docs")
            && !f.equals("web.Containerfile")).toList());

    Result sub = run("lint", "--format", "json", "svc", "vendor");
    assertThat(files(sub.out())).containsExactly("svc/Dockerfile", "svc/old.Dockerfile",
        "vendor/keep/Dockerfile");

    Result named = run("lint", "--format", "json", "build/Dockerfile", "--exclude", "Dockerfile.dev",
        "Dockerfile.dev");
    assertThat(files(named.out())).as("a file named on the command line is not gitignored")
        .containsExactly("build/Dockerfile");

    Result fmt = run("fmt", "--check", ".");
    assertThat(fmt.exit()).isZero();
  }

  /** The {@link #tree()} in a real git repository (skipped when git is not installed). */
  void gitTree() throws Exception {
    tree();
    Files.delete(dir.resolve(".git/info/exclude"));
    Files.delete(dir.resolve(".git/info"));
    Files.delete(dir.resolve(".git"));
    Process init;
    try {
      init = git("init", "-q", ".").redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("git is not installed");
      return;
    }
    assertThat(init.waitFor()).isZero();
  }

  @Test
  void theWalkAgreesWithGit() throws Exception {
    gitTree();
    write(".git/info/exclude", "local/\n");
    List<String> byGit = dockerfilesByGit(Map.of());

    Result r = run("lint", "--format", "json", ".");

    assertThat(files(r.out()).stream().sorted().toList()).isEqualTo(byGit);
  }

  /** A git command in the test directory that reads no user or system configuration. */
  ProcessBuilder git(String... args) {
    return git(Map.of("GIT_CONFIG_GLOBAL", "/dev/null",
        "XDG_CONFIG_HOME", dir.resolve(".git-home").toString()), args);
  }

  /** A git command in the test directory with a home of its own and this environment. */
  ProcessBuilder git(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("XDG_CONFIG_HOME");
    pb.environment().remove("GIT_CONFIG_GLOBAL");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.resolve(".git-home").toString());
    pb.environment().putAll(env);
    return pb;
  }

  /** Files git lists as untracked and not ignored, of Dockerfile names, sorted. */
  List<String> dockerfilesByGit(Map<String, String> env) throws Exception {
    Process ls = git(env, "ls-files", "--others", "--exclude-standard").start();
    String listed = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ls.waitFor()).isZero();
    return Arrays.stream(listed.split("\n"))
        .filter(f -> Sources.isDockerfileName(f.substring(f.lastIndexOf('/') + 1)))
        .sorted().toList();
  }

  @Test
  void theUsersGlobalExcludesFileCountsAsInGit() throws Exception {
    gitTree();
    Path home = Files.createDirectories(dir.resolve(".git-home"));
    // core.excludesFile in ~/.gitconfig, with ~/ and a quoted value and a comment
    write(".git-home/.gitconfig", "[user]\n\tname = x\n[core]\n\texcludesFile = \"~/my ignore\""
        + " ; the global one\n");
    write(".git-home/my ignore", "svc/\n*.Containerfile\n");
    List<String> byGit = dockerfilesByGit(Map.of());
    assertThat(byGit).doesNotContain("svc/Dockerfile", "web.Containerfile")
        .contains("Dockerfile", "web.Dockerfile");
    assertThat(files(runWith(Map.of(), null, "lint", "--format", "json", ".").out()).stream()
        .sorted().toList()).isEqualTo(byGit);

    // no core.excludesFile: $XDG_CONFIG_HOME/git/ignore
    Files.delete(home.resolve(".gitconfig"));
    Path xdg = home.resolve("xdg");
    write(".git-home/xdg/git/ignore", "Dockerfile.dev\n");
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", xdg.toString());
    List<String> byGitXdg = dockerfilesByGit(env);
    assertThat(byGitXdg).doesNotContain("Dockerfile.dev").contains("svc/Dockerfile");
    assertThat(files(runWith(env, null, "lint", "--format", "json", ".").out()).stream()
        .sorted().toList()).isEqualTo(byGitXdg);

    // the repository's own configuration wins over the global one
    write(".git-home/xdg/git/config", "[core]\n\texcludesfile = /nonexistent/ignore\n");
    Files.writeString(dir.resolve(".git/config"), "[core]\n\texcludesFile = .git/local-ignore\n",
        java.nio.file.StandardOpenOption.APPEND);
    write(".git/local-ignore", "web.Dockerfile\n");
    List<String> byGitLocal = dockerfilesByGit(env);
    assertThat(byGitLocal).doesNotContain("web.Dockerfile").contains("Dockerfile.dev");
    assertThat(files(runWith(env, null, "lint", "--format", "json", ".").out()).stream()
        .sorted().toList()).isEqualTo(byGitLocal);
  }

  // --- configuration ---------------------------------------------------------------------------

  static final String LINTED = "FROM debian\nADD app.py /app/\nRUN apk add curl\n";

  @Test
  void configurationPrecedence() throws Exception {
    // hadolint: DL3006 off, DL3020 an error, trusted registries
    write(".hadolint.yaml", "ignored: [DL3006, SC2086]\noverride:\n  error: [DL3020]\n"
        + "  style: [DL3019]\ntrustedRegistries: [docker.io]\nfailure-threshold: error\n");
    write("a/Dockerfile", LINTED);
    Result hadolint = run("lint", "a/Dockerfile");
    assertThat(hadolint.exit()).isEqualTo(1);
    assertThat(hadolint.out()).doesNotContain("DF113").contains("error DF111")
        .contains("info DF104");

    // the project configuration overrides hadolint's for the same rule
    write(".dockerfile-dsl.yaml", """
        lint:
          severity:
            DF113: warning
          disable: [DF116]
        overrides:
          - files: ["legacy/**"]
            lint:
              disable: [AddInsteadOfCopy, DL3006]
              trustedRegistries: ["*.example.com"]
        """);
    Result project = run("lint", "a/Dockerfile");
    assertThat(project.out()).contains("warning DF113").contains("error DF111")
        .doesNotContain("DF116");

    write("legacy/x/Dockerfile", LINTED);
    Result override = run("lint", "legacy/x/Dockerfile");
    assertThat(override.out()).doesNotContain("DF111").doesNotContain("DF113")
        .contains("legacy/x/Dockerfile:1:1: error DF119 FROM debian pulls from docker.io");

    // the nearest configuration file wins; the command line wins over all
    write("a/.dockerfile-dsl.yaml", "lint:\n  severity: {DL3020: info}\n");
    Result nearest = run("lint", "a/Dockerfile");
    assertThat(nearest.exit()).isZero();
    assertThat(nearest.out()).contains("info DF111").doesNotContain("DF113");
    Result cli = run("lint", "--disable", "DF111", "--disable", "ApkNoCache", "a/Dockerfile");
    assertThat(cli.out()).doesNotContain("DF111").doesNotContain("DF104");

    Result explicit = run("lint", "--config", ".dockerfile-dsl.yaml", "a/Dockerfile");
    assertThat(explicit.out()).contains("error DF111").contains("warning DF113");
    Result none = run("lint", "--no-config", "a/Dockerfile");
    assertThat(none.out()).contains("warning DF111").contains("warning DF113")
        .contains("DF116").contains("warning DF104");
  }

  @Test
  void configurationExcludeAndFormatOptions() throws Exception {
    write(".dockerfile-dsl.yaml", "exclude: [third_party/]\nformat:\n  columnLimit: 0\n"
        + "overrides:\n  - files: [narrow/]\n    format: {columnLimit: 30}\n");
    String text = "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache"
        + " --mount=type=secret,id=token apk add curl\n";
    write("wide/Dockerfile", text);
    write("narrow/Dockerfile", text);
    write("third_party/Dockerfile", UGLY);

    Result r = run("fmt", "--check", ".");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("narrow/Dockerfile: not in canonical format\n");
    Result cli = run("fmt", "--check", "--column-limit", "0", ".");
    assertThat(cli.exit()).isZero();
    Result named = run("fmt", "--check", "third_party/Dockerfile");
    assertThat(named.exit()).as("excluded by the configuration").isZero();
  }

  @Test
  void continuationIndentFromTheConfigurationAndTheCommandLine() throws Exception {
    write(".dockerfile-dsl.yaml", "format: {columnLimit: 30, continuationIndent: 2}\n");
    write("Dockerfile", "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache"
        + " --mount=type=secret,id=token apk add curl \\\n    && echo done\n");

    Result r = run("fmt", "Dockerfile");

    assertThat(r.out()).isEqualTo("FROM alpine:3.20\n"
        + "RUN --mount=type=cache,target=/root/.cache \\\n"
        + "  --mount=type=secret,id=token \\\n"
        + "  apk add curl \\\n"
        + "  && echo done\n");
    Result cli = run("fmt", "--continuation-indent", "3", "Dockerfile");
    assertThat(cli.out()).contains("\n   --mount=type=secret").contains("\n   && echo done\n");
    Result bad = run("fmt", "--continuation-indent", "0", "Dockerfile");
    assertThat(bad.exit()).isEqualTo(2);
  }

  @Test
  void configurationErrorsNameFileLineAndColumn() throws Exception {
    write("Dockerfile", "FROM alpine:3.20\n");
    write("sub/Dockerfile", "FROM alpine:3.20\n");
    String[][] cases = {
        {"lint:\n  severty: {}\n", ".dockerfile-dsl.yaml:2:3: unknown key 'severty' (did you mean"
            + " 'severity'?)"},
        {"lint:\n  severity:\n    DF113: loud\n", ".dockerfile-dsl.yaml:3:12: severity of DF113"
            + " must be error, warning, info or off"},
        {"lint:\n  disable: [DF113, NoSuchRule]\n", ".dockerfile-dsl.yaml:2:20: unknown rule"
            + " 'NoSuchRule'"},
        {"format:\n  columnLimit: -1\n", ".dockerfile-dsl.yaml:2:16: 'columnLimit' must be a"
            + " whole number"},
        {"lint: [\n", ".dockerfile-dsl.yaml:1:8: invalid YAML: while parsing a flow node;"
            + " expected the node content, but found '<stream end>'"},
        {"overrides:\n  - lint: {}\n", ".dockerfile-dsl.yaml:2:5: an override needs 'files'"},
        {"exclude: x\n", ".dockerfile-dsl.yaml:1:10: 'exclude' must be a list, not a string"},
        {"a: &x 1\nb: *x\n", ".dockerfile-dsl.yaml:2:4: YAML aliases are not allowed"},
    };
    for (String[] c : cases) {
      write(".dockerfile-dsl.yaml", c[0]);
      Result r = run("lint", "Dockerfile", "sub/Dockerfile");
      assertThat(r.exit()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).startsWith(c[1]);
      assertThat(r.err().lines().count()).as("reported once").isEqualTo(1);
      assertThat(r.out()).as(c[0]).isEmpty();
    }
    Files.delete(dir.resolve(".dockerfile-dsl.yaml"));
    write(".hadolint.yaml", "ignored: DL3006\n");
    Result hadolint = run("fmt", "--check", "Dockerfile");
    assertThat(hadolint.exit()).isEqualTo(2);
    assertThat(hadolint.err()).isEqualTo(
        ".hadolint.yaml:1:10: 'ignored' must be a list, not a string\n");
  }
}
