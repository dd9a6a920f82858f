package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.Add;
import io.github.dockerfiledsl.AsStep;
import io.github.dockerfiledsl.CleanupStep;
import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Copy;
import io.github.dockerfiledsl.Dockerfile;
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
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The persistent steps of the builder. A step is immutable: it holds the stage's header (what
 * FROM says, fixed by {@code from(..)}, {@code platform(..)} and {@code as(..)}) and an immutable
 * list of the stage's elements, newest first, that it shares with the step it came from. Every
 * step method returns a new step, so any step can be kept and branched in O(1).
 *
 * <p>There is one class per step type ({@link From}, {@link As}, {@link Staged}, {@link
 * Running}, {@link Cleaned}), each implementing only its interface: a cast to another step type
 * fails with a {@link ClassCastException} instead of bypassing the order the types promise.
 */
abstract class StageBuilder implements InstructionStep {

  /** A part of the stage body whose instructions are fixed at build time. */
  interface Element {
    List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> shell);

    default Set<StageRef> dependencies() {
      return Set.of();
    }
  }

  record Fixed(Instruction instruction) implements Element {
    @Override
    public List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> shell) {
      return List.of(instruction);
    }
  }

  record CopyElement(Copy copy) implements Element {
    @Override
    public List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> shell) {
      return List.of(copy.instruction(names));
    }

    @Override
    public Set<StageRef> dependencies() {
      return copy.stage().map(Set::of).orElse(Set.of());
    }
  }

  /**
   * One run step; {@code newChain} when it cannot join the run step before it, {@code shell} the
   * stage's SHELL when it was added.
   */
  record RunElement(Run run, boolean newChain, Optional<Exec> shell) implements Element {
    @Override
    public List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> inherited) {
      throw new IllegalStateException("run steps are emitted as chains");
    }

    @Override
    public Set<StageRef> dependencies() {
      return run.stages();
    }
  }

  /** Consecutive run steps; {@code localShell} is the stage's SHELL before them, if any. */
  static final class Chain implements Element {
    final List<Run> steps = new ArrayList<>();
    private final Optional<Exec> localShell;
    private final BuilderRoot root;

    Chain(BuilderRoot root, Optional<Exec> localShell) {
      this.root = root;
      this.localShell = localShell;
    }

    @Override
    public Set<StageRef> dependencies() {
      Set<StageRef> out = new LinkedHashSet<>();
      steps.forEach(s -> out.addAll(s.stages()));
      return out;
    }

    @Override
    public List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> inherited) {
      RunChains.ShellInfo info = RunChains.ShellInfo.of(localShell.isPresent() ? localShell : inherited);
      boolean merge = !root.isVerbatim() && info.posix();
      List<Instruction> out = new ArrayList<>();
      List<Run> group = new ArrayList<>();
      List<Mount> groupMounts = null;
      for (Run step : steps) {
        List<Mount> mounts = step.mounts(names);
        boolean chainable = chainable(step);
        if (!group.isEmpty() && !(merge && chainable && chainable(group.get(0))
            && !RunChains.endsChain(group.get(group.size() - 1), info)
            && mounts.equals(groupMounts) && sameFlags(step, group.get(0)))) {
          out.add(emitGroup(group, groupMounts, info));
          group.clear();
        }
        group.add(step);
        groupMounts = mounts;
      }
      if (!group.isEmpty()) {
        out.add(emitGroup(group, groupMounts, info));
      }
      return out;
    }

    private boolean chainable(Run step) {
      return RunChains.mergeable(step);
    }

    private boolean sameFlags(Run a, Run b) {
      return a.network().equals(b.network()) && a.security().equals(b.security())
          && a.devices().equals(b.devices());
    }

    private RunInstruction emitGroup(List<Run> group, List<Mount> mounts, RunChains.ShellInfo info) {
      Run first = group.get(0);
      Command command = RunChains.render(group, info, root.runOptions(), root.isVerbatim());
      return new RunInstruction(command, first.heredocs(), mounts, first.network(),
          first.security(), first.devices());
    }
  }

  /** An immutable list node: the newest element and the ones before it. */
  static final class Node {
    final Element head;
    final Node tail;

    Node(Element head, Node tail) {
      this.head = head;
      this.tail = tail;
    }
  }

  /** What a stage's FROM says; every step of the stage (and its variants) shares it. */
  static final class Header {
    final BuilderRoot root;
    final long seq;
    final Optional<String> image;
    final Optional<StageRef> base;
    final Optional<String> platform;
    final Optional<String> name;
    final List<Instruction> leading;
    final Optional<Snapshot> previous;
    /**
     * The names (case folded, see {@link BuilderRoot#foldCase}) of the stages before this one in
     * its chain of steps: a persistent set shared with them, so a branch sees only its own chain.
     */
    final NameSet chainNames;

    Header(BuilderRoot root, long seq, Optional<String> image, Optional<StageRef> base,
        Optional<String> platform, Optional<String> name, List<Instruction> leading,
        Optional<Snapshot> previous) {
      this.root = root;
      this.seq = seq;
      this.image = image;
      this.base = base;
      this.platform = platform;
      this.name = name;
      this.leading = List.copyOf(leading);
      this.previous = previous;
      this.chainNames = previous.map(p -> p.header().name
              .map(n -> p.header().chainNames.add(BuilderRoot.foldCase(n)))
              .orElse(p.header().chainNames))
          .orElse(NameSet.EMPTY);
    }

    Header withPlatform(String newPlatform) {
      return new Header(root, seq, image, base, Optional.of(newPlatform), name, leading, previous);
    }

    Header withName(String newName) {
      return new Header(root, seq, image, base, platform, Optional.of(newName), leading, previous);
    }

    String describe() {
      return name.map(n -> "stage '" + n + "'")
          .orElse("the stage FROM " + image.map(Checks::quote).orElse("<stage>"));
    }
  }

  /** A stage as written up to one step: its header and elements. */
  record Snapshot(Header header, Node elements, Optional<Exec> shell) {
    /** The elements without the comments at their end, which move above a following FROM. */
    Node withoutTrailingComments() {
      Node n = elements;
      while (n != null && n.head instanceof Fixed f && f.instruction() instanceof Comment) {
        n = n.tail;
      }
      return n;
    }

    List<Element> inOrder() {
      List<Element> out = new ArrayList<>();
      for (Node n = elements; n != null; n = n.tail) {
        out.add(n.head);
      }
      Collections.reverse(out);
      return out;
    }

    Set<StageRef> dependencies() {
      Set<StageRef> out = new LinkedHashSet<>();
      header.base.ifPresent(out::add);
      for (Element e : inOrder()) {
        out.addAll(e.dependencies());
      }
      return out;
    }

    String describe() {
      return header.describe();
    }

    Optional<Exec> finalShell(Optional<Exec> inherited) {
      return shell.isPresent() ? shell : inherited;
    }

    Stage toStage(Function<StageRef, String> names, Optional<String> stageName,
        Optional<Exec> inheritedShell, List<Instruction> trailing) {
      FromInstruction from = new FromInstruction(
          header.image.orElseGet(() -> names.apply(header.base.get())), header.platform, stageName);
      List<Instruction> body = new ArrayList<>();
      Chain chain = null;
      for (Element e : inOrder()) {
        if (e instanceof RunElement r) {
          if (chain == null || r.newChain()) {
            if (chain != null) {
              body.addAll(chain.emit(names, inheritedShell));
            }
            chain = new Chain(header.root, r.shell());
          }
          chain.steps.add(r.run());
          continue;
        }
        if (chain != null) {
          body.addAll(chain.emit(names, inheritedShell));
          chain = null;
        }
        body.addAll(e.emit(names, inheritedShell));
      }
      if (chain != null) {
        body.addAll(chain.emit(names, inheritedShell));
      }
      body.addAll(trailing);
      return Stage.of(header.leading, from, body);
    }
  }

  final Header header;
  final Node elements;
  final Optional<Exec> shell;
  private volatile StageRef ref;

  StageBuilder(Header header, Node elements, Optional<Exec> shell) {
    this.header = header;
    this.elements = elements;
    this.shell = shell;
  }

  Snapshot snapshot() {
    return new Snapshot(header, elements, shell);
  }

  BuilderRoot root() {
    return header.root;
  }

  // ---- the step types

  /** The step right after {@code from(..)}. */
  static final class From extends StageBuilder implements FromStep {
    From(Header header) {
      super(header, null, Optional.empty());
    }

    @Override
    public AsStep platform(String platform) {
      Checks.notNull(platform, "platform");
      root().checkFromPlatform(platform);
      return new As(header.withPlatform(platform));
    }

    @Override
    public StageStep as(String name) {
      return named(name);
    }
  }

  /** The step after {@code platform(..)}. */
  static final class As extends StageBuilder implements AsStep {
    As(Header header) {
      super(header, null, Optional.empty());
    }

    @Override
    public StageStep as(String name) {
      return named(name);
    }
  }

  /** A step in the body of a stage, not right after a run step. */
  static final class Staged extends StageBuilder implements StageStep {
    Staged(Header header, Node elements, Optional<Exec> shell) {
      super(header, elements, shell);
    }
  }

  /** The step right after a shell-form run step: its chain is open. */
  static final class Running extends StageBuilder implements RunStep {
    Running(Header header, Node elements, Optional<Exec> shell) {
      super(header, elements, shell);
    }

    @Override
    public CleanupStep cleanup(String command, String... more) {
      return cleaned(command, more);
    }

    @Override
    public StageStep layer() {
      return new Staged(header, elements, shell);
    }
  }

  /** The step after {@code cleanup(..)}: only more cleanup, {@code layer()} or no RUN. */
  static final class Cleaned extends StageBuilder implements CleanupStep {
    Cleaned(Header header, Node elements, Optional<Exec> shell) {
      super(header, elements, shell);
    }

    @Override
    public CleanupStep cleanup(String command, String... more) {
      return cleaned(command, more);
    }

    @Override
    public StageStep layer() {
      return new Staged(header, elements, shell);
    }
  }

  // ---- FROM

  StageStep named(String name) {
    Checks.notNull(name, "name");
    root().checkStageName(this, name);
    return new Staged(header.withName(name), null, Optional.empty());
  }

  // ---- run chains

  /** Whether this step's last element is a run step that the next shell-form step may join. */
  private boolean chainOpen() {
    return (this instanceof Running || this instanceof Cleaned) && !root().isVerbatim();
  }

  private Node push(Element e) {
    return new Node(e, elements);
  }

  private Node pushRun(Run run, boolean alone) {
    Checks.notNull(run, "run");
    run.stages().forEach(root()::lookup);
    root().checkRun(run, shell);
    return push(new RunElement(run, alone || !chainOpen(), shell));
  }

  /**
   * Adds a run step that other shell-form steps may join.
   *
   * @param run the step
   * @return the run step
   */
  public RunStep run(Run run) {
    Checks.notNull(run, "run");
    return new Running(header, pushRun(run, run instanceof Run.Single), shell);
  }

  /**
   * Adds {@code RUN command}.
   *
   * @param command the command line
   * @return the run step
   */
  public RunStep run(String command) {
    Checks.notNull(command, "command");
    return run(Run.of(command));
  }

  /**
   * Adds {@code RUN command}.
   *
   * @param command the command
   * @return the run step
   */
  public RunStep run(Shell command) {
    Checks.notNull(command, "command");
    return run(Run.of(command));
  }

  /**
   * Adds an exec-form {@code RUN}, which never merges.
   *
   * @param command the command
   * @return the stage step
   */
  public StageStep run(Exec command) {
    Checks.notNull(command, "command");
    return new Staged(header, pushRun(Run.of(command), true), shell);
  }

  /**
   * Adds a run step that stays a RUN of its own (exec form or heredoc).
   *
   * @param run the step
   * @return the stage step
   */
  public StageStep run(Run.Single run) {
    Checks.notNull(run, "run");
    return new Staged(header, pushRun(run, true), shell);
  }

  CleanupStep cleaned(String command, String... more) {
    Checks.notNull(command, "command");
    Checks.notNull(more, "more");
    RunElement last = (RunElement) elements.head;
    Run run = last.run().cleanup(command, more);
    root().checkRun(run, shell);
    return new Cleaned(header, new Node(new RunElement(run, last.newChain(), last.shell()),
        elements.tail), shell);
  }

  // ---- other instructions

  private StageStep add(Instruction i) {
    root().checkInstruction(i);
    return new Staged(header, push(new Fixed(i)), shell);
  }

  @Override
  public FromStep from(String newImage) {
    Checks.notNull(newImage, "image");
    return root().from(newImage, Optional.empty(), handOver(), trailingComments());
  }

  @Override
  public FromStep from(ImageRef newImage) {
    Checks.notNull(newImage, "image");
    return from(newImage.toString());
  }

  @Override
  public FromStep from(StageRef stage) {
    Checks.notNull(stage, "stage");
    return root().from(null, Optional.of(stage), handOver(), trailingComments());
  }

  /** This stage without its trailing comments, which move above the next FROM. */
  private Snapshot handOver() {
    return new Snapshot(header, snapshot().withoutTrailingComments(), shell);
  }

  /** Returns the comments at the end of this stage, in order. */
  List<Instruction> trailingComments() {
    List<Instruction> out = new ArrayList<>();
    for (Node n = elements; n != null && n.head instanceof Fixed f
        && f.instruction() instanceof Comment; n = n.tail) {
      out.add(f.instruction());
    }
    Collections.reverse(out);
    return out;
  }

  @Override
  public StageStep copy(String source, String destination) {
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return copy(Copy.of(source, destination));
  }

  @Override
  public StageStep copy(StageRef from, String source, String destination) {
    Checks.notNull(from, "from");
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return copy(Copy.of(source, destination).from(from));
  }

  @Override
  public StageStep copy(ImageRef from, String source, String destination) {
    Checks.notNull(from, "from");
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return copy(Copy.of(source, destination).from(from));
  }

  @Override
  public StageStep copy(Copy copy) {
    Checks.notNull(copy, "copy");
    copy.stage().ifPresent(root()::lookup);
    root().checkInstruction(copy.instruction(r -> "stage"));
    return new Staged(header, push(new CopyElement(copy)), shell);
  }

  @Override
  public StageStep add(String source, String destination) {
    Checks.notNull(source, "source");
    Checks.notNull(destination, "destination");
    return add(Add.of(source, destination));
  }

  @Override
  public StageStep add(Add add) {
    return add(Checks.notNull(add, "add").instruction());
  }

  @Override
  public StageStep workdir(String path) {
    Checks.notNull(path, "path");
    return add(WorkdirInstruction.of(path));
  }

  @Override
  public StageStep env(String key, String value) {
    Checks.notNull(key, "key");
    Checks.notNull(value, "value");
    return add(EnvInstruction.of(key, value));
  }

  @Override
  public StageStep env(List<KeyValue> vars) {
    return add(new EnvInstruction(Checks.list(vars, "vars")));
  }

  @Override
  public StageStep label(String key, String value) {
    Checks.notNull(key, "key");
    Checks.notNull(value, "value");
    return add(LabelInstruction.of(key, value));
  }

  @Override
  public StageStep label(List<KeyValue> labels) {
    return add(new LabelInstruction(Checks.list(labels, "labels")));
  }

  @Override
  public StageStep expose(int port) {
    return add(new ExposeInstruction(List.of(Port.of(port).value())));
  }

  @Override
  public StageStep expose(Port port, Port... more) {
    List<String> all = new ArrayList<>();
    all.add(Checks.notNull(port, "port").value());
    for (Port p : Checks.list(Arrays.asList(Checks.notNull(more, "more")), "more")) {
      all.add(p.value());
    }
    return add(new ExposeInstruction(all));
  }

  @Override
  public StageStep cmd(Command command) {
    return add(CmdInstruction.of(Checks.notNull(command, "command")));
  }

  @Override
  public StageStep entrypoint(Command command) {
    return add(EntrypointInstruction.of(Checks.notNull(command, "command")));
  }

  @Override
  public StageStep healthcheck(Healthcheck healthcheck) {
    return add(Checks.notNull(healthcheck, "healthcheck").instruction());
  }

  @Override
  public StageStep user(String user) {
    Checks.notNull(user, "user");
    return add(UserInstruction.of(user));
  }

  @Override
  public StageStep user(String user, String group) {
    Checks.word(user, "user");
    Checks.word(group, "group");
    Checks.check(user.indexOf(':') < 0, "user (%s) must not contain ':', which separates the group",
        Checks.quote(user));
    return add(UserInstruction.of(user + ":" + group));
  }

  @Override
  public StageStep volume(String path, String... more) {
    return volume(false, path, more);
  }

  @Override
  public StageStep volumeJson(String path, String... more) {
    return volume(true, path, more);
  }

  private StageStep volume(boolean json, String path, String... more) {
    List<String> all = new ArrayList<>();
    all.add(Checks.notNull(path, "path"));
    all.addAll(Checks.list(Arrays.asList(Checks.notNull(more, "more")), "more"));
    return add(new VolumeInstruction(all, json));
  }

  @Override
  public StageStep arg(String argName) {
    Checks.notNull(argName, "name");
    return add(ArgInstruction.of(argName));
  }

  @Override
  public StageStep arg(String argName, String defaultValue) {
    Checks.notNull(argName, "name");
    Checks.notNull(defaultValue, "defaultValue");
    return add(ArgInstruction.of(argName, defaultValue));
  }

  @Override
  public StageStep arg(List<ArgInstruction.Arg> args) {
    return add(new ArgInstruction(Checks.list(args, "args")));
  }

  @Override
  public StageStep onbuild(Trigger trigger) {
    return add(new OnbuildInstruction(Checks.notNull(trigger, "trigger").instruction()));
  }

  @Override
  public StageStep shell(Exec newShell) {
    Checks.notNull(newShell, "shell");
    Instruction i = new ShellInstruction(newShell);
    root().checkInstruction(i);
    return new Staged(header, push(new Fixed(i)), Optional.of(newShell));
  }

  @Override
  public StageStep stopsignal(Signal signal) {
    return add(StopsignalInstruction.of(Checks.notNull(signal, "signal").value()));
  }

  @Override
  public StageStep maintainer(String maintainer) {
    Checks.notNull(maintainer, "name");
    return add(new MaintainerInstruction(maintainer));
  }

  @Override
  public StageStep comment(String text) {
    Checks.notNull(text, "text");
    return add(Comment.of(text));
  }

  @Override
  public StageStep comment(Comment comment) {
    return add(Checks.notNull(comment, "comment"));
  }

  @Override
  public StageStep blankLine() {
    return add(BlankLine.INSTANCE);
  }

  @Override
  public StageRef end() {
    StageRef r = ref;
    if (r == null) {
      synchronized (this) {
        r = ref;
        if (r == null) {
          r = root().end(snapshot());
          ref = r;
        }
      }
    }
    return r;
  }

  @Override
  public Dockerfile build() {
    return root().build(snapshot());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "Step[" + header.describe() + "]";
  }

}
