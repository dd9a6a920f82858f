package io.github.dockerfiledsl.image;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the images a Dockerfile pulls: every {@code FROM}, {@code COPY --from} and
 * {@code RUN --mount=...,from=} whose value is an image reference.
 *
 * <p>Left out, because they are not images or cannot be known before the build: stage names
 * (compared without case, as BuildKit does) and stage indexes, {@code scratch}, values holding
 * a variable ({@code $}), and anything that is not a valid reference. ONBUILD triggers run in
 * another build and are left out too.
 */
public final class ImageUses {
  private ImageUses() {}

  /**
   * Returns the image uses of a Dockerfile in document order.
   *
   * @param d the Dockerfile
   * @return the uses
   */
  public static List<ImageUse> of(Dockerfile d) {
    Set<String> stageNames = new HashSet<>();
    for (Stage s : d.stages()) {
      s.name().ifPresent(n -> stageNames.add(n.toLowerCase(Locale.ROOT)));
    }
    List<ImageUse> out = new ArrayList<>();
    Set<String> earlier = new HashSet<>();
    for (Stage s : d.stages()) {
      String image = s.from().image();
      if (!earlier.contains(image.toLowerCase(Locale.ROOT))) {
        reference(image).ifPresent(r ->
            out.add(new ImageUse(ImageUse.Kind.FROM, s.from(), image, r)));
      }
      s.name().ifPresent(n -> earlier.add(n.toLowerCase(Locale.ROOT)));
      for (Instruction i : s.instructions()) {
        if (i instanceof CopyInstruction c && c.from().isPresent()) {
          String f = c.from().get();
          if (!stageNames.contains(f.toLowerCase(Locale.ROOT))) {
            reference(f).ifPresent(r -> out.add(new ImageUse(ImageUse.Kind.COPY_FROM, c, f, r)));
          }
        } else if (i instanceof RunInstruction run) {
          for (Mount m : run.mounts()) {
            Optional<String> from = mountFrom(m);
            if (from.isPresent() && !stageNames.contains(from.get().toLowerCase(Locale.ROOT))) {
              reference(from.get()).ifPresent(r ->
                  out.add(new ImageUse(ImageUse.Kind.MOUNT_FROM, run, from.get(), r)));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Returns the reference a value names, if it names an image: not {@code scratch}, not a stage
   * index, no variable, and a valid reference.
   *
   * @param value the value as written
   * @return the reference
   */
  public static Optional<ImageRef> reference(String value) {
    if (value.contains("$") || value.equalsIgnoreCase("scratch") || value.matches("[0-9]+")
        || !ImageRef.isValid(value)) {
      return Optional.empty();
    }
    return Optional.of(ImageRef.parse(value));
  }

  static Optional<String> mountFrom(Mount m) {
    if (m instanceof Mount.Bind b) {
      return b.from();
    }
    if (m instanceof Mount.Cache c) {
      return c.from();
    }
    return Optional.empty();
  }
}
