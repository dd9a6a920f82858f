package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the deprecated {@code MAINTAINER name} by {@code LABEL
 * org.opencontainers.image.authors=name} (hadolint DL4000, BuildKit MaintainerDeprecated).
 *
 * <pre>{@code
 * MAINTAINER easy@home.com      ->   LABEL org.opencontainers.image.authors=easy@home.com
 * }</pre>
 *
 * <p>The name is taken literally, as MAINTAINER does: a {@code $} in it stays a dollar sign.
 */
public final class MaintainerToLabel implements Pass {

  /** The label key for authors defined by the OCI image spec. */
  public static final String AUTHORS = "org.opencontainers.image.authors";

  /** Creates the pass. */
  public MaintainerToLabel() {}

  @Override
  public Dockerfile apply(Dockerfile dockerfile) {
    return Passes.mapStages(dockerfile, (d, s) -> {
      List<Instruction> out = new ArrayList<>();
      for (Instruction i : s.instructions()) {
        if (i instanceof MaintainerInstruction m) {
          out.add(LabelInstruction.of(AUTHORS, Templates.literal(m.name().strip())));
        } else {
          out.add(i);
        }
      }
      return out;
    });
  }
}
