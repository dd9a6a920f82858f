/**
 * YAML specs that round-trip with Dockerfiles.
 */
package io.github.dockerfiledsl.yaml;
