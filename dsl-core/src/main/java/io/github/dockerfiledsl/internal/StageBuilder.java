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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One stage being written: implements every step type (jOOQ style), so the interfaces alone
 * decide which calls compile.
 */
final class StageBuilder implements FromStep, AsStep, StageStep, RunStep, CleanupStep {

  /** A part of the stage body whose instructions are fixed at build time. */
  private interface Element {
    List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> shell);

    default Set<StageRef> dependencies() {
      return Set.of();
    }
  }

  private record Fixed(Instruction instruction) implements Element {
    @Override
    public List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> shell) {
      return List.of(instruction);
    }
  }

  private record CopyElement(Copy copy) implements Element {
    @Override
    public List<Instruction> emit(Function<StageRef, String> names, Optional<Exec> shell) {
      return List.of(copy.instruction(names));
    }

    @Override
    public Set<StageRef> dependencies() {
      return copy.stage().map(Set::of).orElse(Set.of());
    }
  }

  /** Consecutive run steps; {@code localShell} is the stage's SHELL before them, if any. */
  private final class Chain implements Element {
    private final List<Run> steps = new ArrayList<>();
    private final Optional<Exec> localShell;

    Chain(Optional<Exec> localShell) {
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

  private final BuilderRoot root;
  private final int index;
  private final Optional<String> image;
  private final Optional<StageRef> base;
  private Optional<String> platform = Optional.empty();
  private Optional<String> name = Optional.empty();
  private final List<Element> elements = new ArrayList<>();
  private final List<Instruction> leading = new ArrayList<>();
  private Chain chain;
  private Optional<Exec> shell = Optional.empty();
  private StageRef ref;

  StageBuilder(BuilderRoot root, int index, Optional<String> image, Optional<StageRef> base) {
    this.root = root;
    this.index = index;
    this.image = image;
    this.base = base;
  }

  void addLeading(List<Instruction> trivia) {
    leading.addAll(trivia);
  }

  int index() {
    return index;
  }

  Optional<String> name() {
    return name;
  }

  Optional<String> image() {
    return image;
  }

  Optional<StageRef> base() {
    return base;
  }

  String describe() {
    return name.map(n -> "'" + n + "' (stage " + (index + 1) + ")")
        .orElse("stage " + (index + 1) + " (FROM " + image.orElse("<stage>") + ")");
  }

  Set<StageRef> dependencies() {
    Set<StageRef> out = new LinkedHashSet<>();
    base.ifPresent(out::add);
    elements.forEach(e -> out.addAll(e.dependencies()));
    return out;
  }

  Optional<Exec> finalShell(Optional<Exec> inherited) {
    return shell.isPresent() ? shell : inherited;
  }

  Stage toStage(Function<StageRef, String> names, Optional<String> stageName,
      Optional<Exec> inheritedShell) {
    FromInstruction from = new FromInstruction(
        image.orElseGet(() -> names.apply(base.get())), platform, stageName);
    List<Instruction> body = new ArrayList<>();
    for (Element e : elements) {
      body.addAll(e.emit(names, inheritedShell));
    }
    return Stage.of(leading, from, body);
  }

  private StageBuilder add(Instruction i) {
    chain = null;
    elements.add(new Fixed(i));
    return this;
  }

  // ---- FromStep / AsStep

  @Override
  public AsStep platform(String newPlatform) {
    FromInstruction.of("scratch").withPlatform(newPlatform); // validates now
    platform = Optional.of(newPlatform);
    return this;
  }

  @Override
  public StageStep as(String newName) {
    FromInstruction.of("scratch").withName(newName); // validates now
    root.checkNewName(this, newName);
    Checks.check(ref == null && elements.isEmpty(), "as(%s) must come right after from(..)", newName);
    name = Optional.of(newName);
    return this;
  }

  // ---- run chains

  private RunStep step(Run run) {
    Checks.notNull(run, "run");
    run.stages().forEach(root::lookup);
    if (chain == null || root.isVerbatim()) {
      chain = new Chain(shell);
      elements.add(chain);
    }
    chain.steps.add(run); // an exec-form step stays alone when the chain is emitted
    return this;
  }

  @Override
  public RunStep run(String command) {
    return step(Run.of(command));
  }

  @Override
  public RunStep run(Shell command) {
    return step(Run.of(command));
  }

  @Override
  public RunStep run(Run run) {
    return step(run);
  }

  @Override
  public StageStep run(Exec command) {
    chain = null;
    step(Run.of(command));
    chain = null;
    return this;
  }

  @Override
  public CleanupStep cleanup(String command, String... more) {
    Checks.check(chain != null && !chain.steps.isEmpty(), "cleanup(..) must follow a run step");
    int last = chain.steps.size() - 1;
    chain.steps.set(last, chain.steps.get(last).cleanup(command, more));
    return this;
  }

  @Override
  public StageStep layer() {
    chain = null;
    return this;
  }

  // ---- other instructions

  @Override
  public FromStep from(String newImage) {
    return handOver(root.from(newImage));
  }

  @Override
  public FromStep from(ImageRef newImage) {
    return handOver(root.from(newImage));
  }

  @Override
  public FromStep from(StageRef stage) {
    return handOver(root.from(stage));
  }

  /** Moves the comments at the end of this stage above the FROM of the next one. */
  private FromStep handOver(FromStep next) {
    chain = null;
    int k = elements.size();
    while (k > 0 && elements.get(k - 1) instanceof Fixed f && f.instruction() instanceof Comment) {
      k--;
    }
    StageBuilder n = (StageBuilder) next;
    for (Element e : elements.subList(k, elements.size())) {
      n.leading.add(((Fixed) e).instruction());
    }
    elements.subList(k, elements.size()).clear();
    return next;
  }

  @Override
  public StageStep copy(String source, String destination) {
    return copy(Copy.of(source, destination));
  }

  @Override
  public StageStep copy(StageRef from, String source, String destination) {
    return copy(Copy.of(source, destination).from(from));
  }

  @Override
  public StageStep copy(ImageRef from, String source, String destination) {
    return copy(Copy.of(source, destination).from(from));
  }

  @Override
  public StageStep copy(Copy copy) {
    Checks.notNull(copy, "copy");
    copy.stage().ifPresent(root::lookup);
    chain = null;
    elements.add(new CopyElement(copy));
    return this;
  }

  @Override
  public StageStep add(String source, String destination) {
    return add(Add.of(source, destination));
  }

  @Override
  public StageStep add(Add add) {
    return add(Checks.notNull(add, "add").instruction());
  }

  @Override
  public StageStep workdir(String path) {
    return add(WorkdirInstruction.of(path));
  }

  @Override
  public StageStep env(String key, String value) {
    return add(EnvInstruction.of(key, value));
  }

  @Override
  public StageStep env(List<KeyValue> vars) {
    return add(new EnvInstruction(vars));
  }

  @Override
  public StageStep label(String key, String value) {
    return add(LabelInstruction.of(key, value));
  }

  @Override
  public StageStep label(List<KeyValue> labels) {
    return add(new LabelInstruction(labels));
  }

  @Override
  public StageStep expose(int port) {
    return add(new ExposeInstruction(List.of(Port.of(port).value())));
  }

  @Override
  public StageStep expose(Port port, Port... more) {
    List<String> all = new ArrayList<>();
    all.add(Checks.notNull(port, "port").value());
    for (Port p : Checks.list(Arrays.asList(more), "ports")) {
      all.add(p.value());
    }
    return add(new ExposeInstruction(all));
  }

  @Override
  public StageStep cmd(Command command) {
    return add(CmdInstruction.of(command));
  }

  @Override
  public StageStep entrypoint(Command command) {
    return add(EntrypointInstruction.of(command));
  }

  @Override
  public StageStep healthcheck(Healthcheck healthcheck) {
    return add(Checks.notNull(healthcheck, "healthcheck").instruction());
  }

  @Override
  public StageStep user(String user) {
    return add(UserInstruction.of(user));
  }

  @Override
  public StageStep user(String user, String group) {
    Checks.word(user, "USER");
    Checks.word(group, "USER group");
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
    all.add(path);
    all.addAll(Arrays.asList(more));
    return add(new VolumeInstruction(all, json));
  }

  @Override
  public StageStep arg(String argName) {
    return add(ArgInstruction.of(argName));
  }

  @Override
  public StageStep arg(String argName, String defaultValue) {
    return add(ArgInstruction.of(argName, defaultValue));
  }

  @Override
  public StageStep arg(List<ArgInstruction.Arg> args) {
    return add(new ArgInstruction(args));
  }

  @Override
  public StageStep onbuild(Trigger trigger) {
    return add(new OnbuildInstruction(Checks.notNull(trigger, "trigger").instruction()));
  }

  @Override
  public StageStep shell(Exec newShell) {
    add(new ShellInstruction(newShell));
    shell = Optional.of(newShell);
    return this;
  }

  @Override
  public StageStep stopsignal(Signal signal) {
    return add(StopsignalInstruction.of(Checks.notNull(signal, "signal").value()));
  }

  @Override
  public StageStep maintainer(String maintainer) {
    return add(new MaintainerInstruction(maintainer));
  }

  @Override
  public StageStep comment(String text) {
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
    chain = null;
    if (ref == null) {
      ref = root.newRef(this, name);
    }
    return ref;
  }

  @Override
  public Dockerfile build() {
    return root.build();
  }

  @Override
  public String toString() {
    return "StageBuilder[" + describe() + ", " + elements.size() + " elements]";
  }
}
