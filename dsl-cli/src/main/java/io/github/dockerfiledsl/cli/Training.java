package io.github.dockerfiledsl.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A training run for the class-data-sharing archive: runs every command once on small inputs,
 * discarding the output, so that the JVM archives the classes a real run loads. The launcher
 * runs it with {@code -XX:ArchiveClassesAtExit} after each build.
 */
public final class Training {
  private static final String SPEC = """
      directives:
        syntax: docker/dockerfile:1
      global:
        - arg: VERSION=3.12
      stages:
        - from: python:${VERSION}
          name: build
          steps:
            - comment: dependencies
            - run:
                apt: [curl]
                mounts: [{type: cache, target: /root/.cache}]
            - run: |-
                set -eux; \\
                    make
            - copy: {src: [a, b], dest: /app/, chown: "1000"}
            - env: {A: "1"}
            - healthcheck: {command: [curl, -f, localhost], interval: 30s}
            - blank
            - cmd: [python, app.py]
        - from: {stage: build}
          steps:
            - run:
                command: <<EOF
                heredocs: {EOF: echo hi}
      """;

  /** A Dockerfile with the usual instructions, for the everyday training. */
  private static final String EVERYDAY = """
      # syntax=docker/dockerfile:1
      ARG VERSION=3.12
      FROM python:${VERSION} AS build
      WORKDIR /app
      RUN --mount=type=cache,target=/root/.cache \\
          apt-get update && apt-get install -y --no-install-recommends curl \\
          && rm -rf /var/lib/apt/lists/*
      COPY --chown=1000 requirements.txt ./
      ENV A=1 B="two words"
      RUN <<EOF
      pip install -r requirements.txt
      EOF

      FROM build
      LABEL org.opencontainers.image.title=app
      EXPOSE 8000/tcp
      USER 1000
      HEALTHCHECK --interval=30s CMD ["curl", "-f", "localhost"]
      ENTRYPOINT ["python"]
      CMD ["app.py"]
      """;

  /**
   * A second everyday Dockerfile, on Alpine and with findings of several rules on several lines,
   * so that the rules' Alpine, pip and apk paths and the sorting of findings are trained too.
   */
  private static final String ALPINE = """
      FROM python:3.12-alpine AS base
      MAINTAINER someone
      RUN apk update && apk add gcompat curl \\
          && pip install flask
      ADD app.tar.gz /app
      WORKDIR app
      EXPOSE 80/TCP 8080
      STOPSIGNAL SIGTERM
      VOLUME /data
      RUN echo hi > /data/x | cat

      FROM alpine:latest
      RUN apk add libc6-compat
      COPY --from=base /app /app
      ENTRYPOINT python /app/main.py
      """;

  private Training() {}

  /**
   * Runs the training commands.
   *
   * @param args {@code --everyday} trains only fmt and lint (for an AOT cache, whose classes
   *     are all loaded at start-up), nothing trains every command (for a CDS archive, whose
   *     classes are loaded when needed)
   */
  public static void main(String[] args) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true,
        StandardCharsets.UTF_8);
    if (args.length > 0 && args[0].equals("--everyday")) {
      files(EVERYDAY, sink);
      return;
    }
    String dockerfile = run(SPEC, sink, "render", "-");
    run(dockerfile, sink, "fmt", "-");
    run(dockerfile, sink, "import", "-");
    run(dockerfile, sink, "parse", "--json", "-");
    run(dockerfile, sink, "lint", "-");
    run(dockerfile, sink, "lint", "--format", "sarif", "-");
    run(dockerfile, sink, "to-java", "-");
    run("stages: [{frm: x}]", sink, "render", "-");
    run("", sink, "--help");
    files(dockerfile, sink);
  }

  /** Runs fmt and lint on files in a temporary directory: walking, configuration, writing. */
  private static void files(String dockerfile, PrintStream sink) {
    java.nio.file.Path dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("dockerfile-dsl-training");
      java.nio.file.Path app = java.nio.file.Files.createDirectories(dir.resolve("app"));
      java.nio.file.Files.writeString(dir.resolve(".gitignore"), "build/\n!keep\n");
      java.nio.file.Files.writeString(dir.resolve(Config.NAMES.get(0)),
          "format: {columnLimit: 100}\nlint:\n  severity: {DF113: error}\n"
          + "overrides:\n  - files: [\"app/**\"]\n    lint: {disable: [DF103]}\n");
      java.nio.file.Files.writeString(dir.resolve(Config.HADOLINT_NAMES.get(0)),
          "ignored: [DL3006]\ntrustedRegistries: [docker.io]\n");
      java.nio.file.Files.writeString(dir.resolve("Dockerfile"), ALPINE);
      java.nio.file.Path file = app.resolve("Dockerfile");
      java.nio.file.Files.writeString(file, "# training\n" + dockerfile.replace("\nRUN ", "\nrun "));
      String d = dir.toString();
      String f = file.toString();
      run("", sink, "fmt", "--check", d);
      run("", sink, "fmt", "--diff", f);
      run("", sink, "lint", "--format", "json", d);
      run("", sink, "lint", f);
      run("", sink, "lint", dir.resolve("Dockerfile").toString());
      run(dockerfile, sink, "lint", "--stdin-filepath", f);
      run("", sink, "fmt", "-w", f);
      run("", sink, "fmt", f);
    } catch (java.io.IOException | RuntimeException e) {
      // training is best effort
    } finally {
      if (dir != null) {
        try (var walk = java.nio.file.Files.walk(dir)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
          // best effort
        }
      }
    }
  }

  private static String run(String input, PrintStream err, String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), err);
    return out.toString(StandardCharsets.UTF_8);
  }
}
