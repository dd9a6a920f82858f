package io.github.dockerfiledsl.image;

import io.github.dockerfiledsl.ImageRef;

/**
 * Resolves a tagged image reference to the digest of the manifest its tag names today: the image
 * index (manifest list) where the registry has one, else the image manifest.
 *
 * <p>The core library does no network I/O; the registry module's client implements this.
 */
@FunctionalInterface
public interface DigestResolver {

  /**
   * Returns the digest the reference's tag names now.
   *
   * @param reference a reference with a tag and no digest, e.g. {@code alpine:3.20}
   * @return the digest, {@code algorithm:hex}, e.g. {@code sha256:...}
   * @throws ImageResolutionException when the registry cannot be asked or has no such tag
   */
  String digest(ImageRef reference);
}
