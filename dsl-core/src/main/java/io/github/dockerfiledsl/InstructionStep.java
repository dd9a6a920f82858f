package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import java.util.List;

/**
 * The instructions a stage may contain after FROM, except RUN (which {@link StageStep} adds so
 * that nothing but cleanup can follow {@code cleanup(..)}), plus the ways to end a stage: {@code
 * from(..)} starts the next one, {@link #end()} returns its handle, {@link #build()} builds the
 * whole Dockerfile.
 *
 * <pre>{@code
 * Dockerfile.from("python:3.12-slim")
 *     .workdir("/app")
 *     .copy("requirements.txt", "./")
 *     .env("PYTHONUNBUFFERED", "1")
 *     .expose(8000)
 *     .user("app")
 *     .cmd(Exec.of("python", "-m", "app"))
 *     .build();
 * }</pre>
 *
 * <p>Values BuildKit expands (paths, ENV and LABEL values, USER, WORKDIR, ...) are templates:
 * {@code $HOME} is a variable; use {@link Templates#literal(String)} for a literal dollar sign.
 *
 * <p>Steps are persistent: every method returns a new, immutable step that shares what came
 * before with the step it was called on, so a step can be kept in a variable and branched: a base
 * definition and variants of it never see each other's instructions. Each step type is its own
 * class, so a cast to another step type fails instead of bypassing the order the types promise.
 * Values are checked when they are given (the message names the parameter, the value and what is
 * accepted); after {@link #build()} succeeds, {@link Dockerfile#render()} and {@link
 * Dockerfile#toString()} cannot fail.
 *
 * <p>A stage belongs to the Dockerfile that {@code build()} returns when it is the stage
 * {@code build()} is called on, a stage before it in the same chain of {@code from(..)} calls, a
 * stage whose handle was taken with {@link #end()} from the same {@link DockerfileBuilder}, or a
 * stage referred to by one of those. Always use the value a step method returns.
 */
public interface InstructionStep {

  /**
   * Ends this stage and starts the next: {@code FROM image}.
   *
   * @param image the base image, a template, or {@code scratch}
   * @return the FROM step
   */
  FromStep from(String image);

  /**
   * Ends this stage and starts the next: {@code FROM image}.
   *
   * @param image the base image
   * @return the FROM step
   */
  FromStep from(ImageRef image);

  /**
   * Ends this stage and starts the next on top of an earlier stage: {@code FROM <stage>}.
   *
   * @param stage the earlier stage
   * @return the FROM step
   */
  FromStep from(StageRef stage);

  /**
   * Adds {@code COPY source destination} from the build context.
   *
   * @param source the source, a template (globs allowed)
   * @param destination the destination, a template
   * @return the stage step
   */
  StageStep copy(String source, String destination);

  /**
   * Adds {@code COPY --from=<stage> source destination}.
   *
   * @param from the stage to copy from
   * @param source the path in that stage
   * @param destination the destination
   * @return the stage step
   */
  StageStep copy(StageRef from, String source, String destination);

  /**
   * Adds {@code COPY --from=<image> source destination}.
   *
   * @param from the image to copy from
   * @param source the path in that image
   * @param destination the destination
   * @return the stage step
   */
  StageStep copy(ImageRef from, String source, String destination);

  /**
   * Adds a COPY with flags, several sources or heredocs.
   *
   * @param copy the copy
   * @return the stage step
   */
  StageStep copy(Copy copy);

  /**
   * Adds {@code ADD source destination}.
   *
   * @param source a path, URL or git repository, a template
   * @param destination the destination
   * @return the stage step
   */
  StageStep add(String source, String destination);

  /**
   * Adds an ADD with flags, several sources or heredocs.
   *
   * @param add the add
   * @return the stage step
   */
  StageStep add(Add add);

  /**
   * Adds {@code WORKDIR path}.
   *
   * @param path the directory, a template; relative paths join the previous WORKDIR
   * @return the stage step
   */
  StageStep workdir(String path);

  /**
   * Adds {@code ENV key=value}.
   *
   * @param key the name
   * @param value the value, a template
   * @return the stage step
   */
  StageStep env(String key, String value);

  /**
   * Adds one ENV with several pairs, which all see the variables from before it.
   *
   * @param vars the pairs, at least one
   * @return the stage step
   */
  StageStep env(List<KeyValue> vars);

  /**
   * Adds {@code LABEL key=value}.
   *
   * @param key the key
   * @param value the value, a template
   * @return the stage step
   */
  StageStep label(String key, String value);

  /**
   * Adds one LABEL with several pairs.
   *
   * @param labels the pairs, at least one
   * @return the stage step
   */
  StageStep label(List<KeyValue> labels);

