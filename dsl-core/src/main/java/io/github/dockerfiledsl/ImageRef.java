package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated image reference, {@code [domain/]path[:tag][@digest]}, as the container registry
 * distribution reference grammar defines it.
 *
 * <p>{@code ImageRef.parse("golang:1.22")} is the reference written {@code golang:1.22}; its
 * {@link #normalized() normalized} form is {@code docker.io/library/golang:1.22} and its
 * {@link #shortForm() short form} {@code golang:1.22}.
 *
 * <p>Equality is by the parts as written: {@code golang} and {@code docker.io/library/golang} are
 * different values with equal {@link #normalized()} forms.
 */
public final class ImageRef {

  /** The default registry of unqualified references. */
  public static final String DEFAULT_DOMAIN = "docker.io";

  private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int MAX_NAME_LENGTH = 255;

  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
              + "|\\[[a-fA-F0-9:]+\\]");
  private static final Pattern PORT = Pattern.compile("[0-9]+");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST_HEX = Pattern.compile("[a-f0-9]+");

  private final Optional<String> domain;
  private final String path;
  private final Optional<String> tag;
  private final Optional<String> digest;

  private ImageRef(
      Optional<String> domain, String path, Optional<String> tag, Optional<String> digest) {
    this.domain = domain;
    this.path = path;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses and validates a reference such as {@code alpine}, {@code golang:1.22-alpine},
   * {@code ghcr.io/org/app@sha256:...} or {@code localhost:5000/team/app:v1}.
   *
   * @param reference the reference
   * @return the reference
   * @throws IllegalArgumentException naming the reference and what is wrong with it
   */
  public static ImageRef parse(String reference) {
    Checks.notNull(reference, "image reference");
    String rest = reference;
    if (rest.isEmpty()) {
      throw invalid(reference, "must not be empty");
    }
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      String d = rest.substring(at + 1);
      checkDigest(reference, d);
      digest = Optional.of(d);
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      String t = rest.substring(colon + 1);
      if (!TAG.matcher(t).matches()) {
        throw invalid(reference, "has an invalid tag " + Checks.quote(t) + "; a tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
      }
      tag = Optional.of(t);
      rest = rest.substring(0, colon);
    }
    Optional<String> domain = Optional.empty();
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (first.equals("localhost") || first.contains(".") || first.contains(":")) {
        checkDomain(reference, first);
        domain = Optional.of(first);
        rest = rest.substring(slash + 1);
      }
    }
    checkPath(reference, rest);
    return new ImageRef(domain, rest, tag, digest);
  }

  /**
   * Returns whether the string is a valid reference.
   *
   * @param reference the string
   * @return true if {@link #parse(String)} accepts it
   */
  public static boolean isValid(String reference) {
    try {
      parse(reference);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Creates a reference from a name and a tag: {@code ImageRef.of("debian", "bookworm-slim")}.
   *
   * @param name the name, {@code [domain/]path}
   * @param tag the tag
   * @return the reference
   */
  public static ImageRef of(String name, String tag) {
    Checks.notNull(name, "name");
    Checks.notNull(tag, "tag");
    ImageRef base = parse(name);
    Checks.check(
        base.tag.isEmpty() && base.digest.isEmpty(),
        "image name (%s) must not carry a tag or digest",
        Checks.quote(name));
    return parse(name + ":" + tag);
  }

  private static void checkDigest(String reference, String d) {
    int c = d.indexOf(':');
    if (c <= 0) {
      throw invalid(reference, "has an invalid digest " + Checks.quote(d) + "; expected algorithm:hex");
    }
    String alg = d.substring(0, c);
    String hex = d.substring(c + 1);
    int expected;
    switch (alg) {
      case "sha256" -> expected = 64;
      case "sha384" -> expected = 96;
      case "sha512" -> expected = 128;
      default -> throw invalid(
          reference, "has an unsupported digest algorithm " + Checks.quote(alg) + "; expected sha256, sha384 or sha512");
    }
    if (hex.length() != expected || !DIGEST_HEX.matcher(hex).matches()) {
      throw invalid(
          reference,
          "has an invalid " + alg + " digest; expected " + expected + " lower-case hex digits");
    }
  }

  private static void checkDomain(String reference, String domain) {
    String host = domain;
    if (domain.startsWith("[") && domain.indexOf(']') < 0) {
      throw invalid(reference, "has an invalid registry host " + Checks.quote(domain) + "; an IPv6 address"
          + " needs a closing ']'");
    }
    int portColon =
        domain.startsWith("[") ? domain.indexOf(':', domain.indexOf(']')) : domain.indexOf(':');
    if (portColon >= 0) {
      String port = domain.substring(portColon + 1);
      if (!PORT.matcher(port).matches()) {
        throw invalid(reference, "has an invalid registry port " + Checks.quote(port));
      }
      host = domain.substring(0, portColon);
    }
    if (!HOST.matcher(host).matches()) {
      throw invalid(reference, "has an invalid registry host " + Checks.quote(host));
    }
  }

  private static void checkPath(String reference, String path) {
    if (path.isEmpty()) {
      throw invalid(reference, "has an empty repository name");
    }
    if (path.length() > MAX_NAME_LENGTH) {
      throw invalid(reference, "has a repository name longer than 255 characters");
    }
    if (!path.equals(path.toLowerCase(java.util.Locale.ROOT))) {
      throw invalid(reference, "has an upper-case repository name " + Checks.quote(path) + "; repository names must be lower case");
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        throw invalid(
            reference,
            "has an invalid path component "
                + Checks.quote(component)
                + "; expected lower-case letters and digits separated by '.', '_', '__' or '-'");
      }
    }
  }

  private static IllegalArgumentException invalid(String reference, String what) {
    return new IllegalArgumentException("image reference " + Checks.quote(reference) + " " + what);
  }

  /**
   * Returns the registry as written, if any.
   *
   * @return the registry host (and port)
   */
  public Optional<String> domain() {
    return domain;
  }

  /**
   * Returns the repository path as written, without registry, tag or digest.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the tag as written, if any.
   *
   * @return the tag
   */
  public Optional<String> tag() {
    return tag;
  }

  /**
   * Returns the digest ({@code algorithm:hex}), if any.
   *
   * @return the digest
   */
  public Optional<String> digest() {
    return digest;
  }

  /**
   * Returns the name, {@code [domain/]path}, as written.
   *
   * @return the name
   */
  public String name() {
    return domain.map(d -> d + "/" + path).orElse(path);
  }

  /**
   * Returns this reference with the given tag.
   *
   * @param newTag the tag
   * @return a new reference
   */
  public ImageRef withTag(String newTag) {
    return parse(name() + ":" + Checks.notNull(newTag, "tag") + digest.map(d -> "@" + d).orElse(""));
  }

  /**
   * Returns this reference with the given digest.
   *
   * @param newDigest the digest, {@code algorithm:hex}
   * @return a new reference
   */
  public ImageRef withDigest(String newDigest) {
    return parse(name() + tag.map(t -> ":" + t).orElse("") + "@" + Checks.notNull(newDigest, "digest"));
  }

  /**
   * Returns the fully qualified form: registry {@code docker.io} where none is given, the
   * {@code library/} prefix for one-component official images, {@code index.docker.io} replaced
   * by {@code docker.io}, and tag {@code latest} where neither tag nor digest is given.
   *
   * @return the normalized reference
   */
  public ImageRef normalized() {
    String d = domain.orElse(DEFAULT_DOMAIN);
    if (d.equals(LEGACY_DEFAULT_DOMAIN)) {
      d = DEFAULT_DOMAIN;
    }
    String p = path;
    if (d.equals(DEFAULT_DOMAIN) && !p.contains("/")) {
      p = OFFICIAL_PREFIX + p;
    }
    Optional<String> t = tag.isEmpty() && digest.isEmpty() ? Optional.of("latest") : tag;
    return new ImageRef(Optional.of(d), p, t, digest);
  }

  /**
   * Returns the familiar short form: the default registry and the {@code library/} prefix
   * removed, tag and digest kept as written ({@code docker.io/library/redis:7} gives
   * {@code redis:7}).
   *
   * @return the short reference
   */
  public ImageRef shortForm() {
    ImageRef n = normalized();
    String p = n.path;
    Optional<String> d = n.domain;
    if (d.orElseThrow().equals(DEFAULT_DOMAIN)) {
      d = Optional.empty();
      if (p.startsWith(OFFICIAL_PREFIX) && p.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
        p = p.substring(OFFICIAL_PREFIX.length());
      }
    }
    return new ImageRef(d, p, tag, digest);
  }

  /**
   * Returns whether the reference names neither a tag nor a digest, or the tag {@code latest}.
   *
   * @return true if the image is not pinned to a version
   */
  public boolean isLatest() {
    return digest.isEmpty() && tag.map("latest"::equals).orElse(true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageRef r
        && domain.equals(r.domain)
        && path.equals(r.path)
        && tag.equals(r.tag)
        && digest.equals(r.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, path, tag, digest);
  }

  /**
   * Returns the reference as written: {@code [domain/]path[:tag][@digest]}.
   *
   * @return the reference text
   */
  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
