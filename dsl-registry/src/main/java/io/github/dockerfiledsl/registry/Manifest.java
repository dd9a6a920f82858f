package io.github.dockerfiledsl.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A manifest as the registry serves it: an image index (manifest list) or an image manifest.
 *
 * @param digest the digest of the bytes, {@code sha256:...}, checked against the registry's
 *     {@code Docker-Content-Digest}
 * @param mediaType the media type the registry gave ({@code Content-Type})
 * @param body the bytes exactly as served
 */
public record Manifest(String digest, String mediaType, byte[] body) {

  /** OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** Docker manifest list. */
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  /** Docker image manifest, schema 2. */
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /**
   * Creates a manifest.
   *
   * @param digest the digest
   * @param mediaType the media type
   * @param body the bytes (copied)
   */
  public Manifest {
    Objects.requireNonNull(digest, "digest == null");
    Objects.requireNonNull(mediaType, "mediaType == null");
    body = body.clone();
  }

  /**
   * Returns the bytes as served.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns whether this is an image index or a Docker manifest list.
   *
   * @return true for an index
   */
  public boolean isIndex() {
    return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST)
        || declaredMediaType().equals(OCI_INDEX) || declaredMediaType().equals(DOCKER_LIST);
  }

  /**
   * Returns the platforms of an index's entries, {@code os/architecture[/variant]}, in order
   * ({@code unknown/unknown} entries such as attestations included).
   *
   * @return the platforms, empty for an image manifest
   */
  public List<String> platforms() {
    List<String> out = new ArrayList<>();
    if (!isIndex()) {
      return out;
    }
    Object root = Json.parse(new String(body, StandardCharsets.UTF_8));
    if (root instanceof Map<?, ?> m && m.get("manifests") instanceof List<?> entries) {
      for (Object e : entries) {
        if (e instanceof Map<?, ?> entry && entry.get("platform") instanceof Map<?, ?> p) {
          String s = p.get("os") + "/" + p.get("architecture");
          if (p.get("variant") instanceof String v && !v.isEmpty()) {
            s += "/" + v;
          }
          out.add(s);
        }
      }
    }
    return out;
  }

  private String declaredMediaType() {
    try {
      Object root = Json.parse(new String(body, StandardCharsets.UTF_8));
      if (root instanceof Map<?, ?> m && m.get("mediaType") instanceof String t) {
        return t;
      }
    } catch (IllegalArgumentException e) {
      // not JSON: no declared type
    }
    return "";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && digest.equals(m.digest) && mediaType.equals(m.mediaType)
        && java.util.Arrays.equals(body, m.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digest, mediaType, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "Manifest[" + digest + ", " + mediaType + ", " + body.length + " bytes]";
  }
}
