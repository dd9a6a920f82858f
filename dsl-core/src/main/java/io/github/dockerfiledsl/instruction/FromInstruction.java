package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code FROM [--platform=P] image [AS name]}: starts a build stage.
 *
 * @param image the base image, {@code scratch} or the name of an earlier stage; a template that
 *     may refer to global ARGs ({@code golang:${GO_VERSION}})
 * @param platform the {@code --platform} value, a template
 * @param name the stage name, lower case, matching {@code [a-z][a-z0-9-_.]*}
 */
public record FromInstruction(String image, Optional<String> platform, Optional<String> name)
    implements Instruction {

  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

  /**
   * Creates a FROM instruction, validating the image when it contains no variable reference.
   *
   * @param image the base image
   * @param platform the platform
   * @param name the stage name
   */
  public FromInstruction {
    Checks.word(image, "FROM image");
    Checks.check(
        noWhitespace(image),
        "FROM image (%s) must not contain white space",
        Checks.quote(image));
    if (Checks.optional(platform, "platform").isPresent()) {
      Checks.word(platform.get(), "FROM --platform");
    }
    Checks.optional(name, "stage name");
    if (name.isPresent()) {
      String n = name.get();
      Checks.check(
          STAGE_NAME.matcher(n).matches(),
          "stage name (%s) must match [a-z][a-z0-9-_.]*",
          Checks.quote(n));
    }
  }

  /**
   * Returns whether the string is a valid stage name.
   *
   * @param name the candidate, in any case
   * @return true if lower-cased it matches {@code [a-z][a-z0-9-_.]*}
   */
  public static boolean isValidStageName(String name) {
    return STAGE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * Returns {@code FROM image}.
   *
   * @param image the base image
   * @return the instruction
   */
  public static FromInstruction of(String image) {
    return new FromInstruction(image, Optional.empty(), Optional.empty());
  }

  /**
   * Returns this instruction with the stage name {@code name}.
   *
   * @param stageName the stage name
   * @return a new instruction
   */
  public FromInstruction withName(String stageName) {
    return new FromInstruction(image, platform, Optional.of(stageName));
  }

  /**
   * Returns this instruction with the platform {@code platform}.
   *
   * @param newPlatform the platform, e.g. {@code linux/amd64} or {@code $BUILDPLATFORM}
   * @return a new instruction
   */
  public FromInstruction withPlatform(String newPlatform) {
    return new FromInstruction(image, Optional.of(newPlatform), name);
  }

  @Override
  public String keyword() {
    return "FROM";
  }

  private static boolean noWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
