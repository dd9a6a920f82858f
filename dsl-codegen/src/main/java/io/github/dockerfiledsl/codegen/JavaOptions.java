package io.github.dockerfiledsl.codegen;

import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * The options of {@link JavaGenerator}: where the generated class goes and whether it has a
 * {@code main} method.
 *
 * <pre>{@code
 * new JavaOptions("com.example.images", "WebImage", true)
 * // package com.example.images; public final class WebImage { ... main(String[]) ... }
 * }</pre>
 *
 * @param packageName the package of the generated class; empty for the unnamed package
 * @param className the simple name of the generated class
 * @param emitMain whether to emit a {@code main} method that prints the rendered Dockerfile
 */
public record JavaOptions(String packageName, String className, boolean emitMain) {

  /** The package used by {@link #defaults()}. */
  public static final String DEFAULT_PACKAGE = "dockerfiles";

  /** The class name used by {@link #defaults()}. */
  public static final String DEFAULT_CLASS = "DockerfileSource";

  /**
   * Creates options, checking that the names are valid Java names.
   *
   * @param packageName the package, empty for the unnamed package
   * @param className the simple class name
   * @param emitMain whether to emit {@code main}
   * @throws IllegalArgumentException if a name is not a valid Java name or is a keyword
   */
  public JavaOptions {
    Objects.requireNonNull(packageName, "packageName == null");
    Objects.requireNonNull(className, "className == null");
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName, SourceVersion.RELEASE_17)) {
      throw new IllegalArgumentException(
          "package name (" + packageName + ") must be a dotted sequence of Java identifiers");
    }
    if (!SourceVersion.isIdentifier(className)
        || SourceVersion.isKeyword(className, SourceVersion.RELEASE_17)) {
      throw new IllegalArgumentException(
          "class name (" + className + ") must be a Java identifier that is not a keyword");
    }
  }

  /**
   * Returns the default options: package {@value #DEFAULT_PACKAGE}, class {@value
   * #DEFAULT_CLASS}, with {@code main}.
   *
   * @return the defaults
   */
  public static JavaOptions defaults() {
    return new JavaOptions(DEFAULT_PACKAGE, DEFAULT_CLASS, true);
  }

  /**
   * Returns these options with another package.
   *
   * @param newPackageName the package, empty for the unnamed package
   * @return new options
   */
  public JavaOptions withPackageName(String newPackageName) {
    return new JavaOptions(newPackageName, className, emitMain);
  }

  /**
   * Returns these options with another class name.
   *
   * @param newClassName the simple class name
   * @return new options
   */
  public JavaOptions withClassName(String newClassName) {
    return new JavaOptions(packageName, newClassName, emitMain);
  }

  /**
   * Returns these options with or without {@code main}.
   *
   * @param newEmitMain whether to emit {@code main}
   * @return new options
   */
  public JavaOptions withEmitMain(boolean newEmitMain) {
    return new JavaOptions(packageName, className, newEmitMain);
  }
}
