package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instruction of an {@code ONBUILD} trigger, for {@link InstructionStep#onbuild(Trigger)}.
 *
 * <p>There is no factory for FROM, ONBUILD or MAINTAINER, which BuildKit forbids as triggers, so
 * such a trigger cannot be written:
 *
 * <pre>{@code
 * .onbuild(Trigger.copy(".", "/app/src"))
 * .onbuild(Trigger.run("make -C /app/src"))
 * // ONBUILD COPY . /app/src
 * // ONBUILD RUN make -C /app/src
 * }</pre>
 *
 * <p>A trigger runs in a later build, so it cannot refer to a stage of this Dockerfile.
 */
public final class Trigger {
  private final Instruction instruction;

  private Trigger(Instruction instruction) {
    this.instruction = instruction;
  }

  /**
   * Returns {@code ONBUILD RUN command} in shell form.
   *
   * @param command the command line
   * @return the trigger
   */
  public static Trigger run(String command) {
    return new Trigger(RunInstruction.shell(command));
  }

  /**
   * Returns {@code ONBUILD RUN} with a command in exec or shell form.
   *
   * @param command the command
   * @return the trigger
   */
  public static Trigger run(Command command) {
    return new Trigger(RunInstruction.of(command));
  }

  /**
   * Returns {@code ONBUILD RUN} with flags or a heredoc; cleanup is not chained (write it into
   * the command), and mounts cannot name a stage of this Dockerfile.
   *
   * @param run the run step
   * @return the trigger
   */
  public static Trigger run(Run run) {
    Checks.notNull(run, "run");
    Checks.check(run.stages().isEmpty(), "ONBUILD RUN cannot mount a stage of this Dockerfile");
    Checks.check(
        run.cleanupFirst().isEmpty() && run.cleanup().isEmpty() && run.cleanupLast().isEmpty(),
        "ONBUILD RUN (%s) cannot chain cleanup; write it into the command",
        run);
    return new Trigger(new RunInstruction(run.command(), run.heredocs(), run.mounts(s -> {
      throw new AssertionError(s);
    }), run.network(), run.security(), run.devices()));
  }

  /**
   * Returns {@code ONBUILD COPY source destination}.
   *
   * @param source the source
   * @param destination the destination
   * @return the trigger
   */
  public static Trigger copy(String source, String destination) {
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return new Trigger(CopyInstruction.of(source, destination));
  }

  /**
   * Returns {@code ONBUILD COPY} with flags; the copy must not name a stage of this Dockerfile.
   *
   * @param copy the copy
   * @return the trigger
   */
  public static Trigger copy(Copy copy) {
    Checks.notNull(copy, "copy");
    Checks.check(
        copy.stage().isEmpty(),
        "ONBUILD COPY --from (%s) cannot refer to a stage of this Dockerfile",
        copy.stage().map(Object::toString).orElse(""));
    return new Trigger(copy.instruction(s -> {
      throw new AssertionError(s);
    }));
  }

  /**
   * Returns {@code ONBUILD ADD source destination}.
   *
   * @param source the source
   * @param destination the destination
   * @return the trigger
   */
  public static Trigger add(String source, String destination) {
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return new Trigger(Add.of(source, destination).instruction());
  }

  /**
   * Returns {@code ONBUILD ADD} with flags.
   *
   * @param add the add
   * @return the trigger
   */
  public static Trigger add(Add add) {
    return new Trigger(Checks.notNull(add, "add").instruction());
  }

  /**
   * Returns {@code ONBUILD WORKDIR path}.
   *
   * @param path the directory
   * @return the trigger
   */
  public static Trigger workdir(String path) {
    return new Trigger(WorkdirInstruction.of(path));
  }

  /**
   * Returns {@code ONBUILD ENV key=value}.
   *
   * @param key the name
   * @param value the value, a template
   * @return the trigger
   */
  public static Trigger env(String key, String value) {
    return new Trigger(EnvInstruction.of(key, value));
  }

  /**
   * Returns {@code ONBUILD LABEL key=value}.
   *
   * @param key the key
   * @param value the value, a template
   * @return the trigger
   */
  public static Trigger label(String key, String value) {
    return new Trigger(LabelInstruction.of(key, value));
  }

  /**
   * Returns {@code ONBUILD EXPOSE port}.
   *
   * @param port the port
   * @return the trigger
   */
  public static Trigger expose(Port port) {
    return new Trigger(new ExposeInstruction(List.of(Checks.notNull(port, "port").value())));
  }

  /**
   * Returns {@code ONBUILD USER user}.
   *
   * @param user {@code user[:group]}
   * @return the trigger
   */
  public static Trigger user(String user) {
    return new Trigger(UserInstruction.of(user));
  }

  /**
   * Returns {@code ONBUILD VOLUME path...}.
   *
   * @param path the first path
   * @param more further paths
   * @return the trigger
   */
  public static Trigger volume(String path, String... more) {
    Checks.notNull(path, "path");
    Checks.list(Arrays.asList(Checks.notNull(more, "more")), "more");
    List<String> all = new ArrayList<>();
    all.add(path);
    all.addAll(Arrays.asList(more));
    return new Trigger(new VolumeInstruction(all, false));
  }

  /**
   * Returns {@code ONBUILD CMD command}.
   *
   * @param command the command
   * @return the trigger
   */
  public static Trigger cmd(Command command) {
    return new Trigger(CmdInstruction.of(command));
  }

  /**
   * Returns {@code ONBUILD ENTRYPOINT command}.
   *
   * @param command the command
   * @return the trigger
   */
  public static Trigger entrypoint(Command command) {
    return new Trigger(EntrypointInstruction.of(command));
  }

  /**
   * Returns {@code ONBUILD ARG name}.
   *
   * @param name the name
   * @return the trigger
   */
  public static Trigger arg(String name) {
    return new Trigger(ArgInstruction.of(name));
  }

  /**
   * Returns {@code ONBUILD ARG name=default}.
   *
   * @param name the name
   * @param defaultValue the default, a template
   * @return the trigger
   */
  public static Trigger arg(String name, String defaultValue) {
    Checks.notNull(name, "name");
    Checks.notNull(defaultValue, "defaultValue");
    return new Trigger(ArgInstruction.of(name, defaultValue));
  }

  /**
   * Returns {@code ONBUILD HEALTHCHECK ...}.
   *
   * @param healthcheck the health check
   * @return the trigger
   */
  public static Trigger healthcheck(Healthcheck healthcheck) {
    return new Trigger(Checks.notNull(healthcheck, "healthcheck").instruction());
  }

  /**
   * Returns {@code ONBUILD SHELL [...]}.
   *
   * @param shell the shell, exec form only
   * @return the trigger
   */
  public static Trigger shell(Exec shell) {
    return new Trigger(new ShellInstruction(shell));
  }

  /**
   * Returns {@code ONBUILD STOPSIGNAL signal}.
   *
   * @param signal the signal
   * @return the trigger
   */
  public static Trigger stopsignal(Signal signal) {
    return new Trigger(StopsignalInstruction.of(Checks.notNull(signal, "signal").value()));
  }

  /**
   * Returns the instruction the trigger runs.
   *
   * @return the instruction
   */
  public Instruction instruction() {
    return instruction;
  }

  @Override
  public String toString() {
    return "Trigger[" + instruction + "]";
  }
}
