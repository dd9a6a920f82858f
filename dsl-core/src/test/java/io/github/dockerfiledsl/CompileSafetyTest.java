package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the ordering rules of the builder in the type system: snippets that must not compile
 * (with the compiler's error and its line) and snippets that must compile and run, all compiled
 * in-process with javac against the test class path.
 */
class CompileSafetyTest {

  /** The line of a snippet's first line in the generated source. */
  private static final int FIRST_LINE = 14;

  private static String source(String className, String snippet) {
    String header = """
        package snippets;

        import io.github.dockerfiledsl.*;
        import io.github.dockerfiledsl.instruction.*;
        import io.github.dockerfiledsl.optimize.*;
        import java.time.Duration;
        import java.util.List;
        import java.util.Optional;

        @SuppressWarnings("unused")
        public class %s {
          public static Object run() {
            Object result =
        """.formatted(className);
    assertThat(header.lines().count()).isEqualTo(FIRST_LINE - 1);
    return header + snippet.strip() + ";\n    return result;\n  }\n}\n";
  }

  /**
   * A snippet that must not compile.
   *
   * @param name a short description
   * @param snippet the expression, possibly on several lines
   * @param line the line of the snippet (1-based) where javac must report the error
   * @param message a fragment of javac's message
   */
  record Failing(String name, String snippet, int line, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Failing> FAILING = List.of(
      new Failing("RUN before FROM", """
          Dockerfile.builder()
              .run("echo hi")
          """, 2, "cannot find symbol\n  symbol:   method run(java.lang.String)"),
      new Failing("COPY before FROM", """
          Dockerfile.builder().arg("V").copy(".", "/app")
          """, 1, "cannot find symbol\n  symbol:   method copy(java.lang.String,java.lang.String)"),
      new Failing("directive after FROM", """
          Dockerfile.from("alpine")
              .syntax("docker/dockerfile:1")
          """, 2, "cannot find symbol\n  symbol:   method syntax(java.lang.String)"),
      new Failing("as after RUN", """
          Dockerfile.from("alpine")
              .run("echo hi")
              .as("build")
          """, 3, "cannot find symbol\n  symbol:   method as(java.lang.String)"),
      new Failing("platform after as", """
          Dockerfile.from("alpine").as("build").platform("linux/amd64")
          """, 1, "cannot find symbol\n  symbol:   method platform(java.lang.String)"),
      new Failing("as twice", """
          Dockerfile.from("alpine").as("a").as("b")
          """, 1, "cannot find symbol\n  symbol:   method as(java.lang.String)"),
      new Failing("COPY --from with a String", """
          Dockerfile.from("alpine")
              .copy("build", "/out/app", "/app")
          """, 2, "no suitable method found for copy(java.lang.String,java.lang.String,java.lang.String)"),
      new Failing("Copy.from with a String", """
          Copy.of("/out/app", "/app").from("build")
          """, 1, "no suitable method found for from(java.lang.String)"),
      new Failing("stage handle forged", """
          new StageRef(Optional.of("build"))
          """, 1, "is not public in io.github.dockerfiledsl.StageRef; cannot be accessed from outside package"),
      new Failing("CMD with a String", """
          Dockerfile.from("python:3.12")
              .cmd("python app.py")
          """, 2, "incompatible types: java.lang.String cannot be converted to io.github.dockerfiledsl.Command"),
      new Failing("ENTRYPOINT with a String", """
          Dockerfile.from("alpine").entrypoint("/entrypoint.sh")
          """, 1, "incompatible types: java.lang.String cannot be converted to io.github.dockerfiledsl.Command"),
      new Failing("SHELL in shell form", """
          Dockerfile.from("debian")
              .shell(Shell.of("/bin/bash -c"))
          """, 2, "incompatible types: io.github.dockerfiledsl.Shell cannot be converted to io.github.dockerfiledsl.Exec"),
      new Failing("SHELL with a String", """
          Dockerfile.from("debian").shell("/bin/bash")
          """, 1, "incompatible types: java.lang.String cannot be converted to io.github.dockerfiledsl.Exec"),
      new Failing("exec form without an executable", """
          Dockerfile.from("alpine").cmd(Exec.of())
          """, 1, "no suitable method found for of(no arguments)"),
      new Failing("ONBUILD FROM", """
          Dockerfile.from("alpine")
              .onbuild(Trigger.from("alpine"))
          """, 2, "cannot find symbol\n  symbol:   method from(java.lang.String)"),
      new Failing("ONBUILD MAINTAINER", """
          Dockerfile.from("alpine").onbuild(Trigger.maintainer("me"))
          """, 1, "cannot find symbol\n  symbol:   method maintainer(java.lang.String)"),
      new Failing("ONBUILD with a model FROM", """
          Dockerfile.from("alpine").onbuild(FromInstruction.of("alpine"))
          """, 1, "incompatible types: io.github.dockerfiledsl.instruction.FromInstruction cannot be converted to io.github.dockerfiledsl.Trigger"),
      new Failing("a command after cleanup", """
          Dockerfile.from("debian")
              .run("make -C /src")
              .cleanup("rm -rf /src")
              .run("echo done")
          """, 4, "cannot find symbol\n  symbol:   method run(java.lang.String)"),
      new Failing("cleanup after an exec-form RUN", """
          Dockerfile.from("alpine")
              .run(Exec.of("make"))
              .cleanup("rm -rf /src")
          """, 3, "cannot find symbol\n  symbol:   method cleanup(java.lang.String)"),
      new Failing("cleanup without a RUN", """
          Dockerfile.from("alpine").workdir("/src").cleanup("rm -rf /src")
          """, 1, "cannot find symbol\n  symbol:   method cleanup(java.lang.String)"),
      new Failing("build before FROM", """
          Dockerfile.builder().arg("V").build()
          """, 1, "cannot find symbol\n  symbol:   method build()"),
      new Failing("EXPOSE with a String", """
          Dockerfile.from("nginx").expose("80/tcp")
          """, 1, "no suitable method found for expose(java.lang.String)"),
      new Failing("STOPSIGNAL with a String", """
          Dockerfile.from("nginx").stopsignal("SIGQUIT")
          """, 1, "incompatible types: java.lang.String cannot be converted to io.github.dockerfiledsl.Signal"),
      new Failing("chmod with a String", """
          Copy.of("app", "/app").chmod("755")
          """, 1, "incompatible types: java.lang.String cannot be converted to io.github.dockerfiledsl.Chmod"),
      new Failing("HEALTHCHECK interval as a String", """
          Healthcheck.of(Exec.of("true")).interval("30s")
          """, 1, "incompatible types: java.lang.String cannot be converted to java.time.Duration"),
      new Failing("cleanup after an exec-form Run step", """
          Dockerfile.from("alpine")
              .run(Run.of(Exec.of("make")))
              .cleanup("rm -rf /src")
          """, 3, "cannot find symbol\n  symbol:   method cleanup(java.lang.String)"),
      new Failing("cleanup after an exec-form Run step with flags", """
          Dockerfile.from("alpine")
              .run(Run.of(Exec.of("make")).mount(Mount.cache("/root/.cache")).network(RunInstruction.Network.NONE))
              .cleanup("rm -rf /src")
          """, 3, "cannot find symbol\n  symbol:   method cleanup(java.lang.String)"),
      new Failing("cleanup after a heredoc script", """
          Dockerfile.from("alpine")
              .run(Run.script("make"))
              .cleanup("rm -rf /src")
          """, 3, "cannot find symbol\n  symbol:   method cleanup(java.lang.String)"),
      new Failing("cleanup after a heredoc step with a mount", """
          Dockerfile.from("alpine")
              .run(Run.heredoc("python3 <<EOF", Heredoc.of("EOF", "print(1)")).mount(Mount.cache("/c")))
              .cleanup("rm -rf /src")
          """, 3, "cannot find symbol\n  symbol:   method cleanup(java.lang.String)"),
      new Failing("platform after RUN", """
          Dockerfile.from("alpine")
              .run("echo hi")
              .platform("linux/amd64")
          """, 3, "cannot find symbol\n  symbol:   method platform(java.lang.String)"),
      new Failing("RUN after cleanup through an exec-form step", """
          Dockerfile.from("debian")
              .run("make")
              .cleanup("rm -rf /src")
              .run(Exec.of("ls"))
          """, 4, "cannot find symbol\n  symbol:   method run(io.github.dockerfiledsl.Exec)"));

  /**
   * A snippet that must compile and build a Dockerfile.
   *
   * @param name a short description
   * @param snippet the expression
   * @param expected a fragment of the rendered Dockerfile
   */
  record Passing(String name, String snippet, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Passing> PASSING = List.of(
      new Passing("directives and ARG before FROM", """
          Dockerfile.builder().syntax("docker/dockerfile:1").arg("V", "1").from("alpine:$V").run("true").build()
          """, "ARG V=1\nFROM alpine:$V\n"),
      new Passing("as right after FROM", """
          Dockerfile.from("alpine").as("build").run("true").build()
          """, "FROM alpine AS build\n"),
      new Passing("platform then as", """
          Dockerfile.from("golang").platform("$BUILDPLATFORM").as("build").run("true").build()
          """, "FROM --platform=$BUILDPLATFORM golang AS build\n"),
      new Passing("COPY --from with a stage handle", """
          ((java.util.function.Function<DockerfileBuilder, Dockerfile>)
              df -> df.from("alpine").copy(df.from("golang").as("b").end(), "/a", "/a").build())
              .apply(Dockerfile.builder())
          """, "FROM golang AS b\n\nFROM alpine\nCOPY --from=b /a /a\n"),
      new Passing("COPY --from with an ImageRef", """
          Dockerfile.from("alpine").copy(ImageRef.parse("nginx:1.27"), "/etc/nginx", "/etc/nginx").build()
          """, "COPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"),
      new Passing("Copy.fromContext names a build context explicitly", """
          Dockerfile.from("alpine").copy(Copy.of("/docs", "/docs").fromContext("docs")).build()
          """, "COPY --from=docs /docs /docs\n"),
      new Passing("CMD in exec and shell form", """
          Dockerfile.from("alpine").cmd(Exec.of("sh", "-c", "echo")).cmd(Shell.of("echo hi")).build()
          """, "CMD echo hi\n"),
      new Passing("SHELL in exec form", """
          Dockerfile.from("debian").shell(Exec.of("/bin/bash", "-o", "pipefail", "-c")).build()
          """, "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"),
      new Passing("ONBUILD RUN and COPY", """
          Dockerfile.from("alpine").onbuild(Trigger.copy(".", "/src")).onbuild(Trigger.run("make")).build()
          """, "ONBUILD RUN make\n"),
      new Passing("more cleanup after cleanup", """
          Dockerfile.from("debian").run("make").cleanup("rm -rf /src").cleanup("rm -rf /tmp/*").build()
          """, "    && rm -rf /tmp/*\n"),
      new Passing("a non-RUN instruction after cleanup", """
          Dockerfile.from("debian").run("make").cleanup("rm -rf /src").workdir("/app").run("ls").build()
          """, "WORKDIR /app\nRUN ls\n"),
      new Passing("a new layer after cleanup", """
          Dockerfile.from("debian").run("make").cleanup("rm -rf /src").layer().run("ls").build()
          """, "RUN ls\n"),
      new Passing("exec-form RUN then shell RUN", """
          Dockerfile.from("alpine").run(Exec.of("make")).run("ls").cleanup("rm x").build()
          """, "RUN [\"make\"]\nRUN ls \\\n    && rm x\n"),
      new Passing("package-manager helper with cleanup", """
          Dockerfile.from("debian").run(Apt.install("curl")).build()
          """, "rm -rf /var/lib/apt/lists/*\n"),
      new Passing("typed values", """
          Dockerfile.from("nginx").expose(Port.tcp(80)).stopsignal(Signal.SIGQUIT)
              .copy(Copy.of("a", "/a").chmod(Chmod.of(0644)))
              .healthcheck(Healthcheck.of(Exec.of("true")).interval(Duration.ofSeconds(10))).build()
          """, "HEALTHCHECK --interval=10s CMD [\"true\"]\n"),
      new Passing("COPY after ARG and FROM", """
          Dockerfile.builder().arg("V").from("alpine").copy(".", "/app").build()
          """, "ARG V\nFROM alpine\nCOPY . /app\n"),
      new Passing("escape and check directives before FROM", """
          Dockerfile.builder().escape('`').check("error=true").from("alpine").run("a").run("b").build()
          """, "# escape=`\n# check=error=true\n\nFROM alpine\nRUN a `\n    && b\n"),
      new Passing("Copy.from with an ImageRef", """
          Dockerfile.from("alpine").copy(Copy.of("/bin/tool", "/bin/").from(ImageRef.parse("busybox:1.36"))).build()
          """, "COPY --from=busybox:1.36 /bin/tool /bin/\n"),
      new Passing("ENTRYPOINT in shell form", """
          Dockerfile.from("alpine").entrypoint(Shell.of("exec /entrypoint.sh")).build()
          """, "ENTRYPOINT exec /entrypoint.sh\n"),
      new Passing("the empty exec form", """
          Dockerfile.from("alpine").cmd(Exec.empty()).build()
          """, "CMD []\n"),
      new Passing("ONBUILD LABEL", """
          Dockerfile.from("alpine").onbuild(Trigger.label("stage", "child")).build()
          """, "ONBUILD LABEL stage=child\n"),
      new Passing("global ARG with several names", """
          Dockerfile.builder().arg(List.of(new ArgInstruction.Arg("A", Optional.empty()),
              new ArgInstruction.Arg("B", Optional.of("1")))).from("alpine").build()
          """, "ARG A B=1\n"),
      new Passing("EXPOSE a port variable", """
          Dockerfile.from("alpine").expose(Port.variable("${PORT}")).build()
          """, "EXPOSE ${PORT}\n"),
      new Passing("STOPSIGNAL by number", """
          Dockerfile.from("alpine").stopsignal(Signal.of(15)).build()
          """, "STOPSIGNAL 15\n"),
      new Passing("a kept step branches into variants that do not see each other", """
          ((java.util.function.Function<StageStep, Dockerfile>) base -> {
            base.env("A", "1").build();
            return base.env("B", "1").build();
          }).apply(Dockerfile.from("alpine").workdir("/app"))
          """, "WORKDIR /app\nENV B=1\n"),
      new Passing("a shell RUN after an exec-form Run step", """
          Dockerfile.from("alpine").run(Run.of(Exec.of("make"))).run("ls").cleanup("rm x").build()
          """, "RUN [\"make\"]\nRUN ls \\\n    && rm x\n"),
      new Passing("a shell RUN after a heredoc script", """
          Dockerfile.from("alpine").run(Run.script("make")).run("ls").build()
          """, "RUN <<EOF\nmake\nEOF\nRUN ls\n"),
      new Passing("an exec-form Run step keeps its flags", """
          Dockerfile.from("alpine").run(Run.of(Exec.of("make")).network(RunInstruction.Network.NONE)).build()
          """, "RUN --network=none [\"make\"]\n"),
      new Passing("cleanup that belongs in a heredoc goes into its body", """
          Dockerfile.from("alpine").run(Run.script("make\\nrm -rf /src")).build()
          """, "make\nrm -rf /src\nEOF\n"),
      new Passing("a step shared by two stages' chains", """
          ((java.util.function.Function<StageStep, Dockerfile>) base -> {
            base.from("debian").build();
            return base.run("make").from("busybox").build();
          }).apply(Dockerfile.from("alpine").as("base"))
          """, "FROM alpine AS base\nRUN make\n\nFROM busybox\n"),
      new Passing("FROM a stage handle", """
          ((java.util.function.Function<DockerfileBuilder, Dockerfile>)
              df -> df.from(df.from("alpine").as("base").end()).run("true").build())
              .apply(Dockerfile.builder())
          """, "FROM base\n"));

  @TempDir
  static Path out;

  private static final Map<String, List<Diagnostic<? extends JavaFileObject>>> ERRORS =
      new LinkedHashMap<>();

  private static String className(String kind, int index) {
    return kind + index;
  }

  @BeforeAll
  static void compileAll() throws IOException {
    // javac writes no class file when any unit fails, so the two kinds compile separately
    Map<String, String> failing = new LinkedHashMap<>();
    for (int i = 0; i < FAILING.size(); i++) {
      String name = className("Failing", i);
      failing.put(name, source(name, FAILING.get(i).snippet()));
    }
    Map<String, String> passing = new LinkedHashMap<>();
    for (int i = 0; i < PASSING.size(); i++) {
      String name = className("Passing", i);
      passing.put(name, source(name, PASSING.get(i).snippet()));
    }
    ERRORS.putAll(InProcessJavac.compile(failing, "snippets", out.resolve("failing")));
    ERRORS.putAll(InProcessJavac.compile(passing, "snippets", out.resolve("passing")));
  }

  static Stream<Arguments> failing() {
    List<Arguments> args = new ArrayList<>();
    for (int i = 0; i < FAILING.size(); i++) {
      args.add(Arguments.of(i, FAILING.get(i)));
    }
    return args.stream();
  }

  static Stream<Arguments> passing() {
    List<Arguments> args = new ArrayList<>();
    for (int i = 0; i < PASSING.size(); i++) {
      args.add(Arguments.of(i, PASSING.get(i)));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "does not compile: {1}")
  @MethodSource("failing")
  void doesNotCompile(int index, Failing f) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        ERRORS.getOrDefault(className("Failing", index), List.of());
    assertThat(errors).as("errors of %s", f.name()).isNotEmpty();
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    assertThat(first.getMessage(java.util.Locale.ROOT)).contains(f.message());
    assertThat(first.getLineNumber()).isEqualTo(FIRST_LINE + f.line() - 1L);
  }

  @ParameterizedTest(name = "compiles and builds: {1}")
  @MethodSource("passing")
  void compilesAndBuilds(int index, Passing p) throws Exception {
    String name = className("Passing", index);
    assertThat(ERRORS.getOrDefault(name, List.of())).as("errors of %s", p.name()).isEmpty();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve("passing").toUri().toURL()},
        CompileSafetyTest.class.getClassLoader())) {
      Method run = loader.loadClass("snippets." + name).getMethod("run");
      Object result = run.invoke(null);
      assertThat(result).isInstanceOf(Dockerfile.class);
      assertThat(((Dockerfile) result).render()).contains(p.expected());
    }
  }

  @Test
  void hasAtLeastTwelveSnippetsEachWayAndAsManyOfEach() {
    assertThat(FAILING).hasSizeGreaterThanOrEqualTo(12);
    assertThat(PASSING).hasSameSizeAs(FAILING);
  }

  @Test
  void theHarnessReportsErrorsOnTheSnippetLine() throws IOException {
    // a snippet with a type error on its second line must be reported there
    assertThat(ERRORS.get(className("Failing", 0)).get(0).getLineNumber()).isEqualTo(FIRST_LINE + 1L);
    try (Stream<Path> classes = Files.walk(out.resolve("passing"))) {
      assertThat(classes.filter(f -> f.toString().endsWith(".class")).count())
          .isEqualTo(PASSING.size());
    }
  }
}
