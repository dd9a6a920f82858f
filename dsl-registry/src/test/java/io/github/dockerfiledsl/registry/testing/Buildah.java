package io.github.dockerfiledsl.registry.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * buildah for the registry tests, on the default vfs storage (or the store that
 * {@code CONTAINERS_STORAGE_CONF} names) with chroot isolation; the local base images {@code
 * busybox:latest} and {@code debian:bookworm-slim} come from
 * scripts/setup-buildah.sh. Pushes and pulls to the loopback registry use
 * {@code --tls-verify=false}.
 */
public final class Buildah {
  private Buildah() {}

  /**
   * Skips the test (or fails it when {@code registry.required}) without buildah or without the
   * local base image {@code busybox:latest}.
   */
  public static void assume() {
    LocalRegistry.assumeCommand("buildah");
    boolean image;
    try {
      run("inspect", "--type", "image", "busybox:latest");
      image = true;
    } catch (IOException e) {
      image = false;
    }
    if (!image && LocalRegistry.required()) {
      throw new AssertionError("the local image busybox:latest is missing but"
          + " registry.required=true (run scripts/setup-buildah.sh)");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(image, "the local image busybox:latest is"
        + " missing: test skipped (run scripts/setup-buildah.sh)");
  }

  /**
   * Creates (once per label) a small image that differs from {@code busybox:latest} only by a
   * label, so that it has a manifest of its own without copying another base image.
   *
   * @param label the label value
   * @return the local image name
   * @throws IOException when a step fails
   */
  public static synchronized String variant(String label) throws IOException {
    String name = "localhost/dsl-registry-test-variant:" + label;
    try {
      run("inspect", "--type", "image", name);
      return name;
    } catch (IOException e) {
      // not there yet
    }
    String container = run("from", "--pull=never", "busybox:latest").strip();
    try {
      run("config", "--label", "dsl-registry-test=" + label, container);
      run("commit", "--quiet", container, name);
    } finally {
      run("rm", container);
    }
    return name;
  }

  /**
   * Removes a local image name (best effort).
   *
   * @param name the name
   */
  public static void remove(String name) {
    try {
      run("rmi", name);
    } catch (IOException e) {
      // not there
    }
  }

  /**
   * The global options of every buildah call: {@code --storage-driver vfs} (the store of
   * scripts/setup-buildah.sh), or none when {@code CONTAINERS_STORAGE_CONF} chooses the store, as
   * CI's podman set-up does.
   */
  private static final List<String> GLOBAL_OPTIONS = System.getenv("CONTAINERS_STORAGE_CONF") == null
      ? List.of("--storage-driver", "vfs") : List.of();

  /**
   * Runs buildah with the storage options.
   *
   * @param args the arguments after {@code buildah} and its global storage options
   * @return the output
   * @throws IOException when it fails
   */
  public static String run(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("buildah"));
    cmd.addAll(GLOBAL_OPTIONS);
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
   * Builds a two-platform manifest list (busybox as linux/amd64 and a labelled variant of it as
   * linux/arm64; the layers need not match the platforms for a registry test) and pushes it with
   * all its images.
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
      run("manifest", "add", "--os", "linux", "--arch", "arm64", list, variant("arm64"));
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
