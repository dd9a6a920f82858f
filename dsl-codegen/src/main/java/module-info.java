/**
 * dockerfile-dsl code generation: Java source that rebuilds a Dockerfile with the fluent builder.
 */
module io.github.dockerfiledsl.codegen {
  requires transitive io.github.dockerfiledsl.core; // Dockerfile appears in this module's API
  requires transitive com.palantir.javapoet; // JavaGenerator.toJavaFile returns a JavaFile
  requires java.compiler;

  exports io.github.dockerfiledsl.codegen;
}
