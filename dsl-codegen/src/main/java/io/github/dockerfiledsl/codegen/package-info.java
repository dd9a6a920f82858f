/**
 * Java source generation: turns a {@link io.github.dockerfiledsl.Dockerfile} into a Java class
 * whose {@code dockerfile()} method rebuilds it with the library's API (see {@link
 * io.github.dockerfiledsl.codegen.JavaGenerator}).
 */
package io.github.dockerfiledsl.codegen;
