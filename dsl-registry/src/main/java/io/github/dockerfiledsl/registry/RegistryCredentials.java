package io.github.dockerfiledsl.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials per registry, read from a Docker {@code config.json} ({@code auths}: {@code auth}
 * as base64 of {@code user:password}, or {@code username} and {@code password}).
 *
 * <p>Keys are matched as the Docker CLI writes them: a scheme and a path are ignored
 * ({@code https://index.docker.io/v1/} is Docker Hub, {@code http://127.0.0.1:5000} is
 * {@code 127.0.0.1:5000}), and {@code index.docker.io} and {@code registry-1.docker.io} mean
 * {@code docker.io}. Credential helpers ({@code credsStore}, {@code credHelpers}) and identity
 * tokens are not supported yet; an entry that only has an identity token is ignored.
 */
public final class RegistryCredentials {
  private static final RegistryCredentials NONE = new RegistryCredentials(Map.of());

  private final Map<String, Credential> byRegistry;

  private RegistryCredentials(Map<String, Credential> byRegistry) {
    this.byRegistry = Map.copyOf(byRegistry);
  }

  /**
   * Returns no credentials: every request is anonymous.
   *
   * @return the empty set
   */
  public static RegistryCredentials none() {
    return NONE;
  }

  /**
   * Returns credentials from a map of registry to credential.
   *
   * @param byRegistry registry ({@code host[:port]}, or a config.json key) to credential
   * @return the credentials
   */
  public static RegistryCredentials of(Map<String, Credential> byRegistry) {
    Map<String, Credential> m = new LinkedHashMap<>();
    byRegistry.forEach((k, v) -> m.put(registryKey(k), Objects.requireNonNull(v)));
    return new RegistryCredentials(m);
  }

  /**
   * Returns the default Docker configuration file: {@code $DOCKER_CONFIG/config.json}, else
   * {@code ~/.docker/config.json}, if it exists.
   *
   * @return the file, or empty
   */
  public static Optional<Path> defaultConfigFile() {
    String dir = System.getenv("DOCKER_CONFIG");
    Path p = dir != null && !dir.isEmpty() ? Path.of(dir, "config.json")
        : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Reads the {@code auths} of a Docker {@code config.json}.
   *
   * @param file the file
   * @return the credentials
   * @throws IllegalArgumentException naming the file (and line and column, or the entry) when it
   *     cannot be read or is not a valid configuration
   */
  public static RegistryCredentials fromConfig(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /**
   * Parses the text of a Docker {@code config.json}.
   *
   * @param name the file name for messages
   * @param text the JSON text
   * @return the credentials
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static RegistryCredentials parse(String name, String text) {
    Object root;
    try {
      root = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ":" + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new IllegalArgumentException(name + ": expected a JSON object at the top");
    }
    Object auths = top.get("auths");
    if (auths == null) {
      return none();
    }
    if (!(auths instanceof Map<?, ?> entries)) {
      throw new IllegalArgumentException(name + ": 'auths' must be an object");
    }
    Map<String, Credential> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      String key = (String) e.getKey();
      String where = name + ": auths." + Text.quote(key);
      if (!(e.getValue() instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      Optional<Credential> c = credential(where, entry);
      if (c.isPresent()) {
        out.put(registryKey(key), c.get());
      }
    }
    return new RegistryCredentials(out);
  }

  private static Optional<Credential> credential(String where, Map<?, ?> entry) {
    Object auth = entry.get("auth");
    if (auth instanceof String a && !a.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(a.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(where + ".auth is not base64: " + ex.getMessage());
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(where + ".auth must be base64 of user:password"
            + " (no ':' after decoding)");
      }
      return Optional.of(new Credential(decoded.substring(0, colon),
          decoded.substring(colon + 1)));
    }
    if (auth != null && !(auth instanceof String)) {
      throw new IllegalArgumentException(where + ".auth must be a string");
    }
    Object user = entry.get("username");
    Object pass = entry.get("password");
    if (user instanceof String u && pass instanceof String p && !u.isEmpty()) {
      return Optional.of(new Credential(u, p));
    }
    for (String k : List.of("username", "password")) {
      Object v = entry.get(k);
      if (v != null && !(v instanceof String)) {
        throw new IllegalArgumentException(where + "." + k + " must be a string");
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the credential for a registry.
   *
   * @param registry the registry as a reference names it ({@code docker.io},
   *     {@code 127.0.0.1:5000})
   * @return the credential, or empty
   */
  public Optional<Credential> forRegistry(String registry) {
    return Optional.ofNullable(byRegistry.get(registryKey(registry)));
  }

  /**
   * Returns the registries that have a credential.
   *
   * @return the registries, normalized
   */
  public java.util.Set<String> registries() {
    return byRegistry.keySet();
  }

  /**
   * Normalizes a config.json key or a registry name: no scheme, no path, lower-case host, and
   * Docker Hub's names as {@code docker.io}.
   */
  static String registryKey(String key) {
    String k = key.strip();
    int scheme = k.indexOf("://");
    if (scheme >= 0) {
      k = k.substring(scheme + 3);
    }
    int slash = k.indexOf('/');
    if (slash >= 0) {
      k = k.substring(0, slash);
    }
    k = k.toLowerCase(Locale.ROOT);
    if (k.equals("index.docker.io") || k.equals("registry-1.docker.io")) {
      k = "docker.io";
    }
    return k;
  }
}
