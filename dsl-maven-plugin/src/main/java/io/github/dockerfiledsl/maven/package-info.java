/**
 * The dockerfile-dsl Maven plugin: the goals {@code render} (YAML specs and Java suppliers to
 * Dockerfiles), {@code check} (committed Dockerfiles are what {@code render} and {@code fmt}
 * would write) and {@code lint} (findings in the log and as SARIF).
 */
package io.github.dockerfiledsl.maven;
