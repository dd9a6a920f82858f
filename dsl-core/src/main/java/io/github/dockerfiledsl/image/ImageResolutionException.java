package io.github.dockerfiledsl.image;

/**
 * A reference that could not be resolved to a digest; the message names the reference and, where
 * there was one, the registry's answer.
 */
public class ImageResolutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reference as written. */
  private final String reference;

  /**
   * Creates the exception.
   *
   * @param reference the reference as written
   * @param message the message, naming the reference
   * @param cause the cause, or null
   */
  public ImageResolutionException(String reference, String message, Throwable cause) {
    super(message, cause);
    this.reference = reference;
  }

  /**
   * Returns the reference that could not be resolved.
   *
   * @return the reference as written
   */
  public String reference() {
    return reference;
  }
}
