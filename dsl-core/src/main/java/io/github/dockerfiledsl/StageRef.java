package io.github.dockerfiledsl;

import java.util.Optional;

/**
 * A typed handle on a stage being written with the builder, for {@code COPY --from}, {@code
 * FROM <stage>} and {@code RUN --mount=from=<stage>}.
 *
 * <p>{@link Stage} is the immutable model of a finished stage; a {@code StageRef} is the handle
 * the builder gives out while the Dockerfile is being written. Only the builder creates handles
 * ({@link InstructionStep#end()}), and only for a stage that already exists, so a forward
 * reference cannot be written:
 *
 * <pre>{@code
 * DockerfileBuilder df = Dockerfile.builder();
 * StageRef build = df.from("golang:1.22").as("build")
 *     .run("go build -o /out/app .")
 *     .end();
 * Dockerfile d = df.from("alpine:3.20")
 *     .copy(build, "/out/app", "/usr/local/bin/app")
 *     .build();
 * // FROM golang:1.22 AS build
 * // RUN go build -o /out/app .
 * //
 * // FROM alpine:3.20
 * // COPY --from=build /out/app /usr/local/bin/app
 * }</pre>
 *
 * <p>A handle compares by identity. A stage without {@code as(..)} that another stage refers to
 * is named {@code stage-<index>} by {@code build()}.
 */
public final class StageRef {
  private final Optional<String> name;

  StageRef(Optional<String> name) {
    this.name = name;
  }

  /**
   * Returns the name given with {@code as(..)}, if any.
   *
   * @return the name
   */
  public Optional<String> name() {
    return name;
  }

  @Override
  public String toString() {
    return "StageRef" + name.map(n -> "[" + n + "]").orElse("[unnamed]");
  }
}
