package io.github.dockerfiledsl.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.dockerfiledsl.ImageRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bearer-token flow of the distribution spec (Debian's registry can only issue challenges
 * for a token service it does not run), against a loopback HTTP server that plays registry and
 * token service by the spec: 401 with {@code WWW-Authenticate: Bearer realm,service,scope}, a
 * token for basic credentials, then the manifest for the token.
 */
class BearerTokenFlowTest {
  private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":"
      + "\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":"
      + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "a".repeat(64)
      + "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":"
      + "\"v7\"}}]}";
  private static final String DIGEST =
      "sha256:" + RegistryClient.sha256(MANIFEST.getBytes(StandardCharsets.UTF_8));

  private HttpServer server;
  private String host;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String realmScheme = "http";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    host = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::manifest);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void token(HttpExchange ex) throws IOException {
    requests.add("token " + ex.getRequestURI().getRawQuery() + " "
        + ex.getRequestHeaders().getFirst("Authorization"));
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        "carol:pw".getBytes(StandardCharsets.UTF_8));
    if (expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 200, "{\"token\":\"tok-123\",\"expires_in\":300}", Map.of());
    } else {
      send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad\\u0007creds\"}]}",
          Map.of());
    }
  }

  private void manifest(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
        + ex.getRequestHeaders().getFirst("Authorization"));
    if (!"Bearer tok-123".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, "", Map.of("WWW-Authenticate", "Bearer realm=\"" + realmScheme + "://" + host
          + "/token\",service=\"test-registry\",scope=\"repository:team/app:pull\""));
      return;
    }
    if (!ex.getRequestURI().getPath().equals("/v2/team/app/manifests/1.0")) {
      send(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}", Map.of());
      return;
    }
    send(ex, 200, MANIFEST, Map.of("Content-Type", Manifest.OCI_INDEX,
        "Docker-Content-Digest", DIGEST));
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head || b.length == 0 ? -1 : b.length);
    if (!head) {
      ex.getResponseBody().write(b);
    }
    ex.close();
  }

  private RegistryClient client(String user, String password) {
    return RegistryClient.builder().insecure(host)
        .credentials(RegistryCredentials.of(Map.of(host, new Credential(user, password))))
        .build();
  }

  @Test
  void fetchesATokenWithBasicCredentialsAndReusesIt() {
    RegistryClient c = client("carol", "pw");
    ImageRef ref = ImageRef.parse(host + "/team/app:1.0");
    assertThat(c.digest(ref)).isEqualTo(DIGEST);
    Manifest m = c.manifest(ref);
    assertThat(m.isIndex()).isTrue();
    assertThat(m.platforms()).containsExactly("linux/arm/v7");
    assertThat(requests).containsExactly(
        "HEAD /v2/team/app/manifests/1.0 null",
        "token service=test-registry&scope=repository%3Ateam%2Fapp%3Apull Basic "
            + Base64.getEncoder().encodeToString("carol:pw".getBytes(StandardCharsets.UTF_8)),
        "HEAD /v2/team/app/manifests/1.0 Bearer tok-123",
        "GET /v2/team/app/manifests/1.0 Bearer tok-123");
  }

  @Test
  void aRefusedTokenNamesTheUserAndTheAnswerWithControlCharactersEscaped() {
    RegistryClient c = client("carol", "wrong");
    assertThatThrownBy(() -> c.digest(ImageRef.parse(host + "/team/app:1.0")))
        .isInstanceOf(RegistryException.class)
        .hasMessage("cannot resolve '" + host + "/team/app:1.0': token service " + host
            + " of registry " + host + " refused a token for user 'carol' (401 Unauthorized:"
            + " UNAUTHORIZED bad\\u0007creds)");
  }

  @Test
  void aPlainHttpRealmOnAnotherHostIsRefused() {
    realmScheme = "http";
    // the registry is reached over HTTP here, but the realm is on another host name
    RegistryClient c = RegistryClient.builder().insecure(host).build();
    server.removeContext("/v2/");
    server.createContext("/v2/", ex -> send(ex, 401, "", Map.of("WWW-Authenticate",
        "Bearer realm=\"http://auth.example.test/token\",service=\"s\"")));
    assertThatThrownBy(() -> c.digest(ImageRef.parse(host + "/team/app:1.0")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("asked for a token from 'http://auth.example.test/token', which is"
            + " not HTTPS");
  }
}
