package io.github.dockerfiledsl;

import io.github.dockerfiledsl.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * The exec form of a command: an executable and its arguments, rendered as a JSON array
 * ({@code CMD ["python", "manage.py", "runserver"]}) and run without a shell, so no variable
 * expansion or word splitting takes place.
 *
 * <p>Any string, including quotes, backslashes, {@code $} and line breaks, is allowed in an
 * argument: the renderer writes it with JSON escaping, which BuildKit reads back exactly.
 *
 * @param args the executable followed by its arguments; may be empty only for {@code CMD []}
 *     and {@code ENTRYPOINT []}, which clear the inherited value
 */
public record Exec(List<String> args) implements Command {

  /**
   * Creates an exec form, copying the arguments.
   *
   * @param args the executable followed by its arguments
   */
  public Exec {
    args = Checks.list(args, "exec arguments");
    for (int i = 0; i < args.size(); i++) {
      Checks.text(args.get(i), "exec argument " + (i + 1));
    }
  }

  /**
   * Creates an exec form of an executable and its arguments.
   *
   * <p>{@code Exec.of("python", "manage.py")} renders {@code ["python", "manage.py"]}.
   *
   * @param executable the executable
   * @param args its arguments
   * @return the exec form
   */
  public static Exec of(String executable, String... args) {
    Checks.notNull(executable, "executable");
    Checks.notNull(args, "args");
    String[] all = new String[args.length + 1];
    all[0] = executable;
    System.arraycopy(args, 0, all, 1, args.length);
    return new Exec(Arrays.asList(all));
  }

  /**
   * Creates an exec form from a list of words (possibly empty).
   *
   * @param args the words
   * @return the exec form
   */
  public static Exec of(List<String> args) {
    return new Exec(args);
  }

  /**
   * Returns the empty exec form {@code []}.
   *
   * @return the empty exec form
   */
  public static Exec empty() {
    return new Exec(List.of());
  }

  // equals and hashCode as a record defines them, written out: the generated ones bootstrap
  // method handles on their first call (lint compares a RUN with its fixed form), which are not
  // archived for start-up

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Exec other && args.equals(other.args);
  }

  @Override
  public int hashCode() {
    return args.hashCode();
  }
}
