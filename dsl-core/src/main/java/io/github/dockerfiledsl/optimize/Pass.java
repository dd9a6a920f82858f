package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;

/**
 * A model-to-model rewrite of a Dockerfile, usable alone: {@code new MergeRuns().apply(d)}.
 *
 * <p>A pass returns an equal Dockerfile when it has nothing to do, and never changes what a
 * build does except in the way its documentation states.
 */
@FunctionalInterface
public interface Pass {

  /**
   * Rewrites a Dockerfile.
   *
   * @param dockerfile the input
   * @return the rewritten Dockerfile
   */
  Dockerfile apply(Dockerfile dockerfile);
}
