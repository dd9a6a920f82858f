package io.github.dockerfiledsl.examples;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.optimize.Apt;

/**
 * The Django application image of the seed notes, written with the builder.
 *
 * <p>It renders the seed's Dockerfile in canonical form, with one improvement made by the
 * builder's default passes: {@code pip install} gets {@code --no-cache-dir} (hadolint DL3042), so
 * pip's download cache does not end up in the layer.
 */
public final class DjangoExample {
  private DjangoExample() {}

  /**
   * Returns the Dockerfile.
   *
   * @return the Dockerfile
   */
  public static Dockerfile dockerfile() {
    return Dockerfile.from("python:3.4")
        .blankLine()
        .run(Apt.install("postgresql-client"))
        .blankLine()
        .workdir("/usr/src/app")
        .copy("requirements.txt", "./")
        .run("pip install -r requirements.txt")
        .copy(".", ".")
        .blankLine()
        .expose(8000)
        .cmd(Exec.of("python", "manage.py", "runserver", "0.0.0.0:8000"))
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
