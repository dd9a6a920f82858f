package io.github.dockerfiledsl.parse;

/**
 * The checks of BuildKit's instruction stage, applied to an {@link Ast}.
 */
public final class AstValidator {
  private AstValidator() {}

  /**
   * Checks an AST the way BuildKit's instruction parser does.
   *
   * @param ast the AST
   * @throws DockerfileParseException for the first problem found
   */
  public static void validate(Ast ast) {
  }
}
