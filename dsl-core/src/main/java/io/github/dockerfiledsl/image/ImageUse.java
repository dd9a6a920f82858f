package io.github.dockerfiledsl.image;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.instruction.Instruction;
import java.util.Objects;

/**
 * One place where a Dockerfile pulls an image from a registry.
 *
 * @param kind where the reference is written
 * @param instruction the instruction holding it (compare by identity)
 * @param written the reference exactly as written
 * @param reference the parsed reference
 */
public record ImageUse(Kind kind, Instruction instruction, String written, ImageRef reference) {

  /** Where a reference is written. */
  public enum Kind {
    /** {@code FROM image}. */
    FROM,
    /** {@code COPY --from=image}. */
    COPY_FROM,
    /** {@code RUN --mount=type=bind|cache,from=image}. */
    MOUNT_FROM
  }

  /**
   * Creates a use.
   *
   * @param kind the kind
   * @param instruction the instruction
   * @param written the text
   * @param reference the reference
   */
  public ImageUse {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(instruction, "instruction == null");
    Objects.requireNonNull(written, "written == null");
    Objects.requireNonNull(reference, "reference == null");
  }

  /**
   * Returns how the use reads in a Dockerfile, for messages: {@code FROM alpine:3.20},
   * {@code COPY --from=alpine:3.20}, {@code RUN --mount=from=alpine:3.20}.
   *
   * @return the description
   */
  public String describe() {
    return switch (kind) {
      case FROM -> "FROM " + written;
      case COPY_FROM -> "COPY --from=" + written;
      case MOUNT_FROM -> "RUN --mount=from=" + written;
    };
  }
}
