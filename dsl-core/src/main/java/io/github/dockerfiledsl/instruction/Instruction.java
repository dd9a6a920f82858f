package io.github.dockerfiledsl.instruction;

/**
 * One element of a Dockerfile: an instruction, or trivia (a {@link Comment} or a {@link
 * BlankLine}) kept so that formatting is lossless.
 *
 * <h2>Templates</h2>
 *
 * <p>Values that BuildKit expands ({@code ENV}/{@code LABEL} keys and values, {@code ARG}
 * defaults, {@code COPY}/{@code ADD} paths and {@code --chown}/{@code --chmod}, {@code WORKDIR},
 * {@code USER}, {@code VOLUME}, {@code EXPOSE}, {@code STOPSIGNAL}, {@code FROM} image and
 * platform, {@code RUN --mount} values) are <em>templates</em>: the value as BuildKit sees it
 * after quote removal, before variable expansion. In a template {@code $name} and {@code
 * ${...}} are variable references, {@code \$} is a literal dollar sign and {@code \\} a literal
 * backslash; any other character, including a backslash not followed by {@code $} or {@code \},
 * stands for itself. The renderer quotes and escapes a template, for either escape character, so
 * that BuildKit reads back exactly that template; no template can add, remove or change an
 * instruction. A template never contains a line break.
 *
 * <p>Values that BuildKit does not expand (shell-form commands, exec-form arguments, {@code
 * MAINTAINER}, {@code COPY --from}) are taken literally.
 */
public sealed interface Instruction
    permits FromInstruction,
        RunInstruction,
        CmdInstruction,
        EntrypointInstruction,
        LabelInstruction,
        MaintainerInstruction,
        ExposeInstruction,
        EnvInstruction,
        AddInstruction,
        CopyInstruction,
        VolumeInstruction,
        UserInstruction,
        WorkdirInstruction,
        ArgInstruction,
        OnbuildInstruction,
        StopsignalInstruction,
        HealthcheckInstruction,
        ShellInstruction,
        Comment,
        BlankLine {

  /**
   * Returns the instruction keyword in upper case ({@code RUN}), or {@code #} for a comment and
   * the empty string for a blank line.
   *
   * @return the keyword
   */
  String keyword();

  /**
   * Returns whether this element is trivia (a comment or a blank line) rather than an
   * instruction.
   *
   * @return true for {@link Comment} and {@link BlankLine}
   */
  default boolean isTrivia() {
    return false;
  }
}
