package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;

/**
 * {@code ONBUILD instruction}: a trigger that runs when another build uses this image as its base.
 *
 * @param trigger the instruction to run later; not FROM, ONBUILD, MAINTAINER or trivia
 */
public record OnbuildInstruction(Instruction trigger) implements Instruction {

  /**
   * Creates an ONBUILD instruction.
   *
   * @param trigger the trigger
   */
  public OnbuildInstruction {
    Checks.notNull(trigger, "ONBUILD trigger");
    Checks.check(
        !(trigger instanceof FromInstruction
            || trigger instanceof OnbuildInstruction
            || trigger instanceof MaintainerInstruction
            || trigger.isTrivia()),
        "ONBUILD trigger (%s) must not be FROM, ONBUILD, MAINTAINER or a comment",
        trigger.keyword());
  }

  @Override
  public String keyword() {
    return "ONBUILD";
  }
}
