/**
 * Image fixtures for tests: {@link io.github.dockerfiledsl.testing.ImageFixture} builds a
 * Dockerfile model or a build context through Testcontainers' Docker client (or buildah and
 * podman), {@link io.github.dockerfiledsl.testing.ImageFixtureExtension} builds and removes
 * {@link io.github.dockerfiledsl.testing.TestImage} fixtures in JUnit 5 tests, and {@link
 * io.github.dockerfiledsl.testing.DockerfileAssertions} starts AssertJ assertions on Dockerfile
 * models and on built images ({@link io.github.dockerfiledsl.testing.DockerfileSoftAssertions}
 * for soft assertions).
 */
package io.github.dockerfiledsl.testing;
