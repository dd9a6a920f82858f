package io.github.dockerfiledsl.registry;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.image.DigestResolver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A client of the OCI distribution API that reads manifests and their digests, to pin image
 * references.
 *
 * <pre>{@code
 * RegistryClient client = RegistryClient.builder()
 *     .credentials(RegistryCredentials.fromConfig(Path.of("config.json")))
 *     .insecure("127.0.0.1:5000")           // plain HTTP for this registry only
 *     .build();
 * String digest = client.digest(ImageRef.parse("127.0.0.1:5000/app:1.0"));
 * }</pre>
 *
 * <p>References are resolved as the engine names them: {@code alpine} is
 * {@code docker.io/library/alpine:latest}, and Docker Hub is asked at
 * {@code registry-1.docker.io}. Requests accept the OCI and Docker media types of image indexes
 * and image manifests, so a tag that names an index resolves to the index's digest.
 * Authentication follows the registry's {@code WWW-Authenticate} challenge: a bearer token from
 * the named realm (with the registry's credential, if any, as basic authentication) or basic
 * authentication directly. HTTPS is used unless a registry is marked insecure; a bearer realm on
 * plain HTTP is followed only for an insecure registry's own host.
 *
 * <p>Every failure is a {@link RegistryException} naming the reference, the registry and its
 * answer. Instances are thread-safe.
 */
public final class RegistryClient implements DigestResolver {
  private static final String ACCEPT = String.join(", ", Manifest.OCI_INDEX,
      Manifest.DOCKER_LIST, Manifest.OCI_MANIFEST, Manifest.DOCKER_MANIFEST);
  private static final String DOCKER_HUB_API = "registry-1.docker.io";
  private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
  private static final Pattern CHALLENGE_PARAM =
      Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]*))");

  private final Set<String> insecure;
  private final RegistryCredentials credentials;
  private final Duration timeout;
  private final Duration connectTimeout;
  private final HttpClient http;
  private final String userAgent;
  /** Authorization header per registry and repository, learnt from a challenge. */
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();

  private RegistryClient(Builder b) {
    this.insecure = Set.copyOf(b.insecure);
    this.credentials = b.credentials;
    this.timeout = b.timeout;
    this.connectTimeout = b.connectTimeout;
    this.userAgent = b.userAgent;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Returns a builder: no credentials, no insecure registries, 10 s to connect and 30 s for each
   * answer.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the digest of the manifest a reference names (the index where the tag names one),
   * as the registry's {@code Docker-Content-Digest} of a HEAD request gives it; when a registry
   * does not send that header, the manifest is fetched and hashed.
   *
   * @param reference the reference, with a tag (or none, meaning {@code latest}) or a digest
   * @return the digest, {@code sha256:...}
   * @throws RegistryException when the registry cannot be reached, refuses, or has no such
   *     manifest
   */
  @Override
  public String digest(ImageRef reference) {
    Objects.requireNonNull(reference, "reference == null");
    HttpResponse<byte[]> r = request(reference, "HEAD");
    Optional<String> header = r.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent() && isSha256(header.get())) {
      return header.get();
    }
    return manifest(reference).digest();
  }

  /**
   * Fetches the manifest a reference names, checking its bytes against the registry's
   * {@code Docker-Content-Digest} and against the reference's digest, if it has one.
   *
   * @param reference the reference
   * @return the manifest
   * @throws RegistryException when the registry cannot be reached, refuses, has no such
   *     manifest, or serves bytes that do not match the digest
   */
  public Manifest manifest(ImageRef reference) {
    Objects.requireNonNull(reference, "reference == null");
    HttpResponse<byte[]> r = request(reference, "GET");
    byte[] body = r.body();
    String digest = "sha256:" + sha256(body);
    Optional<String> header = r.headers().firstValue("Docker-Content-Digest");
    String registry = registry(reference);
    if (header.isPresent() && isSha256(header.get()) && !header.get().equals(digest)) {
      throw new RegistryException(reference.toString(), registry, r.statusCode(),
          "registry " + registry + " served a manifest for " + Text.quote(reference.toString())
              + " whose bytes hash to " + digest + ", not to its Docker-Content-Digest "
              + Text.escape(header.get()), null);
    }
    if (reference.digest().isPresent() && reference.digest().get().startsWith("sha256:")
        && !reference.digest().get().equals(digest)) {
      throw new RegistryException(reference.toString(), registry, r.statusCode(),
          "registry " + registry + " served a manifest for " + Text.quote(reference.toString())
              + " whose bytes hash to " + digest, null);
    }
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    return new Manifest(digest, type, body);
  }

  /**
   * Returns whether a registry is reached over plain HTTP.
   *
   * @param registry {@code host[:port]}
   * @return true if it was marked insecure
   */
  public boolean isInsecure(String registry) {
    return insecure.contains(registry.toLowerCase(Locale.ROOT));
  }

  private HttpResponse<byte[]> request(ImageRef reference, String method) {
    ImageRef n = reference.normalized();
    String registry = n.domain().orElseThrow();
    String host = registry.equals(ImageRef.DEFAULT_DOMAIN) ? DOCKER_HUB_API : registry;
    String scheme = isInsecure(registry) ? "http" : "https";
    String ref = n.digest().orElseGet(() -> n.tag().orElseThrow());
    URI uri = URI.create(scheme + "://" + host + "/v2/" + n.path() + "/manifests/" + ref);
    String written = reference.toString();
    String authKey = registry + "/" + n.path();
    String auth = authorizations.get(authKey);
    HttpResponse<byte[]> r = send(written, registry, uri, method, auth);
    if (r.statusCode() == 401) {
      String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
      String newAuth = authorize(written, registry, n.path(), challenge);
      r = send(written, registry, uri, method, newAuth);
      if (r.statusCode() == 401) {
        Optional<Credential> c = credentials.forRegistry(registry);
        throw new RegistryException(written, registry, 401, "cannot resolve "
            + Text.quote(written) + ": registry " + registry + " refused "
            + c.map(x -> "the credentials of user " + Text.quote(x.username()))
                .orElse("anonymous access") + " (401 Unauthorized" + errors(r) + ")", null);
      }
      authorizations.put(authKey, newAuth);
    }
    int s = r.statusCode();
    if (s == 200) {
      return r;
    }
    String what = switch (s) {
      case 404 -> "has no manifest " + n.path() + (n.digest().isPresent() ? "@" : ":") + ref;
      case 403 -> "denied access to " + n.path();
      case 429 -> "rate-limited the request";
      default -> s >= 300 && s < 400 ? "redirected to "
          + Text.escape(r.headers().firstValue("Location").orElse("(no Location)"))
          + ", which a manifest request does not follow" : "answered an error";
    };
    throw new RegistryException(written, registry, s, "cannot resolve " + Text.quote(written)
        + ": registry " + registry + " " + what + " (" + s + reason(s) + errors(r) + ")", null);
  }

  private HttpResponse<byte[]> send(String written, String registry, URI uri, String method,
      String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Accept", ACCEPT)
        .header("User-Agent", userAgent)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return exchange(written, registry, b.build(), "registry " + registry);
  }

  private HttpResponse<byte[]> exchange(String written, String registry, HttpRequest request,
      String who) {
    try {
      return send(request);
    } catch (HttpConnectTimeoutException e) {
      throw new RegistryException(written, registry, 0, "cannot resolve " + Text.quote(written)
          + ": " + who + " (" + request.uri().getAuthority() + ") did not accept a connection"
          + " in time", e);
    } catch (HttpTimeoutException e) {
      throw new RegistryException(written, registry, 0, "cannot resolve " + Text.quote(written)
          + ": " + who + " did not answer within " + seconds(timeout) + " (" + request.method()
          + " " + request.uri() + ")", e);
    } catch (ConnectException e) {
      throw new RegistryException(written, registry, 0, "cannot resolve " + Text.quote(written)
          + ": cannot reach " + who + " at " + request.uri().getScheme() + "://"
          + request.uri().getAuthority() + " (" + (e.getMessage() == null ? "connection refused"
          : Text.escape(e.getMessage())) + ")", e);
    } catch (SSLException e) {
      throw new RegistryException(written, registry, 0, "cannot resolve " + Text.quote(written)
          + ": TLS with " + who + " failed (" + Text.escape(String.valueOf(e.getMessage()))
          + "); if it serves plain HTTP, mark it insecure (--insecure-registry " + registry
          + ")", e);
    } catch (IOException e) {
      throw new RegistryException(written, registry, 0, "cannot resolve " + Text.quote(written)
          + ": " + who + " at " + request.uri().getAuthority() + " failed: "
          + Text.escape(String.valueOf(e.getMessage())), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(written, registry, 0, "cannot resolve " + Text.quote(written)
          + ": interrupted", e);
    }
  }

  /**
   * Sends a request and reads its whole answer (at most {@link #MAX_MANIFEST_BYTES}) within the
   * connect timeout plus the answer timeout; a registry that sends headers and then stalls
   * times out too.
   */
  private HttpResponse<byte[]> send(HttpRequest request)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> f =
        http.sendAsync(request, info -> new LimitedBody(MAX_MANIFEST_BYTES));
    try {
      return f.get(timeout.plus(connectTimeout).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(c), c);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new HttpTimeoutException("the answer did not arrive in time");
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    }
  }

  /** Answers a challenge: the Authorization header value to retry with. */
  private String authorize(String written, String registry, String path, String challenge) {
    Optional<Credential> c = credentials.forRegistry(registry);
    String scheme = challenge.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (scheme.equals("basic")) {
      if (c.isEmpty()) {
        throw new RegistryException(written, registry, 401, "cannot resolve "
            + Text.quote(written) + ": registry " + registry + " requires authentication"
            + " (401 Unauthorized, " + Text.escape(challenge) + ") and no credentials for "
            + registry + " were given (a config.json with 'auths', --registry-config)", null);
      }
      return basic(c.get());
    }
    if (!scheme.equals("bearer")) {
      throw new RegistryException(written, registry, 401, "cannot resolve " + Text.quote(written)
          + ": registry " + registry + " answered 401 Unauthorized with an unsupported"
          + " challenge " + Text.quote(challenge), null);
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge.strip().substring(scheme.length()));
    while (m.find()) {
      String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
      params.put(m.group(1).toLowerCase(Locale.ROOT), v);
    }
    String realm = params.get("realm");
    URI realmUri;
    try {
      realmUri = realm == null ? null : URI.create(realm);
    } catch (IllegalArgumentException e) {
      realmUri = null;
    }
    if (realmUri == null || realmUri.getHost() == null) {
      throw new RegistryException(written, registry, 401, "cannot resolve " + Text.quote(written)
          + ": registry " + registry + " asked for a bearer token without a valid realm ("
          + Text.escape(challenge) + ")", null);
    }
    boolean plainOk = isInsecure(registry) && realmUri.getAuthority() != null
        && (realmUri.getAuthority().equalsIgnoreCase(registry)
            || realmUri.getHost().equalsIgnoreCase(registry.replaceAll(":[0-9]+$", "")));
    if (!"https".equalsIgnoreCase(realmUri.getScheme())
        && !("http".equalsIgnoreCase(realmUri.getScheme()) && plainOk)) {
      throw new RegistryException(written, registry, 401, "cannot resolve " + Text.quote(written)
          + ": registry " + registry + " asked for a token from " + Text.quote(realm)
          + ", which is not HTTPS (plain HTTP is only followed to an insecure registry's own"
          + " host)", null);
    }
    StringBuilder q = new StringBuilder();
    String service = params.get("service");
    if (service != null) {
      q.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
    }
    String scope = params.getOrDefault("scope", "repository:" + path + ":pull");
    q.append(q.length() == 0 ? "" : "&").append("scope=")
        .append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
    URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + q);
    HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri).timeout(timeout)
        .header("User-Agent", userAgent).GET();
    c.ifPresent(cred -> b.header("Authorization", basic(cred)));
    String who = "token service " + realmUri.getAuthority() + " of registry " + registry;
    HttpResponse<byte[]> r = exchange(written, registry, b.build(), who);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    if (r.statusCode() != 200) {
      throw new RegistryException(written, registry, r.statusCode(), "cannot resolve "
          + Text.quote(written) + ": " + who + " refused a token"
          + c.map(x -> " for user " + Text.quote(x.username())).orElse(" for anonymous access")
          + " (" + r.statusCode() + reason(r.statusCode()) + errors(r) + ")", null);
    }
    String token = null;
    try {
      if (Json.parse(body) instanceof Map<?, ?> json) {
        Object t = json.get("token") != null ? json.get("token") : json.get("access_token");
        token = t instanceof String s && !s.isEmpty() ? s : null;
      }
    } catch (IllegalArgumentException e) {
      token = null;
    }
    if (token == null) {
      throw new RegistryException(written, registry, r.statusCode(), "cannot resolve "
          + Text.quote(written) + ": " + who + " answered without a token: "
          + Text.answer(body), null);
    }
    return "Bearer " + token;
  }

  private static String basic(Credential c) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
  }

  /** The registry's error codes and messages from an error body, as ": CODE message; ...". */
  private static String errors(HttpResponse<byte[]> r) {
    byte[] bytes = r.body();
    if (bytes == null || bytes.length == 0) {
      return "";
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    try {
      if (Json.parse(body) instanceof Map<?, ?> m && m.get("errors") instanceof List<?> list
          && !list.isEmpty()) {
        StringBuilder sb = new StringBuilder(": ");
        for (Object o : list) {
          if (o instanceof Map<?, ?> e) {
            if (sb.length() > 2) {
              sb.append("; ");
            }
            sb.append(Text.escape(String.valueOf(e.get("code"))));
            if (e.get("message") instanceof String msg) {
              sb.append(' ').append(Text.escape(msg));
            }
          }
        }
        return sb.toString();
      }
    } catch (IllegalArgumentException e) {
      // not a registry error document: show the text
    }
    return ": " + Text.answer(body);
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> " Bad Request";
      case 401 -> " Unauthorized";
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 429 -> " Too Many Requests";
      case 500 -> " Internal Server Error";
      case 502 -> " Bad Gateway";
      case 503 -> " Service Unavailable";
      default -> "";
    };
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static boolean isSha256(String digest) {
    return digest.matches("sha256:[a-f0-9]{64}");
  }

  private static String registry(ImageRef reference) {
    return reference.normalized().domain().orElseThrow();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** Builds a {@link RegistryClient}. */
  public static final class Builder {
    private final Set<String> insecure = new LinkedHashSet<>();
    private RegistryCredentials credentials = RegistryCredentials.none();
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private String userAgent = "dockerfile-dsl";

    private Builder() {}

    /**
     * Marks a registry as reached over plain HTTP (and without TLS verification, since there is
     * no TLS).
     *
     * @param registry {@code host:port} as references name it, e.g. {@code 127.0.0.1:5000}
     * @return this builder
     * @throws IllegalArgumentException when it is not a registry host with an optional port
     */
    public Builder insecure(String registry) {
      Objects.requireNonNull(registry, "registry == null");
      ImageRef probe;
      try {
        probe = ImageRef.parse(registry + "/x");
      } catch (IllegalArgumentException e) {
        probe = null;
      }
      if (probe == null || probe.domain().isEmpty() || !probe.domain().get().equals(registry)) {
        throw new IllegalArgumentException("insecure registry " + Text.quote(registry)
            + " must be host:port (or a host name with a '.', or localhost)");
      }
      insecure.add(registry.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Sets the credentials.
     *
     * @param newCredentials the credentials
     * @return this builder
     */
    public Builder credentials(RegistryCredentials newCredentials) {
      this.credentials = Objects.requireNonNull(newCredentials, "credentials == null");
      return this;
    }

    /**
     * Sets how long to wait for each answer (default 30 s).
     *
     * @param newTimeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration newTimeout) {
      this.timeout = positive(newTimeout, "timeout");
      return this;
    }

    /**
     * Sets how long to wait for a connection (default 10 s).
     *
     * @param newTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration newTimeout) {
      this.connectTimeout = positive(newTimeout, "connect timeout");
      return this;
    }

    /**
     * Sets the User-Agent header (default {@code dockerfile-dsl}).
     *
     * @param agent the value
     * @return this builder
     */
    public Builder userAgent(String agent) {
      Objects.requireNonNull(agent, "agent == null");
      if (agent.isEmpty() || agent.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
        throw new IllegalArgumentException("user agent " + Text.quote(agent)
            + " must be non-empty without control characters");
      }
      this.userAgent = agent;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public RegistryClient build() {
      return new RegistryClient(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, not " + d);
      }
      return d;
    }
  }
}
