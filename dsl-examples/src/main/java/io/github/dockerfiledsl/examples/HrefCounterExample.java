package io.github.dockerfiledsl.examples;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.DockerfileBuilder;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.StageRef;

/**
 * The seed's multi-stage Go build (href-counter): a golang stage compiles a static binary, an
 * alpine stage copies it through a typed stage handle.
 *
 * <p>The seed copies with {@code COPY --from=0}; a stage handle renders the stage's name instead,
 * {@code builder} as in the seed's commented-out variant, since an index breaks silently when
 * stages are added or reordered.
 */
public final class HrefCounterExample {
  private HrefCounterExample() {}

  /**
   * Returns the Dockerfile.
   *
   * @return the Dockerfile
   */
  public static Dockerfile dockerfile() {
    DockerfileBuilder df = Dockerfile.builder();
    StageRef builder = df.from("golang:latest").as("builder")
        .workdir("/go/src/github.com/sparkdevo/href-counter/")
        .run("go get -d -v golang.org/x/net/html")
        .copy("app.go", ".")
        .run("CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .")
        .end();
    return df.from("alpine:latest")
        .run("apk --no-cache add ca-certificates")
        .workdir("/root/")
        .copy(builder, "/go/src/github.com/sparkdevo/href-counter/app", ".")
        .cmd(Exec.of("./app"))
        .build();
  }

  /**
   * Prints the Dockerfile.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.print(dockerfile().render());
  }
}
