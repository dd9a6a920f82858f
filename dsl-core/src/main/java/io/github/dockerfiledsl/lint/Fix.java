package io.github.dockerfiledsl.lint;

import io.github.dockerfiledsl.Dockerfile;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A model-to-model rewrite that removes one {@link Finding}, with a one-line description.
 *
 * <p>A fix refers to the instructions of the Dockerfile it was computed for by identity; apply it
 * to that Dockerfile (or let {@link Linter#fix(Dockerfile)} do it, which lints again after each
 * fix).
 *
 * @param description what the fix does, lower case, e.g. {@code replace ADD with COPY}
 * @param rewrite the rewrite
 */
public record Fix(String description, UnaryOperator<Dockerfile> rewrite) {

  /**
   * Creates a fix.
   *
   * @param description the description
   * @param rewrite the rewrite
   */
  public Fix {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(rewrite, "rewrite == null");
  }

  /**
   * Applies the rewrite.
   *
   * @param dockerfile the Dockerfile the fix was computed for
   * @return the rewritten Dockerfile
   */
  public Dockerfile apply(Dockerfile dockerfile) {
    return rewrite.apply(dockerfile);
  }
}
