package io.github.dockerfiledsl.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.github.dockerfiledsl.Add;
import io.github.dockerfiledsl.AsStep;
import io.github.dockerfiledsl.Chmod;
import io.github.dockerfiledsl.CleanupStep;
import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Copy;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.DockerfileBuilder;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.FromStep;
import io.github.dockerfiledsl.Healthcheck;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.InstructionStep;
import io.github.dockerfiledsl.Port;
import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.RunStep;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Signal;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.StageRef;
import io.github.dockerfiledsl.StageStep;
import io.github.dockerfiledsl.Trigger;
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
import io.github.dockerfiledsl.optimize.Apk;
import io.github.dockerfiledsl.optimize.Apt;
import io.github.dockerfiledsl.optimize.Pip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the body of {@code dockerfile()} with the fluent builder, and runs every call it writes
 * on a real builder at the same time, so that the generator knows the code rebuilds the input.
 *
 * <p>A writer works in one {@link Mode}; {@link #write} tries the modes from the most to the
 * least idiomatic and keeps the first whose result renders like the input. Anything the builder
 * cannot express (a COPY of several heredocs, ...) makes the mode fail with {@link Unsupported}.
 */
final class BuilderWriter {
  static final ClassName DOCKERFILE = ClassName.get(Dockerfile.class);
  static final ClassName DOCKERFILE_BUILDER = ClassName.get(DockerfileBuilder.class);
  static final ClassName STAGE_REF = ClassName.get(StageRef.class);
  static final ClassName STAGE = ClassName.get(Stage.class);
  static final ClassName RUN = ClassName.get(Run.class);
  static final ClassName COPY = ClassName.get(Copy.class);
  static final ClassName ADD = ClassName.get(Add.class);
  static final ClassName CHMOD = ClassName.get(Chmod.class);
  static final ClassName PORT = ClassName.get(Port.class);
  static final ClassName SIGNAL = ClassName.get(Signal.class);
  static final ClassName COMMENT = ClassName.get(Comment.class);
  static final ClassName HEALTHCHECK = ClassName.get(Healthcheck.class);
  static final ClassName TRIGGER = ClassName.get(Trigger.class);
  static final ClassName IMAGE_REF = ClassName.get(ImageRef.class);
  static final ClassName APT = ClassName.get(Apt.class);
  static final ClassName APK = ClassName.get(Apk.class);
  static final ClassName PIP = ClassName.get(Pip.class);
  static final ClassName ARG = ClassName.get(ArgInstruction.Arg.class);
  static final ClassName NETWORK = ClassName.get(RunInstruction.Network.class);
  static final ClassName SECURITY = ClassName.get(RunInstruction.Security.class);

  private static final Pattern PLAIN_PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+:=~<>@/-]*");
  private static final Pattern PORT_SPEC = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp|sctp))?");
  private static final List<String> SIGNALS = List.of("SIGTERM", "SIGINT", "SIGQUIT", "SIGKILL",
      "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGWINCH");
  private static final List<String> CLEANUP_PREFIXES = List.of("rm ", "apt-get purge ",
      "apt-get clean", "apt-get autoremove", "apk del ", "yum clean ", "dnf clean ",
      "npm cache clean", "pip cache purge", "find / -depth", "rm -rf ");

  /** How the builder is configured. */
  enum Mode {
    /** Run steps merge into chains; the builder's default passes apply. */
    CHAINS,
    /** Run steps merge into chains; no passes ({@code passes(List.of())}). */
    CHAINS_NO_PASSES,
    /** Every run step is its own RUN ({@code verbatim()}). */
    VERBATIM
  }

  /** Thrown when the builder cannot express something in the current mode. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  /** A value of the library together with the Java expression that creates it. */
  record Expr<T>(T value, CodeBlock code) {}

  /** The state of the step chain, which decides what may be called next. */
  private enum Step {
    FROM,
    AS,
    STAGE,
    RUN,
    CLEANUP
  }

  private final Dockerfile input;
  private final Mode mode;
  private final JavaNames names = new JavaNames();
  private final Map<String, Expr<StageRef>> handles = new HashMap<>();
  private final Map<String, Optional<Exec>> stageShells = new HashMap<>();
  private final CodeBlock.Builder code = CodeBlock.builder();

  private BuilderWriter(Dockerfile input, Mode mode) {
    this.input = input;
    this.mode = mode;
    names.reserve("dockerfile");
    names.reserve("built");
  }

  /**
   * Returns the method body that rebuilds {@code d} with the builder, in the first mode that
   * reproduces its rendering, or empty when no mode does.
   */
  static Optional<CodeBlock> write(Dockerfile d) {
    String expected = d.render();
    CodeBlock best = null;
    int bestLength = Integer.MAX_VALUE;
    for (Mode mode : Mode.values()) {
      try {
        BuilderWriter w = new BuilderWriter(d, mode);
        Dockerfile built = w.body();
        if (built.render().equals(expected)) {
          // the shortest code reads best: it has the fewest layer() breaks and mode settings
          CodeBlock code = w.code.build();
          int length = code.toString().length();
          if (length < bestLength) {
            best = code;
            bestLength = length;
          }
        }
      } catch (RuntimeException e) {
        // not expressible in this mode; try the next
      }
    }
    return Optional.ofNullable(best);
  }

  /** Returns why each mode fails for {@code d}, for diagnostics; empty entries succeeded. */
  static List<String> explain(Dockerfile d) {
    String expected = d.render();
    List<String> out = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      try {
        String actual = new BuilderWriter(d, mode).body().render();
        out.add(actual.equals(expected) ? "" : mode + ": renders differently:\n" + actual);
      } catch (RuntimeException e) {
        out.add(mode + ": " + e);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- the whole Dockerfile

  private Dockerfile body() {
    List<Stage> stages = input.stages();

    // the root: Dockerfile.builder() with mode, directives, the preamble and what is above FROM
    CodeBlock.Builder root = CodeBlock.builder().add("$T.builder()", DOCKERFILE);
    DockerfileBuilder live = Dockerfile.builder();
    boolean rootCalls = false;
    if (mode == Mode.VERBATIM) {
      root.add("\n.verbatim()");
      live = live.verbatim();
      rootCalls = true;
    } else if (mode == Mode.CHAINS_NO_PASSES) {
      root.add("\n.passes($T.of())", ModelExpressions.LIST);
      live = live.passes(List.of());
      rootCalls = true;
    }
    for (Directive d : input.directives()) {
      rootCalls = true;
      switch (d.name()) {
        case "syntax" -> {
          root.add("\n.syntax($L)", JavaLiterals.string(d.value()));
          live = live.syntax(d.value());
        }
        case "escape" -> {
          root.add("\n.escape('$L')", d.value().equals("\\") ? "\\\\" : d.value());
          live = live.escape(d.value().charAt(0));
        }
        default -> {
          root.add("\n.check($L)", JavaLiterals.string(d.value()));
          live = live.check(d.value());
        }
      }
    }
    List<Instruction> pre = new ArrayList<>(input.preamble());
    pre.addAll(stages.get(0).leading());
    for (Instruction i : pre) {
      rootCalls = true;
      root.add("\n.$L", rootCall(i));
      live = applyRootCall(live, i);
    }

    boolean single = stages.size() == 1;
    String rootVar = null;
    if (!single) {
      rootVar = "dockerfile";
      code.addStatement("$T $N = $L", DOCKERFILE_BUILDER, rootVar, root.build());
    }
    // stage variables: named stages first, so that they keep their names
    List<String> vars = new ArrayList<>();
    for (Stage s : stages) {
      vars.add(s.name().map(n -> names.allocate(n, "stage")).orElse(null));
    }
    for (int i = 0; i < stages.size(); i++) {
      if (vars.get(i) == null) {
        vars.set(i, names.allocate(JavaGenerator.stageName(stages.get(i)), "stage" + i));
      }
    }

    Dockerfile built = null;
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      if (i > 0) {
        // comments and blank lines above this FROM
        for (Instruction t : stage.leading()) {
          code.addStatement("$N.$L", rootVar, rootCall(t));
          live = applyRootCall(live, t);
        }
      }
      boolean last = i == stages.size() - 1;
      CodeBlock.Builder chain = CodeBlock.builder();
      Object step = stage(stage, single && rootCalls ? root.build() : null, rootVar, live, chain);
      if (!last) {
        StageRef ref = ((InstructionStep) step).end();
        chain.add("\n.end()");
        code.addStatement("$T $N = $L", STAGE_REF, vars.get(i), chain.build());
        CodeBlock var = CodeBlock.of("$N", vars.get(i));
        stage.name().ifPresent(n -> handles.put(n, new Expr<>(ref, var)));
        stageShells.put(stage.name().orElse("#" + i), currentShell);
      } else {
        built = ((InstructionStep) step).build();
        chain.add("\n.build()");
        code.addStatement("return $L", chain.build());
      }
    }
    return built;
  }

  /** Returns the root call for a comment, blank line or ARG before a FROM. */
  private static CodeBlock rootCall(Instruction i) {
    if (i instanceof Comment c) {
      return commentCall(c);
    } else if (i instanceof BlankLine) {
      return CodeBlock.of("blankLine()");
    }
    return argCall((ArgInstruction) i);
  }

  private static DockerfileBuilder applyRootCall(DockerfileBuilder b, Instruction i) {
    if (i instanceof Comment c) {
      return b.comment(c);
    } else if (i instanceof BlankLine) {
      return b.blankLine();
    }
    ArgInstruction a = (ArgInstruction) i;
    if (a.args().size() > 1) {
      return b.arg(a.args());
    }
    ArgInstruction.Arg arg = a.args().get(0);
    return arg.defaultValue().isPresent() ? b.arg(arg.name(), arg.defaultValue().get())
        : b.arg(arg.name());
  }

  /** Returns {@code arg(..)} for an ARG, on the root or in a stage. */
  private static CodeBlock argCall(ArgInstruction a) {
    if (a.args().size() > 1) {
      return CodeBlock.of("arg($L)", ModelExpressions.list(a.args(), arg -> CodeBlock.of(
          "new $T($L, $L)", ARG, JavaLiterals.string(arg.name()),
          ModelExpressions.optional(arg.defaultValue()))));
    }
    ArgInstruction.Arg arg = a.args().get(0);
    return arg.defaultValue().isPresent()
        ? CodeBlock.of("arg($L, $L)", JavaLiterals.string(arg.name()),
            JavaLiterals.string(arg.defaultValue().get()))
        : CodeBlock.of("arg($L)", JavaLiterals.string(arg.name()));
  }

  /**
   * Returns {@code comment("text")} for a comment written {@code # text}, else {@code
   * comment(new Comment("raw"))}, which keeps the comment exactly.
   */
  private static CodeBlock commentCall(Comment c) {
    Optional<String> text = commentText(c);
    return text.isPresent()
        ? CodeBlock.of("comment($L)", JavaLiterals.string(text.get()))
        : CodeBlock.of("comment(new $T($L))", COMMENT, JavaLiterals.string(c.text()));
  }

  /** Returns the text for {@code comment(..)} that gives exactly this comment, if any. */
  private static Optional<String> commentText(Comment c) {
    if (c.text().isEmpty()) {
      return Optional.of("");
    }
    if (c.text().startsWith(" ") && c.equals(Comment.of(c.text().substring(1)))) {
      return Optional.of(c.text().substring(1));
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- one stage

  private Step state;
  private Optional<Exec> currentShell = Optional.empty();
  private boolean lastWasRun;

  private Object stage(Stage stage, CodeBlock singleRoot, String rootVar, DockerfileBuilder live,
      CodeBlock.Builder chain) {
    FromInstruction from = stage.from();
    Object step;
    Optional<Expr<StageRef>> base = Optional.ofNullable(handles.get(from.image()));
    if (rootVar != null) {
      chain.add("$N.from(", rootVar);
    } else if (singleRoot != null) {
      chain.add("$L\n.from(", singleRoot);
    } else {
      chain.add("$T.from(", DOCKERFILE);
    }
    if (base.isPresent()) {
      chain.add("$L)", base.get().code());
      step = live.from(base.get().value());
      currentShell = stageShells.getOrDefault(from.image(), Optional.empty());
    } else {
      chain.add("$L)", JavaLiterals.string(from.image()));
      step = rootVar == null && singleRoot == null ? Dockerfile.from(from.image())
          : live.from(from.image());
      currentShell = Optional.empty();
    }
    state = Step.FROM;
    if (from.platform().isPresent()) {
      chain.add(".platform($L)", JavaLiterals.string(from.platform().get()));
      step = ((FromStep) step).platform(from.platform().get());
      state = Step.AS;
    }
    if (from.name().isPresent()) {
      chain.add(".as($L)", JavaLiterals.string(from.name().get()));
      step = ((AsStep) step).as(from.name().get());
      state = Step.STAGE;
    }
    lastWasRun = false;
    for (Instruction i : stage.instructions()) {
      step = instruction(i, step, chain);
    }
    return step;
  }

  private Object call(Object step, CodeBlock.Builder chain, CodeBlock call,
      Function<InstructionStep, Object> action, Step next) {
    chain.add("\n.$L", call);
    state = next;
    lastWasRun = false;
    return action.apply((InstructionStep) step);
  }

  private Object instruction(Instruction i, Object step, CodeBlock.Builder chain) {
    if (i instanceof RunInstruction r) {
      return run(r, step, chain);
    } else if (i instanceof CopyInstruction c) {
      Expr<Copy> copy = copy(c);
      if (c.equals(CopyInstruction.of(c.sources(), c.destination())) && c.sources().size() == 1) {
        return call(step, chain, CodeBlock.of("copy($L, $L)", JavaLiterals.string(c.sources().get(0)),
            JavaLiterals.string(c.destination())), s -> s.copy(c.sources().get(0), c.destination()),
            Step.STAGE);
      }
      Optional<Expr<StageRef>> h = c.from().map(handles::get);
      if (h.isPresent() && c.sources().size() == 1
          && c.equals(CopyInstruction.of(c.sources(), c.destination()).withFrom(c.from().get()))) {
        return call(step, chain, CodeBlock.of("copy($L, $L, $L)", h.get().code(),
            JavaLiterals.string(c.sources().get(0)), JavaLiterals.string(c.destination())),
            s -> s.copy(h.get().value(), c.sources().get(0), c.destination()), Step.STAGE);
      }
      return call(step, chain, CodeBlock.of("copy($L)", copy.code()), s -> s.copy(copy.value()),
          Step.STAGE);
    } else if (i instanceof AddInstruction a) {
      if (a.equals(AddInstruction.of(a.sources(), a.destination())) && a.sources().size() == 1) {
        return call(step, chain, CodeBlock.of("add($L, $L)", JavaLiterals.string(a.sources().get(0)),
            JavaLiterals.string(a.destination())), s -> s.add(a.sources().get(0), a.destination()),
            Step.STAGE);
      }
      Expr<Add> add = add(a);
      return call(step, chain, CodeBlock.of("add($L)", add.code()), s -> s.add(add.value()),
          Step.STAGE);
    } else if (i instanceof WorkdirInstruction w) {
      return call(step, chain, CodeBlock.of("workdir($L)", JavaLiterals.string(w.path())),
          s -> s.workdir(w.path()), Step.STAGE);
    } else if (i instanceof EnvInstruction e) {
      if (e.vars().size() == 1) {
        KeyValue kv = e.vars().get(0);
        return call(step, chain, CodeBlock.of("env($L, $L)", JavaLiterals.string(kv.key()),
            JavaLiterals.string(kv.value())), s -> s.env(kv.key(), kv.value()), Step.STAGE);
      }
      return call(step, chain, CodeBlock.of("env($L)", pairs(e.vars())), s -> s.env(e.vars()),
          Step.STAGE);
    } else if (i instanceof LabelInstruction l) {
      if (l.labels().size() == 1) {
        KeyValue kv = l.labels().get(0);
        return call(step, chain, CodeBlock.of("label($L, $L)", JavaLiterals.string(kv.key()),
            JavaLiterals.string(kv.value())), s -> s.label(kv.key(), kv.value()), Step.STAGE);
      }
      return call(step, chain, CodeBlock.of("label($L)", pairs(l.labels())),
          s -> s.label(l.labels()), Step.STAGE);
    } else if (i instanceof ExposeInstruction e) {
      if (e.ports().size() == 1 && e.ports().get(0).matches("[1-9][0-9]{0,4}")) {
        int port = Integer.parseInt(e.ports().get(0));
        return call(step, chain, CodeBlock.of("expose($L)", port), s -> s.expose(port), Step.STAGE);
      }
      List<Expr<Port>> ports = new ArrayList<>();
      for (String p : e.ports()) {
        ports.add(port(p));
      }
      Port first = ports.get(0).value();
      Port[] more = ports.subList(1, ports.size()).stream().map(Expr::value).toArray(Port[]::new);
      return call(step, chain, CodeBlock.of("expose($L)",
          ports.stream().map(Expr::code).collect(CodeBlock.joining(", "))),
          s -> s.expose(first, more), Step.STAGE);
    } else if (i instanceof CmdInstruction c) {
      return call(step, chain, CodeBlock.of("cmd($L)", ModelExpressions.command(c.command())),
          s -> s.cmd(c.command()), Step.STAGE);
    } else if (i instanceof EntrypointInstruction e) {
      return call(step, chain, CodeBlock.of("entrypoint($L)", ModelExpressions.command(e.command())),
          s -> s.entrypoint(e.command()), Step.STAGE);
    } else if (i instanceof HealthcheckInstruction h) {
      Expr<Healthcheck> hc = healthcheck(h);
      return call(step, chain, CodeBlock.of("healthcheck($L)", hc.code()),
          s -> s.healthcheck(hc.value()), Step.STAGE);
    } else if (i instanceof UserInstruction u) {
      return call(step, chain, CodeBlock.of("user($L)", JavaLiterals.string(u.user())),
          s -> s.user(u.user()), Step.STAGE);
    } else if (i instanceof VolumeInstruction v) {
      String first = v.paths().get(0);
      String[] more = v.paths().subList(1, v.paths().size()).toArray(String[]::new);
      if (v.json()) {
        return call(step, chain,
            CodeBlock.of("volumeJson($L)", ModelExpressions.varargs(v.paths())),
            s -> s.volumeJson(first, more), Step.STAGE);
      }
      return call(step, chain, CodeBlock.of("volume($L)", ModelExpressions.varargs(v.paths())),
          s -> s.volume(first, more), Step.STAGE);
    } else if (i instanceof ArgInstruction a) {
      return call(step, chain, argCall(a), s -> a.args().size() > 1 ? s.arg(a.args())
          : a.args().get(0).defaultValue().isPresent()
              ? s.arg(a.args().get(0).name(), a.args().get(0).defaultValue().get())
              : s.arg(a.args().get(0).name()), Step.STAGE);
    } else if (i instanceof OnbuildInstruction o) {
      Expr<Trigger> t = trigger(o.trigger());
      return call(step, chain, CodeBlock.of("onbuild($L)", t.code()), s -> s.onbuild(t.value()),
          Step.STAGE);
    } else if (i instanceof ShellInstruction sh) {
      currentShell = Optional.of(sh.shell());
      return call(step, chain, CodeBlock.of("shell($L)", ModelExpressions.command(sh.shell())),
          s -> s.shell(sh.shell()), Step.STAGE);
    } else if (i instanceof StopsignalInstruction s) {
      Expr<Signal> sig = signal(s.signal());
      return call(step, chain, CodeBlock.of("stopsignal($L)", sig.code()),
          x -> x.stopsignal(sig.value()), Step.STAGE);
    } else if (i instanceof MaintainerInstruction m) {
      return call(step, chain, CodeBlock.of("maintainer($L)", JavaLiterals.string(m.name())),
          s -> s.maintainer(m.name()), Step.STAGE);
    } else if (i instanceof Comment c) {
      // a comment ends the builder's run chain, so the next run needs no layer()
      return call(step, chain, commentCall(c), s -> s.comment(c), Step.STAGE);
    } else if (i instanceof BlankLine) {
      return call(step, chain, CodeBlock.of("blankLine()"), InstructionStep::blankLine, Step.STAGE);
    }
    throw new Unsupported("unknown instruction " + i.keyword());
  }

  private static CodeBlock pairs(List<KeyValue> pairs) {
    return ModelExpressions.list(pairs, kv -> CodeBlock.of("$T.of($L, $L)",
        ModelExpressions.KEY_VALUE, JavaLiterals.string(kv.key()), JavaLiterals.string(kv.value())));
  }

  // ---------------------------------------------------------------- RUN

  private Object run(RunInstruction r, Object step, CodeBlock.Builder chain) {
    List<RunCandidate> candidates = runCandidates(r);
    for (RunCandidate c : candidates) {
      if (reproduces(c, r)) {
        return emitRun(c, step, chain);
      }
    }
    throw new Unsupported("RUN not reproducible: " + r.command());
  }

  /** One way to write a RUN: steps, then cleanup commands. */
  private record RunCandidate(List<Expr<Run>> steps, List<String> cleanup, boolean exec) {}

  private Object emitRun(RunCandidate c, Object step, CodeBlock.Builder chain) {
    Object s = step;
    if (state == Step.CLEANUP || lastWasRun && mode != Mode.VERBATIM && !c.exec()) {
      chain.add("\n.layer()");
      s = state == Step.CLEANUP ? ((CleanupStep) s).layer() : ((RunStep) s).layer();
      state = Step.STAGE;
    }
    if (c.exec()) {
      Exec e = (Exec) c.steps().get(0).value().command();
      chain.add("\n.run($L)", ModelExpressions.command(e));
      s = ((StageStep) s).run(e);
      state = Step.STAGE;
      lastWasRun = false;
      return s;
    }
    for (Expr<Run> r : c.steps()) {
      chain.add("\n.run($L)", r.code());
      s = ((StageStep) s).run(r.value());
    }
    state = Step.RUN;
    if (!c.cleanup().isEmpty()) {
      chain.add("\n.cleanup($L)", c.cleanup().size() > 2
          ? CodeBlock.of("$>$>$L$<$<", ModelExpressions.wrapped(c.cleanup()))
          : ModelExpressions.varargs(c.cleanup()));
      s = ((RunStep) s).cleanup(c.cleanup().get(0),
          c.cleanup().subList(1, c.cleanup().size()).toArray(String[]::new));
      state = Step.CLEANUP;
    }
    lastWasRun = true;
    return s;
  }

  /** Checks a candidate on a fresh builder with the same mode and SHELL. */
  private boolean reproduces(RunCandidate c, RunInstruction r) {
    try {
      DockerfileBuilder b = Dockerfile.builder().passes(List.of());
      if (mode == Mode.VERBATIM) {
        b = Dockerfile.builder().verbatim();
      }
      StageStep s = b.from("scratch");
      if (currentShell.isPresent()) {
        s = s.shell(currentShell.get());
      }
      InstructionStep end;
      if (c.exec()) {
        end = s.run((Exec) c.steps().get(0).value().command());
      } else {
        RunStep rs = null;
        for (Expr<Run> x : c.steps()) {
          rs = rs == null ? s.run(x.value()) : rs.run(x.value());
        }
        end = c.cleanup().isEmpty() ? rs : rs.cleanup(c.cleanup().get(0),
            c.cleanup().subList(1, c.cleanup().size()).toArray(String[]::new));
      }
      List<Instruction> body = end.build().stages().get(0).instructions();
      return body.size() == (currentShell.isPresent() ? 2 : 1) && body.get(body.size() - 1).equals(r);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private List<RunCandidate> runCandidates(RunInstruction r) {
    List<RunCandidate> out = new ArrayList<>();
    Command command = r.command();
    boolean flags = !r.mounts().isEmpty() || r.network().isPresent() || r.security().isPresent()
        || !r.devices().isEmpty();
    if (command instanceof Exec e) {
      if (!flags) {
        out.add(new RunCandidate(List.of(new Expr<>(Run.of(e), CodeBlock.of(""))), List.of(), true));
      } else {
        out.add(new RunCandidate(List.of(withFlags(new Expr<>(Run.of(e),
            CodeBlock.of("$T.of($L)", RUN, ModelExpressions.command(e))), r)), List.of(), false));
      }
      return out;
    }
    Shell shell = (Shell) command;
    if (!r.heredocs().isEmpty()) {
      if (shell.lines().size() != 1) {
        throw new Unsupported("heredoc RUN over several lines");
      }
      String line = shell.lines().get(0);
      Expr<Run> base;
      Heredoc h0 = r.heredocs().get(0);
      if (line.equals("<<EOF") && r.heredocs().size() == 1 && h0.equals(Heredoc.of("EOF", h0.body()))) {
        base = new Expr<>(Run.script(h0.body()), CodeBlock.of("$T.script($L)", RUN,
            JavaLiterals.string(h0.body())));
      } else {
        Heredoc[] more = r.heredocs().subList(1, r.heredocs().size()).toArray(Heredoc[]::new);
        CodeBlock docs = r.heredocs().stream().map(ModelExpressions::heredoc)
            .collect(CodeBlock.joining(", "));
        base = new Expr<>(Run.heredoc(line, h0, more), CodeBlock.of("$T.heredoc($L, $L)", RUN,
            JavaLiterals.string(line), docs));
      }
      out.add(new RunCandidate(List.of(withFlags(base, r)), List.of(), false));
      return out;
    }
    Optional<List<String>> chain = ModelExpressions.chainCommands(shell);
    if (flags) {
      if (chain.isPresent() && chain.get().size() > 1) {
        out.add(new RunCandidate(List.of(withFlags(runChain(chain.get()), r)), List.of(), false));
      }
      out.add(new RunCandidate(List.of(withFlags(runOf(shell), r)), List.of(), false));
      return out;
    }
    if (chain.isPresent() && chain.get().size() > 1) {
      List<String> steps = chain.get();
      if (mode == Mode.VERBATIM) {
        Optional<Expr<Run>> helper = wholeHelper(steps);
        helper.ifPresent(h -> out.add(new RunCandidate(List.of(h), List.of(), false)));
        out.add(new RunCandidate(List.of(runChain(steps)), List.of(), false));
      } else {
        int cleanupFrom = steps.size();
        while (cleanupFrom > 1 && isCleanup(steps.get(cleanupFrom - 1))) {
          cleanupFrom--;
        }
        List<String> body = steps.subList(0, cleanupFrom);
        List<String> cleanup = steps.subList(cleanupFrom, steps.size());
        HelperSteps helpers = withHelpers(body, cleanup);
        out.add(new RunCandidate(helpers.steps(), helpers.remaining(cleanup), false));
        out.add(new RunCandidate(plainSteps(body), cleanup, false));
        out.add(new RunCandidate(plainSteps(steps), List.of(), false));
        out.add(new RunCandidate(List.of(runChain(steps)), List.of(), false));
      }
    } else if (shell.lines().size() == 1) {
      Optional<Expr<Run>> helper = wholeHelper(List.of(shell.lines().get(0)));
      helper.ifPresent(h -> out.add(new RunCandidate(List.of(h), List.of(), false)));
    }
    out.add(new RunCandidate(List.of(runOf(shell)), List.of(), false));
    return out;
  }

  private static boolean isCleanup(String command) {
    for (String p : CLEANUP_PREFIXES) {
      if (command.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static List<Expr<Run>> plainSteps(List<String> steps) {
    List<Expr<Run>> out = new ArrayList<>();
    for (String s : steps) {
      out.add(new Expr<>(Run.of(s), JavaLiterals.string(s)));
    }
    return out;
  }

  private static Expr<Run> runChain(List<String> steps) {
    return new Expr<>(Run.chain(steps.get(0), steps.subList(1, steps.size()).toArray(String[]::new)),
        CodeBlock.of("$T.chain($>$>$L$<$<)", RUN, ModelExpressions.wrapped(steps)));
  }

  private static Expr<Run> runOf(Shell shell) {
    if (shell.lines().size() == 1) {
      String line = shell.lines().get(0);
      return new Expr<>(Run.of(line), JavaLiterals.string(line));
    }
    return new Expr<>(Run.of(shell), ModelExpressions.command(shell));
  }

  private static Expr<Run> withFlags(Expr<Run> base, RunInstruction r) {
    Run run = base.value();
    CodeBlock code = base.code();
    if (code.toString().startsWith("\"")) {
      code = CodeBlock.of("$T.of($L)", RUN, code);
    } else if (code.toString().startsWith(ModelExpressions.SHELL.simpleName())
        || code.toString().startsWith(ModelExpressions.SHELL.canonicalName())) {
      code = CodeBlock.of("$T.of($L)", RUN, code);
    }
    CodeBlock.Builder b = code.toBuilder();
    for (Mount m : r.mounts()) {
      b.add("\n.mount($L)", ModelExpressions.mount(m));
      run = run.mount(m);
    }
    if (r.network().isPresent()) {
      b.add("\n.network($T.$L)", NETWORK, r.network().get().name());
      run = run.network(r.network().get());
    }
    if (r.security().isPresent()) {
      b.add("\n.security($T.$L)", SECURITY, r.security().get().name());
      run = run.security(r.security().get());
    }
    for (String d : r.devices()) {
      b.add("\n.device($L)", JavaLiterals.string(d));
      run = run.device(d);
    }
    return new Expr<>(run, CodeBlock.of("$>$>$L$<$<", b.build()));
  }

  // ---------------------------------------------------------------- package-manager helpers

  private static final Pattern APT_INSTALL =
      Pattern.compile("apt-get install -y --no-install-recommends (.+)");
  private static final Pattern APK_ADD = Pattern.compile("apk add --no-cache (.+)");
  private static final Pattern APK_BUILD_DEPS =
      Pattern.compile("apk add --no-cache --virtual \\.build-deps (.+)");
  private static final Pattern PIP_INSTALL = Pattern.compile("pip install --no-cache-dir (.+)");
  private static final Pattern PIP_REQUIREMENTS =
      Pattern.compile("pip install --no-cache-dir -r (\\S+)");
  private static final String APT_LISTS = "rm -rf /var/lib/apt/lists/*";
  private static final String APK_DEL = "apk del .build-deps";

  /** Splits package words: plain words, or single-quoted words without blanks. */
  private static Optional<List<String>> packages(String words) {
    List<String> out = new ArrayList<>();
    for (String w : words.split(" ", -1)) {
      if (w.length() > 2 && w.startsWith("'") && w.endsWith("'")) {
        out.add(w.substring(1, w.length() - 1));
      } else if (PLAIN_PACKAGE.matcher(w).matches() && !w.startsWith("-")) {
        out.add(w);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private static Expr<Run> helper(ClassName type, String method, List<String> packages,
      Function<String[], Run> factory) {
    String[] p = packages.toArray(String[]::new);
    return new Expr<>(factory.apply(p), CodeBlock.of("$T.$L($L)", type, method,
        ModelExpressions.varargs(packages)));
  }

  /** A helper whose output is exactly this single command. */
  private static Optional<Expr<Run>> singleHelper(String command) {
    Matcher m = PIP_REQUIREMENTS.matcher(command);
    if (m.matches() && packages(m.group(1)).isPresent()) {
      String f = packages(m.group(1)).get().get(0);
      return Optional.of(new Expr<>(Pip.requirements(f), CodeBlock.of("$T.requirements($L)", PIP,
          JavaLiterals.string(f))));
    }
    m = PIP_INSTALL.matcher(command);
    if (m.matches() && packages(m.group(1)).isPresent()) {
      return Optional.of(helper(PIP, "install", packages(m.group(1)).get(), Pip::install));
    }
    m = APK_BUILD_DEPS.matcher(command);
    if (m.matches()) {
      return Optional.empty();
    }
    m = APK_ADD.matcher(command);
    if (m.matches() && packages(m.group(1)).isPresent()) {
      return Optional.of(helper(APK, "add", packages(m.group(1)).get(), Apk::add));
    }
    return Optional.empty();
  }

  /** A helper whose whole output (cleanup included) is these commands, for verbatim mode. */
  private static Optional<Expr<Run>> wholeHelper(List<String> steps) {
    if (steps.size() == 1) {
      return singleHelper(steps.get(0));
    }
    if (steps.size() == 3 && steps.get(0).equals("apt-get update")
        && steps.get(2).equals(APT_LISTS)) {
      Matcher m = APT_INSTALL.matcher(steps.get(1));
      if (m.matches() && packages(m.group(1)).isPresent()) {
        return Optional.of(helper(APT, "install", packages(m.group(1)).get(), Apt::install));
      }
    }
    return Optional.empty();
  }

  /** Run steps with package-manager helpers, and the cleanup commands the helpers bring. */
  private record HelperSteps(List<Expr<Run>> steps, List<String> ownCleanup) {
    /** Returns the cleanup still to write after the helpers' own. */
    List<String> remaining(List<String> cleanup) {
      List<String> out = new ArrayList<>(cleanup);
      out.removeAll(ownCleanup);
      return out;
    }
  }

  /** Steps with package-manager helpers where they match. */
  private static HelperSteps withHelpers(List<String> body, List<String> cleanup) {
    List<Expr<Run>> out = new ArrayList<>();
    List<String> own = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      String s = body.get(i);
      if (s.equals("apt-get update") && i + 2 < body.size() && body.get(i + 2).equals(APT_LISTS)) {
        // the helper's own cleanup runs where its step ends
        Matcher m = APT_INSTALL.matcher(body.get(i + 1));
        if (m.matches() && packages(m.group(1)).isPresent()) {
          out.add(helper(APT, "install", packages(m.group(1)).get(), Apt::install));
          i += 2;
          continue;
        }
      }
      if (s.equals("apt-get update") && i + 1 < body.size() && cleanup.contains(APT_LISTS)) {
        Matcher m = APT_INSTALL.matcher(body.get(i + 1));
        if (m.matches() && packages(m.group(1)).isPresent()) {
          out.add(helper(APT, "install", packages(m.group(1)).get(), Apt::install));
          own.add(APT_LISTS);
          i++;
          continue;
        }
      }
      Matcher m = APK_BUILD_DEPS.matcher(s);
      if (m.matches() && packages(m.group(1)).isPresent() && cleanup.contains(APK_DEL)) {
        out.add(helper(APK, "buildDeps", packages(m.group(1)).get(), Apk::buildDeps));
        own.add(APK_DEL);
        continue;
      }
      Optional<Expr<Run>> single = singleHelper(s);
      out.add(single.orElseGet(() -> new Expr<>(Run.of(s), JavaLiterals.string(s))));
    }
    return new HelperSteps(out, own);
  }

  // ---------------------------------------------------------------- COPY, ADD and friends

  private Expr<Copy> copy(CopyInstruction c) {
    if (!c.heredocs().isEmpty()) {
      if (c.heredocs().size() != 1 || c.sources().size() != 1) {
        throw new Unsupported("COPY with several heredocs");
      }
      Expr<Copy> base = new Expr<>(Copy.heredoc(c.heredocs().get(0), c.destination()),
          CodeBlock.of("$T.heredoc($L, $L)", COPY, ModelExpressions.heredoc(c.heredocs().get(0)),
              JavaLiterals.string(c.destination())));
      return copyFlags(base, c);
    }
    Expr<Copy> base = c.sources().size() == 1
        ? new Expr<>(Copy.of(c.sources().get(0), c.destination()), CodeBlock.of("$T.of($L, $L)",
            COPY, JavaLiterals.string(c.sources().get(0)), JavaLiterals.string(c.destination())))
        : new Expr<>(Copy.of(c.sources(), c.destination()), CodeBlock.of("$T.of($L, $L)", COPY,
            ModelExpressions.strings(c.sources()), JavaLiterals.string(c.destination())));
    return copyFlags(base, c);
  }

  private Expr<Copy> copyFlags(Expr<Copy> base, CopyInstruction c) {
    Copy copy = base.value();
    CodeBlock.Builder b = base.code().toBuilder();
    if (c.from().isPresent()) {
      String from = c.from().get();
      Expr<StageRef> h = handles.get(from.toLowerCase(Locale.ROOT));
      if (h != null && from.equals(from.toLowerCase(Locale.ROOT))) {
        b.add(".from($L)", h.code());
        copy = copy.from(h.value());
      } else if (!from.matches("\\d+") && !from.contains("$") && ImageRef.isValid(from)
          && (from.contains(":") || from.contains("/") || from.contains("@"))) {
        b.add(".from($T.parse($L))", IMAGE_REF, JavaLiterals.string(from));
        copy = copy.from(ImageRef.parse(from));
      } else {
        b.add(".fromContext($L)", JavaLiterals.string(from));
        copy = copy.fromContext(from);
      }
    }
    if (c.chown().isPresent()) {
      b.add(".chown($L)", JavaLiterals.string(c.chown().get()));
      copy = copy.chown(c.chown().get());
    }
    if (c.chmod().isPresent()) {
      Expr<Chmod> m = chmod(c.chmod().get());
      b.add(".chmod($L)", m.code());
      copy = copy.chmod(m.value());
    }
    if (c.link()) {
      b.add(".link()");
      copy = copy.link();
    }
    if (c.parents()) {
      b.add(".parents()");
      copy = copy.parents();
    }
    for (String x : c.excludes()) {
      b.add(".exclude($L)", JavaLiterals.string(x));
      copy = copy.exclude(x);
    }
    if (c.json()) {
      b.add(".json()");
      copy = copy.json();
    }
    return new Expr<>(copy, b.build());
  }

  private static Expr<Add> add(AddInstruction a) {
    Expr<Add> base;
    if (!a.heredocs().isEmpty()) {
      if (a.heredocs().size() != 1 || a.sources().size() != 1) {
        throw new Unsupported("ADD with several heredocs");
      }
      base = new Expr<>(Add.heredoc(a.heredocs().get(0), a.destination()),
          CodeBlock.of("$T.heredoc($L, $L)", ADD, ModelExpressions.heredoc(a.heredocs().get(0)),
              JavaLiterals.string(a.destination())));
    } else if (a.sources().size() == 1) {
      base = new Expr<>(Add.of(a.sources().get(0), a.destination()), CodeBlock.of("$T.of($L, $L)",
          ADD, JavaLiterals.string(a.sources().get(0)), JavaLiterals.string(a.destination())));
    } else {
      base = new Expr<>(Add.of(a.sources(), a.destination()), CodeBlock.of("$T.of($L, $L)", ADD,
          ModelExpressions.strings(a.sources()), JavaLiterals.string(a.destination())));
    }
    Add add = base.value();
    CodeBlock.Builder b = base.code().toBuilder();
    if (a.chown().isPresent()) {
      b.add(".chown($L)", JavaLiterals.string(a.chown().get()));
      add = add.chown(a.chown().get());
    }
    if (a.chmod().isPresent()) {
      Expr<Chmod> m = chmod(a.chmod().get());
      b.add(".chmod($L)", m.code());
      add = add.chmod(m.value());
    }
    if (a.link()) {
      b.add(".link()");
      add = add.link();
    }
    if (a.keepGitDir()) {
      b.add(".keepGitDir()");
      add = add.keepGitDir();
    }
    if (a.checksum().isPresent()) {
      b.add(".checksum($L)", JavaLiterals.string(a.checksum().get()));
      add = add.checksum(a.checksum().get());
    }
    if (a.unpack().isPresent()) {
      b.add(".unpack($L)", a.unpack().get());
      add = add.unpack(a.unpack().get());
    }
    for (String x : a.excludes()) {
      b.add(".exclude($L)", JavaLiterals.string(x));
      add = add.exclude(x);
    }
    if (a.json()) {
      b.add(".json()");
      add = add.json();
    }
    return new Expr<>(add, b.build());
  }

  private static Expr<Chmod> chmod(String mode) {
    if (mode.matches("0?[0-7]{3}")) {
      Chmod c = Chmod.of(Integer.parseInt(mode, 8));
      if (c.value().equals(mode)) {
        return new Expr<>(c, CodeBlock.of("$T.of(0$L)", CHMOD, mode.length() == 4 ? mode.substring(1) : mode));
      }
    }
    if (mode.matches("[0-7]{3,4}")) {
      return new Expr<>(Chmod.octal(mode), CodeBlock.of("$T.octal($L)", CHMOD,
          JavaLiterals.string(mode)));
    }
    if (mode.contains("$")) {
      return new Expr<>(Chmod.variable(mode), CodeBlock.of("$T.variable($L)", CHMOD,
          JavaLiterals.string(mode)));
    }
    return new Expr<>(Chmod.symbolic(mode), CodeBlock.of("$T.symbolic($L)", CHMOD,
        JavaLiterals.string(mode)));
  }

  private static Expr<Port> port(String p) {
    Matcher m = PORT_SPEC.matcher(p);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      Expr<Port> port;
      if (m.group(2) != null) {
        int to = Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
          throw new Unsupported("port range with protocol");
        }
        port = new Expr<>(Port.range(n, to), CodeBlock.of("$T.range($L, $L)", PORT, n, to));
      } else if (m.group(3) == null) {
        port = new Expr<>(Port.of(n), CodeBlock.of("$T.of($L)", PORT, n));
      } else {
        String proto = m.group(3);
        Port value = proto.equals("tcp") ? Port.tcp(n) : proto.equals("udp") ? Port.udp(n)
            : Port.sctp(n);
        port = new Expr<>(value, CodeBlock.of("$T.$L($L)", PORT, proto, n));
      }
      if (port.value().value().equals(p)) {
        return port;
      }
    }
    Port v = Port.variable(p);
    if (!v.value().equals(p)) {
      throw new Unsupported("EXPOSE port " + p);
    }
    return new Expr<>(v, CodeBlock.of("$T.variable($L)", PORT, JavaLiterals.string(p)));
  }

  private static Expr<Signal> signal(String s) {
    if (SIGNALS.contains(s)) {
      return new Expr<>(Signal.named(s), CodeBlock.of("$T.$L", SIGNAL, s));
    }
    Expr<Signal> sig;
    if (s.matches("[1-9][0-9]{0,2}")) {
      sig = new Expr<>(Signal.of(Integer.parseInt(s)), CodeBlock.of("$T.of($L)", SIGNAL, s));
    } else if (s.contains("$")) {
      sig = new Expr<>(Signal.variable(s), CodeBlock.of("$T.variable($L)", SIGNAL,
          JavaLiterals.string(s)));
    } else {
      sig = new Expr<>(Signal.named(s), CodeBlock.of("$T.named($L)", SIGNAL, JavaLiterals.string(s)));
    }
    if (!sig.value().value().equals(s)) {
      throw new Unsupported("STOPSIGNAL " + s);
    }
    return sig;
  }

  private static Expr<Healthcheck> healthcheck(HealthcheckInstruction h) {
    if (h.isNone()) {
      return new Expr<>(Healthcheck.none(), CodeBlock.of("$T.none()", HEALTHCHECK));
    }
    Command cmd = h.command().orElseThrow();
    Healthcheck hc = Healthcheck.of(cmd);
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of($L)", HEALTHCHECK,
        ModelExpressions.command(cmd));
    if (h.interval().isPresent()) {
      b.add("\n.interval($L)", ModelExpressions.duration(h.interval().get()));
      hc = hc.interval(h.interval().get());
    }
    if (h.timeout().isPresent()) {
      b.add("\n.timeout($L)", ModelExpressions.duration(h.timeout().get()));
      hc = hc.timeout(h.timeout().get());
    }
    if (h.startPeriod().isPresent()) {
      b.add("\n.startPeriod($L)", ModelExpressions.duration(h.startPeriod().get()));
      hc = hc.startPeriod(h.startPeriod().get());
    }
    if (h.startInterval().isPresent()) {
      b.add("\n.startInterval($L)", ModelExpressions.duration(h.startInterval().get()));
      hc = hc.startInterval(h.startInterval().get());
    }
    if (h.retries().isPresent()) {
      b.add("\n.retries($L)", h.retries().getAsInt());
      hc = hc.retries(h.retries().getAsInt());
    }
    return new Expr<>(hc, CodeBlock.of("$>$>$L$<$<", b.build()));
  }

  private Expr<Trigger> trigger(Instruction t) {
    Expr<Trigger> out;
    if (t instanceof RunInstruction r && r.equals(RunInstruction.of(r.command()))) {
      if (r.command() instanceof Shell s && s.lines().size() == 1) {
        out = new Expr<>(Trigger.run(s.lines().get(0)), CodeBlock.of("$T.run($L)", TRIGGER,
            JavaLiterals.string(s.lines().get(0))));
      } else {
        out = new Expr<>(Trigger.run(r.command()), CodeBlock.of("$T.run($L)", TRIGGER,
            ModelExpressions.command(r.command())));
      }
    } else if (t instanceof CopyInstruction c) {
      if (c.from().isPresent()) {
        throw new Unsupported("ONBUILD COPY --from");
      }
      Expr<Copy> copy = copy(c);
      out = new Expr<>(Trigger.copy(copy.value()), CodeBlock.of("$T.copy($L)", TRIGGER, copy.code()));
    } else if (t instanceof AddInstruction a) {
      Expr<Add> add = add(a);
      out = new Expr<>(Trigger.add(add.value()), CodeBlock.of("$T.add($L)", TRIGGER, add.code()));
    } else if (t instanceof WorkdirInstruction w) {
      out = new Expr<>(Trigger.workdir(w.path()), CodeBlock.of("$T.workdir($L)", TRIGGER,
          JavaLiterals.string(w.path())));
    } else if (t instanceof EnvInstruction e && e.vars().size() == 1) {
      KeyValue kv = e.vars().get(0);
      out = new Expr<>(Trigger.env(kv.key(), kv.value()), CodeBlock.of("$T.env($L, $L)", TRIGGER,
          JavaLiterals.string(kv.key()), JavaLiterals.string(kv.value())));
    } else if (t instanceof LabelInstruction l && l.labels().size() == 1) {
      KeyValue kv = l.labels().get(0);
      out = new Expr<>(Trigger.label(kv.key(), kv.value()), CodeBlock.of("$T.label($L, $L)",
          TRIGGER, JavaLiterals.string(kv.key()), JavaLiterals.string(kv.value())));
    } else if (t instanceof ExposeInstruction e && e.ports().size() == 1) {
      Expr<Port> p = port(e.ports().get(0));
      out = new Expr<>(Trigger.expose(p.value()), CodeBlock.of("$T.expose($L)", TRIGGER, p.code()));
    } else if (t instanceof UserInstruction u) {
      out = new Expr<>(Trigger.user(u.user()), CodeBlock.of("$T.user($L)", TRIGGER,
          JavaLiterals.string(u.user())));
    } else if (t instanceof VolumeInstruction v && !v.json()) {
      out = new Expr<>(Trigger.volume(v.paths().get(0),
          v.paths().subList(1, v.paths().size()).toArray(String[]::new)),
          CodeBlock.of("$T.volume($L)", TRIGGER, ModelExpressions.varargs(v.paths())));
    } else if (t instanceof CmdInstruction c) {
      out = new Expr<>(Trigger.cmd(c.command()), CodeBlock.of("$T.cmd($L)", TRIGGER,
          ModelExpressions.command(c.command())));
    } else if (t instanceof EntrypointInstruction e) {
      out = new Expr<>(Trigger.entrypoint(e.command()), CodeBlock.of("$T.entrypoint($L)", TRIGGER,
          ModelExpressions.command(e.command())));
    } else if (t instanceof ArgInstruction a && a.args().size() == 1) {
      ArgInstruction.Arg arg = a.args().get(0);
      out = arg.defaultValue().isPresent()
          ? new Expr<>(Trigger.arg(arg.name(), arg.defaultValue().get()), CodeBlock.of(
              "$T.arg($L, $L)", TRIGGER, JavaLiterals.string(arg.name()),
              JavaLiterals.string(arg.defaultValue().get())))
          : new Expr<>(Trigger.arg(arg.name()), CodeBlock.of("$T.arg($L)", TRIGGER,
              JavaLiterals.string(arg.name())));
    } else if (t instanceof HealthcheckInstruction h) {
      Expr<Healthcheck> hc = healthcheck(h);
      out = new Expr<>(Trigger.healthcheck(hc.value()), CodeBlock.of("$T.healthcheck($L)", TRIGGER,
          hc.code()));
    } else if (t instanceof ShellInstruction s) {
      out = new Expr<>(Trigger.shell(s.shell()), CodeBlock.of("$T.shell($L)", TRIGGER,
          ModelExpressions.command(s.shell())));
    } else if (t instanceof StopsignalInstruction s) {
      Expr<Signal> sig = signal(s.signal());
      out = new Expr<>(Trigger.stopsignal(sig.value()), CodeBlock.of("$T.stopsignal($L)", TRIGGER,
          sig.code()));
    } else {
      throw new Unsupported("ONBUILD " + t.keyword());
    }
    if (!out.value().instruction().equals(t)) {
      throw new Unsupported("ONBUILD " + t.keyword() + " not reproducible");
    }
    return out;
  }
}
