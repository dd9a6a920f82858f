package io.github.dockerfiledsl.registry.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real registry for tests: Debian's {@code docker-registry serve CONFIG} on a free loopback
 * port, with filesystem storage in a temporary directory and, optionally, htpasswd (bcrypt)
 * authentication. Stopped by its process id on {@link #close()}.
 *
 * <p>When {@code docker-registry} (or {@code htpasswd}, for authentication) is missing, the test
 * is skipped with a message, unless the system property {@code registry.required} is
 * {@code true} (as CI sets it), which makes it fail instead.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(20);

  private final Process process;
  private final Path dir;
  private final int port;
  private final Path log;

  private LocalRegistry(Process process, Path dir, int port, Path log) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.log = log;
  }

  /**
   * Returns whether the registry tests are mandatory ({@code -Dregistry.required=true}).
   *
   * @return true in CI
   */
  public static boolean required() {
    return Boolean.getBoolean("registry.required");
  }

  /**
   * Skips the test (or fails it when required) unless a command is on the PATH.
   *
   * @param command the command
   */
  public static void assumeCommand(String command) {
    boolean found = onPath(command);
    if (!found && required()) {
      throw new AssertionError(command + " is not on the PATH but registry.required=true"
          + " (run scripts/setup-registry.sh and scripts/setup-buildah.sh)");
    }
    Assumptions.assumeTrue(found, command + " is not on the PATH: test skipped (run"
        + " scripts/setup-registry.sh, or -Dregistry.required=true to make this a failure)");
  }

  /**
   * Returns whether a command is on the PATH.
   *
   * @param command the command
   * @return true if an executable file of that name is found
   */
  public static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts a registry without authentication.
   *
   * @return the running registry
   * @throws IOException when it cannot be started
   */
  public static LocalRegistry start() throws IOException {
    return start(null, null);
  }

  /**
   * Starts a registry that requires basic authentication for one user (htpasswd, bcrypt).
   *
   * @param user the user
   * @param password the password
   * @return the running registry
   * @throws IOException when it cannot be started
   */
  public static LocalRegistry startWithAuth(String user, String password) throws IOException {
    return start(user, password);
  }

  private static LocalRegistry start(String user, String password) throws IOException {
    assumeCommand("docker-registry");
    Path dir = Files.createTempDirectory("registry-test-");
    StringBuilder config = new StringBuilder();
    int port = freePort();
    config.append("version: 0.1\n")
        .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data"))
        .append("\n  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
    if (user != null) {
      assumeCommand("htpasswd");
      Path htpasswd = dir.resolve("htpasswd");
      run(List.of("htpasswd", "-B", "-b", "-c", htpasswd.toString(), user, password));
      config.append("auth:\n  htpasswd:\n    realm: test-realm\n    path: ").append(htpasswd)
          .append('\n');
    }
    Path configFile = dir.resolve("config.yml");
    Files.writeString(configFile, config.toString(), StandardCharsets.UTF_8);
    Path log = dir.resolve("registry.log");
    Process p = new ProcessBuilder("docker-registry", "serve", configFile.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    LocalRegistry r = new LocalRegistry(p, dir, port, log);
    try {
      r.awaitReady();
    } catch (IOException | RuntimeException | Error e) {
      r.close();
      throw e;
    }
    return r;
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry exited with " + process.exitValue() + ": "
            + Files.readString(log));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/v2/").toURL()
            .openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        int status = c.getResponseCode();
        c.disconnect();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    throw new IOException("docker-registry did not answer on " + url() + " within " + READY
        + ": " + Files.readString(log));
  }

  /**
   * Returns a free TCP port on the loopback interface (it may be taken again before use, which
   * the registry then reports).
   *
   * @return the port
   * @throws IOException when no port can be bound
   */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Returns the registry as references name it.
   *
   * @return {@code 127.0.0.1:PORT}
   */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /**
   * Returns the base URL.
   *
   * @return {@code http://127.0.0.1:PORT}
   */
  public String url() {
    return "http://" + host();
  }

  /**
   * Asks the registry itself (a plain HEAD, accepting every manifest media type) for the
   * {@code Docker-Content-Digest} of a manifest.
   *
   * @param repository the repository path
   * @param reference a tag or digest
   * @param basicAuth the {@code Authorization} header, or null
   * @return the digest the registry reports
   * @throws IOException when the request fails or the header is missing
   */
  public String headDigest(String repository, String reference, String basicAuth)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/v2/" + repository
        + "/manifests/" + reference).toURL().openConnection();
    c.setRequestMethod("HEAD");
    c.setRequestProperty("Accept", "application/vnd.oci.image.index.v1+json,"
        + " application/vnd.docker.distribution.manifest.list.v2+json,"
        + " application/vnd.oci.image.manifest.v1+json,"
        + " application/vnd.docker.distribution.manifest.v2+json");
    if (basicAuth != null) {
      c.setRequestProperty("Authorization", basicAuth);
    }
    int status = c.getResponseCode();
    String digest = c.getHeaderField("Docker-Content-Digest");
    c.disconnect();
    if (status != 200 || digest == null) {
      throw new IOException("HEAD " + repository + ":" + reference + " answered " + status);
    }
    return digest;
  }

  /**
   * Returns the registry's log so far.
   *
   * @return the log text
   */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Stops the registry by its process id and deletes its storage. */
  @Override
  public void close() throws IOException {
    ProcessHandle h = process.toHandle();
    h.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        h.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  /**
   * Runs a command, failing with its output when it exits non-zero.
   *
   * @param command the command
   * @return its output (standard output and error)
   * @throws IOException when it cannot run or fails
   */
  public static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
          + out);
    }
    return out;
  }

  /**
   * Deletes a directory tree (best effort).
   *
   * @param root the directory
   */
  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(paths::add);
    } catch (IOException e) {
      return;
    }
    for (Path p : paths) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // best effort
      }
    }
  }
}
