package io.github.dockerfiledsl.examples;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.ImageRef;

/**
 * Copies a binary out of another image, as in the seed's {@code COPY
 * --from=lachlanevenson/k8s-kubectl:v1.10.3 ...}: {@code COPY --from} takes an {@link ImageRef},
 * validated when it is parsed, never a bare string.
 *
 * <p>The seed is a single COPY line; the FROM and ENTRYPOINT around it make it a complete image.
 */
public final class KubectlExample {
  /** The image that ships the kubectl binary. */
  public static final ImageRef KUBECTL = ImageRef.parse("lachlanevenson/k8s-kubectl:v1.10.3");

  private KubectlExample() {}

  /**
   * Returns the Dockerfile.
   *
   * @return the Dockerfile
   */
  public static Dockerfile dockerfile() {
    return Dockerfile.from("alpine:3.20")
        .copy(KUBECTL, "/usr/local/bin/kubectl", "/usr/local/bin/kubectl")
        .entrypoint(Exec.of("kubectl"))
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
