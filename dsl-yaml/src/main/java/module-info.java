/**
 * dockerfile-dsl YAML: YAML specs for Dockerfiles and their JSON Schema.
 */
module io.github.dockerfiledsl.yaml {
  requires transitive io.github.dockerfiledsl.core; // Dockerfile appears in this module's API
  requires tools.jackson.core;
  requires tools.jackson.dataformat.yaml;
  requires org.snakeyaml.engine;

  exports io.github.dockerfiledsl.yaml;
}
