package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.testjavac.InMemoryJavac;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockerfile-dsl to-java}: Dockerfiles and YAML specs in, compilable Java out. */
class ToJavaCliTest {
  private static final String DOCKERFILE = """
      FROM golang:1.22 AS build
      RUN go build -o /out/app .

      FROM alpine:3.20
      COPY --from=build /out/app /usr/local/bin/app
      CMD ["app"]
      """;

  @TempDir Path dir;

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

  private static Object invoke(String source, String className, String method, Object... args)
      throws Exception {
    InMemoryJavac.Result result = InMemoryJavac.compile(Map.of(className, source));
    assertThat(result.success()).as("compiles without warnings:%n%s", result.report()).isTrue();
    Class<?> type = result.load(className);
    Method m = method.equals("main") ? type.getMethod("main", String[].class)
        : type.getMethod(method);
    return m.invoke(null, args);
  }

  @Test
  void printsJavaWhoseMainPrintsTheCanonicalDockerfile() throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, DOCKERFILE);

    Outcome o = run("to-java", file.toString(), "--package", "com.example", "--class", "App");

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out()).startsWith("package com.example;")
        .contains("public final class App", "StageRef build = ", ".copy(build, ");
    PrintStream saved = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      invoke(o.out(), "com.example.App", "main", (Object) new String[0]);
    } finally {
      System.setOut(saved);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(DOCKERFILE);
  }

  @Test
  void readsYamlSpecsAndLeavesOutMainOnRequest() throws Exception {
    Path spec = dir.resolve("app.yaml");
    Files.writeString(spec, """
        stages:
          - from: alpine:3.20
            steps:
              - run: echo hello
              - cmd: [sh]
        """);

    Outcome o = run("to-java", spec.toString(), "--package", "", "--class", "Spec", "--no-main");

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out()).doesNotContain("package ", "main(");
    Dockerfile d = (Dockerfile) invoke(o.out(), "Spec", "dockerfile");
    assertThat(d.render()).isEqualTo("FROM alpine:3.20\nRUN echo hello\nCMD [\"sh\"]\n");
  }

  @Test
  void rejectsBadInputAndBadNamesWithStatusTwo() throws Exception {
    Path bad = dir.resolve("Dockerfile.bad");
    Files.writeString(bad, "RUN echo before any FROM\n");
    Path good = dir.resolve("Dockerfile");
    Files.writeString(good, DOCKERFILE);

    Outcome parse = run("to-java", bad.toString());
    Outcome name = run("to-java", good.toString(), "--class", "class");

    assertThat(parse.status()).isEqualTo(2);
    assertThat(parse.out()).isEmpty();
    assertThat(parse.err()).contains("Dockerfile.bad:1:");
    assertThat(name.status()).isEqualTo(2);
    assertThat(name.err()).contains("class name (class)");
  }
}
