package io.github.dockerfiledsl.registry.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * buildah for the registry tests, always on the default vfs storage with chroot isolation; the
 * local base images {@code busybox:latest} and {@code debian:bookworm-slim} come from
 * scripts/setup-buildah.sh. Pushes and pulls to the loopback registry use
 * {@code --tls-verify=false}.
 */
public final class Buildah {
  private Buildah() {}

  /** Skips the test (or fails it when {@code registry.required}) without buildah. */
  public static void assume() {
    LocalRegistry.assumeCommand("buildah");
  }

  /**
   * Runs buildah with the storage flag.
   *
   * @param args the arguments after {@code buildah --storage-driver vfs}
   * @return the output
   * @throws IOException when it fails
   */
  public static String run(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("buildah", "--storage-driver", "vfs"));
    cmd.addAll(List.of(args));
    return LocalRegistry.run(cmd);
  }

  /**
   * Pushes a local image to a registry.
   *
   * @param image the local image, e.g. {@code busybox:latest}
   * @param target the target reference, {@code host:port/repo:tag}
   * @param creds {@code user:password}, or null
   * @throws IOException when the push fails
   */
  public static void push(String image, String target, String creds) throws IOException {
    List<String> args = new ArrayList<>(List.of("push", "--tls-verify=false"));
    if (creds != null) {
      args.add("--creds");
      args.add(creds);
    }
    args.add(image);
    args.add("docker://" + target);
    run(args.toArray(String[]::new));
  }

  /**
   * Builds a two-platform manifest list from the local base images (busybox as linux/amd64,
   * debian as linux/arm64; the layers need not match the platforms for a registry test) and
   * pushes it with all its images.
   *
   * @param target the target reference
   * @param creds {@code user:password}, or null
   * @throws IOException when a step fails
   */
  public static void pushIndex(String target, String creds) throws IOException {
    String list = "dsl-registry-test-list-" + ProcessHandle.current().pid() + "-"
        + System.nanoTime();
    run("manifest", "create", list);
    try {
      run("manifest", "add", "--os", "linux", "--arch", "amd64", list, "busybox:latest");
      run("manifest", "add", "--os", "linux", "--arch", "arm64", list, "debian:bookworm-slim");
      List<String> args = new ArrayList<>(List.of("manifest", "push", "--all",
          "--tls-verify=false"));
      if (creds != null) {
        args.add("--creds");
        args.add(creds);
      }
      args.add(list);
      args.add("docker://" + target);
      run(args.toArray(String[]::new));
    } finally {
      try {
        run("manifest", "rm", list);
      } catch (IOException e) {
        // best effort
      }
    }
  }
}
