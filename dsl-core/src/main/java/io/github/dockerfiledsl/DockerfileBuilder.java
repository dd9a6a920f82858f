package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.optimize.Pass;
import java.util.List;

/**
 * The start of a Dockerfile written with the builder: parser directives, global ARGs and
 * comments, then {@code from(..)}; no other instruction can come before FROM.
 *
 * <pre>{@code
 * Dockerfile.builder()
 *     .syntax("docker/dockerfile:1")
 *     .arg("GO_VERSION", "1.22")
 *     .from("golang:${GO_VERSION}")
 *     .run("go version")
 *     .build();
 * // # syntax=docker/dockerfile:1
 * //
 * // ARG GO_VERSION=1.22
 * // FROM golang:${GO_VERSION}
 * // RUN go version
 * }</pre>
 *
 * <p>Unlike the step types, which are immutable, this is the one mutable part of the builder:
 * it holds the directives, the global ARGs, the comments for the next FROM and the stages whose
 * handles were taken with {@code end()}, which every Dockerfile built from its steps contains.
 * Each {@code from(..)} starts a new stage; global ARGs and directives always render before the
 * first FROM, whenever they are added (the escape directive must come before the first FROM, since
 * values are checked against it when they are given); a comment added after the last stage ends
 * the file. Safe to share between threads.
 */
public interface DockerfileBuilder {

  /**
   * Adds the {@code # syntax=} directive.
   *
   * @param frontend the frontend image, e.g. {@code docker/dockerfile:1}
   * @return this builder
   */
  DockerfileBuilder syntax(String frontend);

  /**
   * Adds the {@code # escape=} directive.
   *
   * @param escape the escape character, {@code \} or {@code `}
   * @return this builder
   */
  DockerfileBuilder escape(char escape);

  /**
   * Adds the {@code # check=} directive.
   *
   * @param value e.g. {@code skip=JSONArgsRecommended;error=true}
   * @return this builder
   */
  DockerfileBuilder check(String value);

  /**
   * Adds a global {@code ARG name}, visible in FROM lines.
   *
   * @param name the name
   * @return this builder
   */
  DockerfileBuilder arg(String name);

  /**
   * Adds a global {@code ARG name=default}, visible in FROM lines.
   *
   * @param name the name
   * @param defaultValue the default value, a template
   * @return this builder
   */
  DockerfileBuilder arg(String name, String defaultValue);

  /**
   * Adds one global ARG declaring several arguments: {@code ARG a b=1}.
   *
   * @param args the declarations, at least one
   * @return this builder
   */
  DockerfileBuilder arg(List<ArgInstruction.Arg> args);

  /**
   * Adds a comment line above the next FROM: before the first {@code from(..)} it belongs to the
   * preamble, later to the stage that the next {@code from(..)} starts.
   *
   * @param text the text, rendered as {@code # text}
   * @return this builder
   */
  DockerfileBuilder comment(String text);

  /**
   * Adds a comment line exactly as given, above the next FROM; {@code comment(new
   * Comment("##generated##"))} renders {@code ###generated##} with no blank after the {@code #}.
   *
   * @param comment the comment
   * @return this builder
   */
  DockerfileBuilder comment(io.github.dockerfiledsl.instruction.Comment comment);

  /**
   * Adds a blank line above the next FROM, like {@link #comment(String)} (blank lines right above
   * a FROM after the first are dropped, since stages are always one blank line apart).
   *
   * @return this builder
   */
  DockerfileBuilder blankLine();

  /**
   * Writes every step as written: each run step becomes its own RUN (its own cleanup included),
   * nothing is grouped, and no optimisation pass runs. Generated code uses this mode to
   * reproduce a Dockerfile exactly.
   *
   * @return this builder
   */
  DockerfileBuilder verbatim();

  /**
   * Makes merged run chains add {@code set -o pipefail} before a command with a pipe, where the
   * stage's SHELL is known to support it (bash, zsh, ksh, ash) and does not turn it on already.
   * Off by default: pipefail makes a build stricter ({@code yes | head -n 1} fails with it).
   *
   * @return this builder
   */
  DockerfileBuilder pipefail();

  /**
   * Runs the cleanup of every step of a merged RUN at the end of that RUN instead of right
   * where the step ends. The builder refuses (with an {@link IllegalArgumentException}) when
   * an {@code rm} in such cleanup names a path that a later step of the same RUN names, or a
   * path that is not a plain word, so that no later step loses its files to it. Build
   * dependencies ({@link io.github.dockerfiledsl.Run#cleanupLast()}) are purged at the end of
   * the RUN either way.
   *
   * @return this builder
   */
  DockerfileBuilder cleanupAtEndOfChain();

  /**
   * Replaces the passes {@code build()} applies to the finished model (by default {@link
   * io.github.dockerfiledsl.optimize.Passes#builderDefaults()}).
   *
   * @param passes the passes, in order; empty for none
   * @return this builder
   */
  DockerfileBuilder passes(List<Pass> passes);

  /**
   * Starts a stage: {@code FROM image}.
   *
   * @param image the base image, a template that may use global ARGs, or {@code scratch}
   * @return the FROM step
   */
  FromStep from(String image);

  /**
   * Starts a stage: {@code FROM image}.
   *
   * @param image the base image
   * @return the FROM step
   */
  FromStep from(ImageRef image);

  /**
   * Starts a stage built on an earlier one: {@code FROM <stage>}.
   *
   * @param stage the earlier stage
   * @return the FROM step
   */
  FromStep from(StageRef stage);
}
