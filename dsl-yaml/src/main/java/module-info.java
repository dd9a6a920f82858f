/**
 * dockerfile-dsl YAML: YAML specs, their JSON Schema, Java source generation and the command line.
 */
module io.github.dockerfiledsl.yaml {
  requires transitive io.github.dockerfiledsl.core; // Dockerfile appears in this module's API
  requires tools.jackson.core;
  requires tools.jackson.dataformat.yaml;
  requires org.snakeyaml.engine;
  requires info.picocli;
  requires transitive com.palantir.javapoet; // JavaGenerator.toJavaFile returns a JavaFile
  requires java.compiler;

  exports io.github.dockerfiledsl.yaml;
  exports io.github.dockerfiledsl.codegen;

  opens io.github.dockerfiledsl.cli to info.picocli;
}
