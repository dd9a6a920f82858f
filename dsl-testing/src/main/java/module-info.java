/**
 * dockerfile-dsl testing: image fixtures built through Testcontainers (or buildah and podman), a
 * JUnit 5 extension that builds and removes them, and AssertJ assertions on Dockerfile models
 * and on built images.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.dockerfiledsl.testing {
  requires transitive io.github.dockerfiledsl.core; // Dockerfile and BuildContext in the API
  requires transitive org.assertj.core; // the assertion classes extend AbstractAssert
  requires transitive org.junit.jupiter.api; // the extension
  requires transitive testcontainers; // BuiltImage.container() returns a GenericContainer
  requires transitive com.github.dockerjava.api; // BuiltImage.inspect() returns its type

  exports io.github.dockerfiledsl.testing;
}
