package io.github.dockerfiledsl;

/**
 * The command of a RUN, CMD, ENTRYPOINT or HEALTHCHECK: either {@link Exec exec form} (a JSON
 * array, run without a shell) or {@link Shell shell form} (a command line handed to the shell).
 *
 * <p>The two forms are distinct types so that a caller always says which one is meant; a
 * {@code String} is never silently turned into one or the other.
 */
public sealed interface Command permits Exec, Shell {

  /**
   * Returns whether this is the exec (JSON) form.
   *
   * @return true for {@link Exec}
   */
  default boolean isExec() {
    return this instanceof Exec;
  }
}
