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

  private Training() {}

  /**
   * Runs the training commands.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true,
        StandardCharsets.UTF_8);
    String dockerfile = run(SPEC, sink, "render", "-");
    run(dockerfile, sink, "fmt", "-");
    run(dockerfile, sink, "import", "-");
    run(dockerfile, sink, "parse", "--json", "-");
    run(dockerfile, sink, "lint", "-");
    run(dockerfile, sink, "lint", "--format", "sarif", "-");
    run(dockerfile, sink, "to-java", "-");
    run("stages: [{frm: x}]", sink, "render", "-");
    run("", sink, "--help");
  }

  private static String run(String input, PrintStream err, String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), err);
    return out.toString(StandardCharsets.UTF_8);
  }
}
