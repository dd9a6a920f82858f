package io.github.dockerfiledsl.maven;

/**
 * A Dockerfile written in Java, as configured in the plugin's {@code <suppliers>}: a class on the
 * project's class path that either implements {@code Supplier<Dockerfile>} (with a public no-arg
 * constructor) or has a public static no-arg method returning a {@code Dockerfile}.
 *
 * <pre>{@code
 * <supplier>
 *   <className>com.example.Images</className>
 *   <method>web</method>              <!-- optional: the static method -->
 *   <output>web/Dockerfile</output>   <!-- optional: relative to outputDirectory -->
 * </supplier>
 * }</pre>
 */
public class SupplierSource {
  private String className;
  private String method;
  private String output;

  /** Creates an empty source; Maven sets the fields from the configuration. */
  public SupplierSource() {}

  /**
   * Returns the fully qualified class name.
   *
   * @return the class name, or {@code null} when not configured
   */
  public String getClassName() {
    return className;
  }

  /**
   * Sets the fully qualified class name.
   *
   * @param className the class name
   */
  public void setClassName(String className) {
    this.className = className;
  }

  /**
   * Returns the name of the static method that returns the Dockerfile.
   *
   * @return the method name, or {@code null} to use the class as a supplier or its only static
   *     method returning a Dockerfile
   */
  public String getMethod() {
    return method;
  }

  /**
   * Sets the name of the static method that returns the Dockerfile.
   *
   * @param method the method name
   */
  public void setMethod(String method) {
    this.method = method;
  }

  /**
   * Returns the output file, relative to the output directory.
   *
   * @return the output path, or {@code null} for {@code <method or simple class
   *     name>.Dockerfile}
   */
  public String getOutput() {
    return output;
  }

  /**
   * Sets the output file, relative to the output directory.
   *
   * @param output the output path
   */
  public void setOutput(String output) {
    this.output = output;
  }

  /**
   * Returns how this source is named in messages: the class name and, if set, {@code #method}.
   *
   * @return the display name
   */
  @Override
  public String toString() {
    return method == null ? String.valueOf(className) : className + "#" + method;
  }
}
