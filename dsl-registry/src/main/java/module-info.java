/**
 * dockerfile-dsl registry: an OCI distribution client that resolves image tags to manifest
 * digests (for pinning), with bearer-token and basic authentication. It needs nothing beyond the
 * JDK's {@code java.net.http}.
 */
module io.github.dockerfiledsl.registry {
  requires transitive io.github.dockerfiledsl.core; // ImageRef and DigestResolver in the API
  requires java.net.http;

  exports io.github.dockerfiledsl.registry;
}
