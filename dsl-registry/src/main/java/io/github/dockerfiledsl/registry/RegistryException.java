package io.github.dockerfiledsl.registry;

import io.github.dockerfiledsl.image.ImageResolutionException;
import java.util.OptionalInt;

/**
 * A registry request that failed: the registry could not be reached, did not answer in time,
 * refused the credentials, or answered with an error. The message names the reference, the
 * registry and its answer (status and error codes, control characters escaped).
 */
public final class RegistryException extends ImageResolutionException {
  private static final long serialVersionUID = 1L;

  /** The registry asked. */
  private final String registry;
  /** The HTTP status, 0 when there was no answer. */
  private final int status;

  RegistryException(String reference, String registry, int status, String message,
      Throwable cause) {
    super(reference, message, cause);
    this.registry = registry;
    this.status = status;
  }

  /**
   * Returns the registry asked, {@code host[:port]} as the reference names it.
   *
   * @return the registry
   */
  public String registry() {
    return registry;
  }

  /**
   * Returns the HTTP status of the registry's answer, when there was one.
   *
   * @return the status, or empty when the registry did not answer
   */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
