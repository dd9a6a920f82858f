package io.github.dockerfiledsl.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.OnbuildInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Java expressions that construct model values (instructions, commands, mounts, heredocs) with
 * the records' factories, choosing the shortest factory whose result equals the value and falling
 * back to the canonical constructor.
 */
final class ModelExpressions {
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName OPTIONAL = ClassName.get(Optional.class);
  static final ClassName OPTIONAL_INT = ClassName.get(OptionalInt.class);
  static final ClassName DURATION = ClassName.get(Duration.class);
  static final ClassName EXEC = ClassName.get(Exec.class);
  static final ClassName SHELL = ClassName.get(Shell.class);
  static final ClassName HEREDOC = ClassName.get(Heredoc.class);
  static final ClassName MOUNT = ClassName.get(Mount.class);
  static final ClassName KEY_VALUE = ClassName.get(KeyValue.class);
  static final ClassName DIRECTIVE = ClassName.get(Directive.class);

  private ModelExpressions() {}

  /** Returns {@code List.of(a, b, ...)} of the given elements. */
  static <T> CodeBlock list(List<T> items, Function<T, CodeBlock> element) {
    if (items.isEmpty()) {
      return CodeBlock.of("$T.of()", LIST);
    }
    List<CodeBlock> parts = new ArrayList<>(items.size());
    for (T t : items) {
      parts.add(element.apply(t));
    }
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(parts, ", "));
  }

  /** Returns {@code List.of("a", "b")}. */
  static CodeBlock strings(List<String> items) {
    return list(items, JavaLiterals::string);
  }

  /** Returns {@code "a", "b"} as varargs. */
  static CodeBlock varargs(List<String> items) {
    List<CodeBlock> parts = new ArrayList<>(items.size());
    for (String s : items) {
      parts.add(JavaLiterals.string(s));
    }
    return CodeBlock.join(parts, ", ");
  }

  /** Returns {@code Optional.of("x")} or {@code Optional.empty()}. */
  static CodeBlock optional(Optional<String> value) {
    return value.isPresent()
        ? CodeBlock.of("$T.of($L)", OPTIONAL, JavaLiterals.string(value.get()))
        : CodeBlock.of("$T.empty()", OPTIONAL);
  }

  private static <T> CodeBlock optional(Optional<T> value, Function<T, CodeBlock> element) {
    return value.isPresent()
        ? CodeBlock.of("$T.of($L)", OPTIONAL, element.apply(value.get()))
        : CodeBlock.of("$T.empty()", OPTIONAL);
  }

  /** Returns a directive expression. */
  static CodeBlock directive(Directive d) {
    switch (d.name()) {
      case "syntax":
        return CodeBlock.of("$T.syntax($L)", DIRECTIVE, JavaLiterals.string(d.value()));
      case "escape":
        return CodeBlock.of("$T.escape('$L')", DIRECTIVE, d.value().equals("\\") ? "\\\\" : d.value());
      default:
        return CodeBlock.of("$T.check($L)", DIRECTIVE, JavaLiterals.string(d.value()));
    }
  }

  /** Returns a command expression: {@code Exec.of(..)}, {@code Shell.of(..)}, a chain or lines. */
  static CodeBlock command(Command command) {
    if (command instanceof Exec e) {
      if (e.args().isEmpty()) {
        return CodeBlock.of("$T.empty()", EXEC);
      }
      return CodeBlock.of("$T.of($L)", EXEC, varargs(e.args()));
    }
    Shell s = (Shell) command;
    if (s.lines().size() == 1) {
      return CodeBlock.of("$T.of($L)", SHELL, JavaLiterals.string(s.lines().get(0)));
    }
    Optional<List<String>> chain = chainCommands(s);
    if (chain.isPresent()) {
      return CodeBlock.of("$T.chain($>$>$L$<$<)", SHELL, wrapped(chain.get()));
    }
    return CodeBlock.of("$T.lines($>$>$L$<$<)", SHELL, wrapped(s.lines()));
  }

  /** Joins string literals with a line break before each. */
  static CodeBlock wrapped(List<String> items) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < items.size(); i++) {
      b.add(i == 0 ? "\n$L" : ",\n$L", JavaLiterals.string(items.get(i)));
    }
    return b.build();
  }

  /**
   * Returns the commands of a run chain if {@code shell} is exactly {@link Shell#chain(List)} of
   * them: every line after the first starts with {@code &&}.
   */
  static Optional<List<String>> chainCommands(Shell shell) {
    List<String> lines = shell.lines();
    List<String> commands = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i > 0) {
        if (!line.startsWith("&& ")) {
          return Optional.empty();
        }
        line = line.substring(3).strip();
      }
      if (line.isEmpty()) {
        return Optional.empty();
      }
      commands.add(line);
    }
    try {
      return Shell.chain(commands).equals(shell) ? Optional.of(commands) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns a heredoc expression, the body as a text block. */
  static CodeBlock heredoc(Heredoc h) {
    CodeBlock body = JavaLiterals.string(h.body());
    if (h.equals(Heredoc.of(h.name(), h.body()))) {
      return CodeBlock.of("$T.of($L, $L)", HEREDOC, JavaLiterals.string(h.name()), body);
    }
    if (h.equals(Heredoc.literal(h.name(), h.body()))) {
      return CodeBlock.of("$T.literal($L, $L)", HEREDOC, JavaLiterals.string(h.name()), body);
    }
    return CodeBlock.of("new $T($L, $L, $L, $L, $L)", HEREDOC, JavaLiterals.string(h.name()), body, h.expand(),
        h.chomp(), h.fileDescriptor());
  }

  /** Returns a mount expression. */
  static CodeBlock mount(Mount m) {
    if (m instanceof Mount.Bind b) {
      if (b.target().isPresent() && b.equals(Mount.bind(b.target().get()))) {
        return CodeBlock.of("$T.bind($L)", MOUNT, JavaLiterals.string(b.target().get()));
      }
      return CodeBlock.of("new $T($L, $L, $L, $L)", MOUNT.nestedClass("Bind"), optional(b.target()),
          optional(b.source()), optional(b.from()), b.readWrite());
    } else if (m instanceof Mount.Cache c) {
      if (c.equals(Mount.cache(c.target()))) {
        return CodeBlock.of("$T.cache($L)", MOUNT, JavaLiterals.string(c.target()));
      }
      return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L, $L, $L)", MOUNT.nestedClass("Cache"),
          JavaLiterals.string(c.target()), optional(c.id()),
          optional(c.sharing(), v -> CodeBlock.of("$T.$L", MOUNT.nestedClass("Sharing"), v.name())),
          optional(c.from()), optional(c.source()), c.readOnly(), optional(c.mode()),
          optional(c.uid()), optional(c.gid()));
    } else if (m instanceof Mount.Tmpfs t) {
      if (t.equals(Mount.tmpfs(t.target()))) {
        return CodeBlock.of("$T.tmpfs($L)", MOUNT, JavaLiterals.string(t.target()));
      }
      return CodeBlock.of("new $T($L, $L)", MOUNT.nestedClass("Tmpfs"), JavaLiterals.string(t.target()),
          optional(t.size()));
    } else if (m instanceof Mount.Secret s) {
      if (s.id().isPresent() && s.equals(Mount.secret(s.id().get()))) {
        return CodeBlock.of("$T.secret($L)", MOUNT, JavaLiterals.string(s.id().get()));
      }
      return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L)", MOUNT.nestedClass("Secret"),
          optional(s.id()), optional(s.target()), optional(s.env()), s.required(),
          optional(s.mode()), optional(s.uid()), optional(s.gid()));
    }
    if (m instanceof Mount.Expanded e) {
      CodeBlock.Builder fields = CodeBlock.builder();
      for (int i = 0; i < e.fields().size(); i++) {
        fields.add(i == 0 ? "$L" : ", $L", JavaLiterals.string(e.fields().get(i)));
      }
      return CodeBlock.of("new $T($T.of($L))", MOUNT.nestedClass("Expanded"), List.class,
          fields.build());
    }
    Mount.Ssh s = (Mount.Ssh) m;
    if (s.equals(Mount.ssh())) {
      return CodeBlock.of("$T.ssh()", MOUNT);
    }
    return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L)", MOUNT.nestedClass("Ssh"),
        optional(s.id()), optional(s.target()), s.required(), optional(s.mode()),
        optional(s.uid()), optional(s.gid()));
  }

  /** Returns a duration expression in the largest unit that is exact. */
  static CodeBlock duration(Duration d) {
    if (d.toNanos() % 3_600_000_000_000L == 0) {
      return CodeBlock.of("$T.ofHours($L)", DURATION, d.toHours());
    }
    if (d.toNanos() % 60_000_000_000L == 0) {
      return CodeBlock.of("$T.ofMinutes($L)", DURATION, d.toMinutes());
    }
    if (d.getNano() == 0) {
      return CodeBlock.of("$T.ofSeconds($L)", DURATION, d.getSeconds());
    }
    if (d.toNanos() % 1_000_000L == 0) {
      return CodeBlock.of("$T.ofMillis($L)", DURATION, d.toMillis());
    }
    return CodeBlock.of("$T.ofNanos($LL)", DURATION, d.toNanos());
  }

  private static CodeBlock keyValues(List<KeyValue> pairs) {
    return list(pairs, kv -> CodeBlock.of("$T.of($L, $L)", KEY_VALUE,
        JavaLiterals.string(kv.key()), JavaLiterals.string(kv.value())));
  }

  /** Returns an expression constructing the instruction (or trivia) with the model records. */
  static CodeBlock instruction(Instruction instruction) {
    ClassName type = ClassName.get(instruction.getClass());
    if (instruction instanceof FromInstruction f) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.of($L)", type, JavaLiterals.string(f.image()));
      f.platform().ifPresent(p -> b.add(".withPlatform($L)", JavaLiterals.string(p)));
      f.name().ifPresent(n -> b.add(".withName($L)", JavaLiterals.string(n)));
      return b.build();
    } else if (instruction instanceof RunInstruction r) {
      if (r.equals(RunInstruction.of(r.command()))) {
        if (r.command() instanceof Shell s && s.lines().size() == 1) {
          return CodeBlock.of("$T.shell($L)", type, JavaLiterals.string(s.lines().get(0)));
        }
        return CodeBlock.of("$T.of($L)", type, command(r.command()));
      }
      return CodeBlock.of("new $T($>$>\n$L,\n$L,\n$L,\n$L,\n$L,\n$L$<$<)", type,
          command(r.command()),
          list(r.heredocs(), ModelExpressions::heredoc),
          list(r.mounts(), ModelExpressions::mount),
          optional(r.network(), n -> CodeBlock.of("$T.$L", type.nestedClass("Network"), n.name())),
          optional(r.security(), n -> CodeBlock.of("$T.$L", type.nestedClass("Security"), n.name())),
          strings(r.devices()));
    } else if (instruction instanceof CmdInstruction c) {
      return CodeBlock.of("$T.of($L)", type, command(c.command()));
    } else if (instruction instanceof EntrypointInstruction e) {
      return CodeBlock.of("$T.of($L)", type, command(e.command()));
    } else if (instruction instanceof LabelInstruction l) {
      if (l.labels().size() == 1) {
        KeyValue kv = l.labels().get(0);
        return CodeBlock.of("$T.of($L, $L)", type, JavaLiterals.string(kv.key()), JavaLiterals.string(kv.value()));
      }
      return CodeBlock.of("new $T($L)", type, keyValues(l.labels()));
    } else if (instruction instanceof EnvInstruction e) {
      if (e.vars().size() == 1) {
        KeyValue kv = e.vars().get(0);
        return CodeBlock.of("$T.of($L, $L)", type, JavaLiterals.string(kv.key()), JavaLiterals.string(kv.value()));
      }
      return CodeBlock.of("new $T($L)", type, keyValues(e.vars()));
    } else if (instruction instanceof MaintainerInstruction m) {
      return CodeBlock.of("new $T($L)", type, JavaLiterals.string(m.name()));
    } else if (instruction instanceof ExposeInstruction e) {
      if (e.ports().size() == 1 && e.ports().get(0).matches("[1-9][0-9]{0,4}")
          && e.equals(ExposeInstruction.of(Integer.parseInt(e.ports().get(0))))) {
        return CodeBlock.of("$T.of($L)", type, e.ports().get(0));
      }
      return CodeBlock.of("new $T($L)", type, strings(e.ports()));
    } else if (instruction instanceof AddInstruction a) {
      if (a.equals(AddInstruction.of(a.sources(), a.destination()))) {
        return a.sources().size() == 1
            ? CodeBlock.of("$T.of($L, $L)", type, JavaLiterals.string(a.sources().get(0)), JavaLiterals.string(a.destination()))
            : CodeBlock.of("$T.of($L, $L)", type, strings(a.sources()), JavaLiterals.string(a.destination()));
      }
      return CodeBlock.of("new $T($>$>\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L$<$<)",
          type, strings(a.sources()), JavaLiterals.string(a.destination()), list(a.heredocs(), ModelExpressions::heredoc),
          optional(a.chown()), optional(a.chmod()), a.link(), a.keepGitDir(),
          optional(a.checksum()), optional(a.unpack(), v -> CodeBlock.of("$L", v)),
          strings(a.excludes()), a.json());
    } else if (instruction instanceof CopyInstruction c) {
      return copy(c, type);
    } else if (instruction instanceof VolumeInstruction v) {
      if (!v.json()) {
        return CodeBlock.of("$T.of($L)", type, varargs(v.paths()));
      }
      return CodeBlock.of("new $T($L, true)", type, strings(v.paths()));
    } else if (instruction instanceof UserInstruction u) {
      return CodeBlock.of("$T.of($L)", type, JavaLiterals.string(u.user()));
    } else if (instruction instanceof WorkdirInstruction w) {
      return CodeBlock.of("$T.of($L)", type, JavaLiterals.string(w.path()));
    } else if (instruction instanceof StopsignalInstruction s) {
      return CodeBlock.of("$T.of($L)", type, JavaLiterals.string(s.signal()));
    } else if (instruction instanceof ArgInstruction a) {
      if (a.args().size() == 1) {
        ArgInstruction.Arg arg = a.args().get(0);
        return arg.defaultValue().isPresent()
            ? CodeBlock.of("$T.of($L, $L)", type, JavaLiterals.string(arg.name()), JavaLiterals.string(arg.defaultValue().get()))
            : CodeBlock.of("$T.of($L)", type, JavaLiterals.string(arg.name()));
      }
      return CodeBlock.of("new $T($L)", type, list(a.args(), arg -> CodeBlock.of("new $T($L, $L)",
          type.nestedClass("Arg"), JavaLiterals.string(arg.name()), optional(arg.defaultValue()))));
    } else if (instruction instanceof OnbuildInstruction o) {
      return CodeBlock.of("new $T($L)", type, instruction(o.trigger()));
    } else if (instruction instanceof HealthcheckInstruction h) {
      if (h.isNone()) {
        return CodeBlock.of("$T.none()", type);
      }
      if (h.equals(HealthcheckInstruction.of(h.command().orElseThrow()))) {
        return CodeBlock.of("$T.of($L)", type, command(h.command().orElseThrow()));
      }
      return CodeBlock.of("new $T($>$>\n$L,\n$L,\n$L,\n$L,\n$L,\n$L$<$<)", type,
          optional(h.command(), ModelExpressions::command),
          optional(h.interval(), ModelExpressions::duration),
          optional(h.timeout(), ModelExpressions::duration),
          optional(h.startPeriod(), ModelExpressions::duration),
          optional(h.startInterval(), ModelExpressions::duration),
          h.retries().isPresent()
              ? CodeBlock.of("$T.of($L)", OPTIONAL_INT, h.retries().getAsInt())
              : CodeBlock.of("$T.empty()", OPTIONAL_INT));
    } else if (instruction instanceof ShellInstruction s) {
      return CodeBlock.of("$T.of($L)", type, varargs(s.shell().args()));
    } else if (instruction instanceof Comment c) {
      if (c.text().startsWith(" ") && c.equals(Comment.of(c.text().substring(1)))) {
        return CodeBlock.of("$T.of($L)", type, JavaLiterals.string(c.text().substring(1)));
      }
      return CodeBlock.of("new $T($L)", type, JavaLiterals.string(c.text()));
    }
    return CodeBlock.of("$T.INSTANCE", ClassName.get(BlankLine.class));
  }

  private static CodeBlock copy(CopyInstruction c, ClassName type) {
    CopyInstruction plain = CopyInstruction.of(c.sources(), c.destination());
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(c.sources().size() == 1
        ? CodeBlock.of("$T.of($L, $L)", type, JavaLiterals.string(c.sources().get(0)),
            JavaLiterals.string(c.destination()))
        : CodeBlock.of("$T.of($L, $L)", type, strings(c.sources()),
            JavaLiterals.string(c.destination())));
    if (c.from().isPresent()) {
      plain = plain.withFrom(c.from().get());
      b.add(".withFrom($L)", JavaLiterals.string(c.from().get()));
    }
    if (c.chown().isPresent()) {
      plain = plain.withChown(c.chown().get());
      b.add(".withChown($L)", JavaLiterals.string(c.chown().get()));
    }
    if (c.chmod().isPresent()) {
      plain = plain.withChmod(c.chmod().get());
      b.add(".withChmod($L)", JavaLiterals.string(c.chmod().get()));
    }
    if (c.link()) {
      plain = plain.withLink(true);
      b.add(".withLink(true)");
    }
    if (plain.equals(c)) {
      return b.build();
    }
    return CodeBlock.of("new $T($>$>\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L$<$<)",
        type, strings(c.sources()), JavaLiterals.string(c.destination()), list(c.heredocs(), ModelExpressions::heredoc),
        optional(c.from()), optional(c.chown()), optional(c.chmod()), c.link(), c.parents(),
        strings(c.excludes()), c.json());
  }
}
