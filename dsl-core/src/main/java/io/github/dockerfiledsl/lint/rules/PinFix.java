package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.image.DigestResolver;
import io.github.dockerfiledsl.image.ImageRewrite;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.lint.Fix;

/** The fix of the tag rules when a registry is configured: pin the FROM image by digest. */
final class PinFix {
  private PinFix() {}

  /**
   * Returns the fix that pins a FROM's image; the registry is asked when the fix is applied.
   *
   * @param from the FROM
   * @param resolver the resolver
   * @return the fix
   */
  static Fix of(FromInstruction from, DigestResolver resolver) {
    ImageRef ref = ImageRef.parse(from.image());
    ImageRef tagged = ref.tag().isPresent() ? ref : ref.withTag("latest");
    return new Fix("pin " + tagged + " by the digest the registry gives", d -> {
      ImageRef pinned = ImageRewrite.pin(resolver).apply(ref).orElse(ref);
      return Edit.replace(d, from,
          new FromInstruction(pinned.toString(), from.platform(), from.name()));
    });
  }
}
