package io.github.dockerfiledsl.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.optimize.Passes;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.registry.testing.Buildah;
import io.github.dockerfiledsl.registry.testing.LocalRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real registry (docker-registry on a loopback port), once anonymous and
 * once with htpasswd authentication, with images pushed by buildah; digests are compared with the
 * registry's own HEAD answer.
 */
class RegistryClientTest {
  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret-pw";

  private static LocalRegistry open;
  private static LocalRegistry secured;

  @BeforeAll
  static void start() throws IOException {
    Buildah.assume();
    open = LocalRegistry.start();
    Buildah.push("busybox:latest", open.host() + "/tools/busybox:1.36", null);
    Buildah.pushIndex(open.host() + "/multi:1", null);
    secured = LocalRegistry.startWithAuth(USER, PASSWORD);
    Buildah.push("busybox:latest", secured.host() + "/private/app:1.0", USER + ":" + PASSWORD);
  }

  @AfterAll
  static void stop() throws IOException {
    Buildah.remove("localhost/dsl-registry-test-variant:arm64");
    if (open != null) {
      open.close();
    }
    if (secured != null) {
      secured.close();
    }
  }

  private static RegistryClient client(LocalRegistry r) {
    return RegistryClient.builder().insecure(r.host()).timeout(Duration.ofSeconds(10)).build();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void digestOfATagIsTheRegistrysOwnDigest() throws IOException {
    String expected = open.headDigest("tools/busybox", "1.36", null);
    RegistryClient c = client(open);
    ImageRef ref = ImageRef.parse(open.host() + "/tools/busybox:1.36");
    assertThat(c.digest(ref)).isEqualTo(expected).matches("sha256:[a-f0-9]{64}");
    Manifest m = c.manifest(ref);
    assertThat(m.digest()).isEqualTo(expected);
    assertThat(m.isIndex()).isFalse();
    assertThat(m.mediaType()).isIn(Manifest.OCI_MANIFEST, Manifest.DOCKER_MANIFEST);
    // by digest: the same manifest, and its bytes are checked against the digest
    assertThat(c.manifest(ref.withDigest(expected)).digest()).isEqualTo(expected);
  }

  @Test
  void aMultiPlatformTagResolvesToTheIndexDigest() throws IOException {
    String expected = open.headDigest("multi", "1", null);
    RegistryClient c = client(open);
    ImageRef ref = ImageRef.parse(open.host() + "/multi:1");
    assertThat(c.digest(ref)).isEqualTo(expected);
    Manifest m = c.manifest(ref);
    assertThat(m.isIndex()).isTrue();
    assertThat(m.digest()).isEqualTo(expected);
    assertThat(m.platforms()).containsExactly("linux/amd64", "linux/arm64");
    // the index digest is not the digest of either platform's manifest
    assertThat(expected).isNotEqualTo(open.headDigest("tools/busybox", "1.36", null));
  }

  @Test
  void theLintersTagRulesPinWithTheRegistrysDigest() throws IOException {
    String expected = open.headDigest("tools/busybox", "1.36", null);
    Buildah.push("busybox:latest", open.host() + "/lint/base:latest", null);
    String latest = open.headDigest("lint/base", "latest", null);
    Linter linter = Linter.defaults().only("DF113", "DF114").withResolver(client(open));
    String text = "FROM " + open.host() + "/lint/base\n"
        + "FROM " + open.host() + "/tools/busybox:1.36\n";

    String fixed = linter.fix("Dockerfile", text);

    assertThat(fixed).isEqualTo("FROM " + open.host() + "/lint/base:latest@" + latest + "\n\n"
        + "FROM " + open.host() + "/tools/busybox:1.36\n");
    assertThat(latest).isEqualTo(expected); // the same image under two names
    // the model pass pins both, as the CLI does
    assertThat(Passes.apply(DockerfileParser.parse(text), List.of(Passes.pin(client(open))))
        .render()).contains("/tools/busybox:1.36@" + expected + "\n");
  }

  @Test
  void anUnknownTagIsA404NamingTheReference() {
    RegistryClient c = client(open);
    String ref = open.host() + "/tools/busybox:9.9";
    assertThatThrownBy(() -> c.digest(ImageRef.parse(ref)))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("'" + ref + "'")
        .hasMessageContaining("registry " + open.host())
        .hasMessageContaining("has no manifest tools/busybox:9.9 (404 Not Found")
        .satisfies(e -> assertThat(((RegistryException) e).status()).hasValue(404));
    assertThatThrownBy(() -> c.manifest(ImageRef.parse(open.host() + "/nothing/here:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessage("cannot resolve '" + open.host() + "/nothing/here:1': registry "
            + open.host() + " has no manifest nothing/here:1 (404 Not Found: MANIFEST_UNKNOWN"
            + " manifest unknown)");
  }

  @Test
  void tlsToAPlainHttpRegistrySuggestsMarkingItInsecure() {
    RegistryClient c = RegistryClient.builder().timeout(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> c.digest(ImageRef.parse(open.host() + "/tools/busybox:1.36")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("--insecure-registry " + open.host());
  }

  @Test
  void anUnreachableRegistryIsAClearError() throws IOException {
    int port = LocalRegistry.freePort();
    RegistryClient c = RegistryClient.builder().insecure("127.0.0.1:" + port).build();
    assertThatThrownBy(() -> c.digest(ImageRef.parse("127.0.0.1:" + port + "/a:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("cannot reach registry 127.0.0.1:" + port)
        .satisfies(e -> assertThat(((RegistryException) e).status()).isEmpty());
  }

  @Test
  void aRegistryThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept());
          }
        } catch (IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String host = "127.0.0.1:" + silent.getLocalPort();
      RegistryClient c = RegistryClient.builder().insecure(host)
          .timeout(Duration.ofMillis(700)).build();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> c.digest(ImageRef.parse(host + "/a:1")))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("'" + host + "/a:1'")
          .hasMessageContaining("did not answer within 700ms");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void anAuthenticatedRegistryWithoutCredentialsIsA401() {
    RegistryClient c = client(secured);
    assertThatThrownBy(() -> c.digest(ImageRef.parse(secured.host() + "/private/app:1.0")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("requires authentication (401 Unauthorized")
        .hasMessageContaining("no credentials for " + secured.host())
        .satisfies(e -> assertThat(((RegistryException) e).status()).hasValue(401));
  }

  @Test
  void wrongCredentialsAreRefused() {
    RegistryClient c = RegistryClient.builder().insecure(secured.host())
        .credentials(RegistryCredentials.of(Map.of(secured.host(), new Credential(USER, "nope"))))
        .build();
    assertThatThrownBy(() -> c.digest(ImageRef.parse(secured.host() + "/private/app:1.0")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("refused the credentials of user 'alice'")
        .hasMessageContaining("401 Unauthorized")
        .hasMessageNotContaining("nope");
  }

  @Test
  void credentialsFromAConfigJsonResolveTheDigest(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("config.json");
    Files.writeString(config, "{\"auths\": {\"http://" + secured.host() + "\": {\"auth\": \""
        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(
            StandardCharsets.UTF_8)) + "\"}}}");
    RegistryClient c = RegistryClient.builder().insecure(secured.host())
        .credentials(RegistryCredentials.fromConfig(config)).build();
    ImageRef ref = ImageRef.parse(secured.host() + "/private/app:1.0");
    String expected = secured.headDigest("private/app", "1.0", basic());
    assertThat(c.digest(ref)).isEqualTo(expected);
    assertThat(c.manifest(ref).digest()).isEqualTo(expected);
    // a second reference reuses the learnt authorization and still works
    assertThat(c.digest(ImageRef.parse(secured.host() + "/private/app@" + expected)))
        .isEqualTo(expected);
  }
}
