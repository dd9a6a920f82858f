package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;

/**
 * {@code VOLUME path ...}: declares mount points; later build steps that write below them do not
 * change the image.
 *
 * @param paths the paths, at least one; templates
 * @param json whether the paths are written as a JSON array
 */
public record VolumeInstruction(List<String> paths, boolean json) implements Instruction {

  /**
   * Creates a VOLUME instruction.
   *
   * @param paths the paths
   * @param json whether JSON form is used
   */
  public VolumeInstruction {
    paths = Checks.list(paths, "VOLUME paths");
    Checks.check(!paths.isEmpty(), "VOLUME needs at least one path");
    for (String p : paths) {
      Checks.word(p, "VOLUME path");
      // BuildKit rejects a path that is empty after trimming Go's white space
      Checks.check(!Checks.isBlankSpace(p), "VOLUME path (%s) must not be blank",
          Checks.quote(p));
    }
  }

  /**
   * Returns {@code VOLUME path...}.
   *
   * @param paths the paths
   * @return the instruction
   */
  public static VolumeInstruction of(String... paths) {
    return new VolumeInstruction(List.of(paths), false);
  }

  @Override
  public String keyword() {
    return "VOLUME";
  }
}
