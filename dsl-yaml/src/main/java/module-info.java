/**
 * dockerfile-dsl YAML: YAML specs, their JSON Schema, Java source generation and the command line.
 */
module io.github.dockerfiledsl.yaml {
  requires io.github.dockerfiledsl.core;
  requires com.palantir.javapoet;
  requires java.compiler;

  exports io.github.dockerfiledsl.codegen;
}