  /**
   * Adds {@code EXPOSE port}.
   *
   * @param port the port, 0..65535
   * @return the stage step
   */
  StageStep expose(int port);

  /**
   * Adds {@code EXPOSE port...} with protocols or ranges.
   *
   * @param port the first port
   * @param more further ports
   * @return the stage step
   */
  StageStep expose(Port port, Port... more);

  /**
   * Adds {@code CMD}: {@code Exec.of("python", "app.py")} or {@code Shell.of("python app.py")};
   * there is deliberately no {@code String} form.
   *
   * @param command the command
   * @return the stage step
   */
  StageStep cmd(Command command);

  /**
   * Adds {@code ENTRYPOINT}, exec form (preferred) or shell form.
   *
   * @param command the command
   * @return the stage step
   */
  StageStep entrypoint(Command command);

  /**
   * Adds {@code HEALTHCHECK}.
   *
   * @param healthcheck the check, or {@link Healthcheck#none()}
   * @return the stage step
   */
  StageStep healthcheck(Healthcheck healthcheck);

  /**
   * Adds {@code USER user}.
   *
   * @param user the user name or id, a template
   * @return the stage step
   */
  StageStep user(String user);

  /**
   * Adds {@code USER user:group}.
   *
   * @param user the user name or id
   * @param group the group name or id
   * @return the stage step
   */
  StageStep user(String user, String group);

  /**
   * Adds {@code VOLUME path...}.
   *
   * @param path the first mount point
   * @param more further mount points
   * @return the stage step
   */
  StageStep volume(String path, String... more);

  /**
   * Adds {@code VOLUME ["path", ...]}, the JSON form (paths with white space always get it).
   *
   * @param path the first mount point
   * @param more further mount points
   * @return the stage step
   */
  StageStep volumeJson(String path, String... more);

  /**
   * Adds {@code ARG name} inside the stage (imports a global ARG of that name).
   *
   * @param name the name
   * @return the stage step
   */
  StageStep arg(String name);

  /**
   * Adds {@code ARG name=default} inside the stage.
   *
   * @param name the name
   * @param defaultValue the default, a template
   * @return the stage step
   */
  StageStep arg(String name, String defaultValue);

  /**
   * Adds one ARG declaring several arguments: {@code ARG a b=1}.
   *
   * @param args the declarations, at least one
   * @return the stage step
   */
  StageStep arg(List<ArgInstruction.Arg> args);

  /**
   * Adds {@code ONBUILD trigger}; FROM, ONBUILD and MAINTAINER triggers cannot be written.
   *
   * @param trigger the trigger
   * @return the stage step
   */
  StageStep onbuild(Trigger trigger);

  /**
   * Adds {@code SHELL [...]}, which only has the exec form.
   *
   * @param shell the shell and its options, e.g. {@code Exec.of("/bin/bash", "-o", "pipefail", "-c")}
   * @return the stage step
   */
  StageStep shell(Exec shell);

  /**
   * Adds {@code STOPSIGNAL signal}.
   *
   * @param signal the signal
   * @return the stage step
   */
  StageStep stopsignal(Signal signal);

  /**
   * Adds {@code MAINTAINER name}; deprecated in Dockerfiles, so the builder's default passes
   * rewrite it to {@code LABEL org.opencontainers.image.authors=name} (not in verbatim mode).
   *
   * @param name the maintainer, taken literally
   * @return the stage step
   */
  StageStep maintainer(String name);

  /**
   * Adds a comment line. Comments directly before {@code from(..)} belong to the next stage and
   * render above its FROM.
   *
   * @param text the text, rendered as {@code # text}
   * @return the stage step
   */
  StageStep comment(String text);

  /**
   * Adds a comment line exactly as given: {@code comment(new Comment("#x"))} renders {@code ##x}.
   *
   * @param comment the comment
   * @return the stage step
   */
  StageStep comment(io.github.dockerfiledsl.instruction.Comment comment);

  /**
   * Adds a blank line (kept by the canonical format, collapsed when repeated).
   *
   * @return the stage step
   */
  StageStep blankLine();

  /**
   * Returns the handle of this stage as it is at this step, for {@code COPY --from}, {@code FROM
   * <stage>} and mounts in stages started later, and adds the stage to every Dockerfile built
   * through the same {@link DockerfileBuilder}. Calling it twice on one step returns the same
   * handle; a step written later from this one is a different stage.
   *
   * @return the stage handle
   */
  StageRef end();

  /**
   * Builds the whole Dockerfile this stage belongs to: orders the stages by dependency, names
   * referenced unnamed stages, rejects duplicate names and cycles, and applies the passes.
   *
   * @return the Dockerfile
   * @throws IllegalArgumentException for a duplicate stage name, a cycle or an invalid value
   */
  Dockerfile build();
}
