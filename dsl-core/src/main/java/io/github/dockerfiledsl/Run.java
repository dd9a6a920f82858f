package io.github.dockerfiledsl;

import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction.Network;
import io.github.dockerfiledsl.instruction.RunInstruction.Security;
import io.github.dockerfiledsl.internal.Checks;
import io.github.dockerfiledsl.internal.HeredocMarkers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One step of a run chain: a command with its RUN flags and the cleanup commands that must run
 * in the same layer. Immutable; every {@code with}-style method returns a new step.
 *
 * <p>The builder merges consecutive steps of a stage into one RUN when they have the same flags
 * (see {@link RunStep}). A step's {@link #cleanupFirst first} cleanup (package caches, such as
 * the apt lists) and its ordinary {@link #cleanup cleanup} run right where the step ends (or at
 * the end of the RUN with {@link DockerfileBuilder#cleanupAtEndOfChain()}); its {@link
 * #cleanupLast last} cleanup (purging build dependencies, which the later steps use) runs at the
 * end of the RUN.
 *
 * <pre>{@code
 * Run.of("make -C /src").mount(Mount.cache("/root/.cache")).cleanup("rm -rf /src")
 * // RUN --mount=type=cache,target=/root/.cache make -C /src \
 * //     && rm -rf /src
 * }</pre>
 *
 * <p>Package-manager helpers in {@link io.github.dockerfiledsl.optimize} return steps with the
 * right cleanup, and with a {@link #withCacheMounts() cache-mount variant}.
 *
 * <p>An exec-form or heredoc step is a {@link Single}: it is always a RUN of its own, so the
 * builder's {@code run(..)} returns a step on which {@code cleanup(..)} does not compile.
 */
public sealed class Run permits Run.Single {
  private final Command command;
  private final List<Heredoc> heredocs;
  private final List<Function<Function<StageRef, String>, Mount>> mounts;
  private final Set<StageRef> stages;
  private final Optional<Network> network;
  private final Optional<Security> security;
  private final List<String> devices;
  private final List<String> first;
  private final List<String> normal;
  private final List<String> last;
  private final Optional<Run> cached;

  private Run(Command command, List<Heredoc> heredocs,
      List<Function<Function<StageRef, String>, Mount>> mounts, Set<StageRef> stages,
      Optional<Network> network, Optional<Security> security, List<String> devices,
      List<String> first, List<String> normal, List<String> last, Optional<Run> cached) {
    this.command = command;
    this.heredocs = List.copyOf(heredocs);
    this.mounts = List.copyOf(mounts);
    this.stages = Set.copyOf(stages);
    this.network = network;
    this.security = security;
    this.devices = List.copyOf(devices);
    this.first = List.copyOf(first);
    this.normal = List.copyOf(normal);
    this.last = List.copyOf(last);
    this.cached = cached;
    if (command instanceof Exec e) {
      Checks.check(!e.args().isEmpty(), "RUN exec form must not be empty");
      Checks.check(
          first.isEmpty() && normal.isEmpty() && last.isEmpty(),
          "cleanup (%s) needs the shell form; an exec-form RUN cannot chain commands",
          Checks.quote(String.join(" && ", concat(first, normal, last))));
    }
  }

  private Run(Run r) {
    this(r.command, r.heredocs, r.mounts, r.stages, r.network, r.security, r.devices, r.first,
        r.normal, r.last, r.cached);
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }

  private static Run plain(Command command, List<Heredoc> heredocs) {
    return new Run(command, heredocs, List.of(), Set.of(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  /**
   * Returns a step running one shell command line.
   *
   * @param command the command line, without line breaks
   * @return the step
   */
  public static Run of(String command) {
    Checks.notNull(command, "command");
    return plain(Shell.of(command), List.of());
  }

  /**
   * Returns a step running a shell-form command.
   *
   * @param command the command
   * @return the step
   */
  public static Run of(Shell command) {
    return plain(Checks.notNull(command, "command"), List.of());
  }

  /**
   * Returns an exec-form step, which is always a RUN of its own and takes no cleanup.
   *
   * @param command the command, not empty
   * @return the step
   */
  public static Single of(Exec command) {
    return new Single(plain(Checks.notNull(command, "command"), List.of()));
  }

  /**
   * Returns a step running a command in shell or exec form; an exec-form step never merges
   * (it is a {@link Single}; {@link #of(Exec)} says so in its type).
   *
   * @param command the command
   * @return the step
   */
  public static Run of(Command command) {
    Checks.notNull(command, "command");
    return command instanceof Exec e ? of(e) : of((Shell) command);
  }

  /**
   * Returns a step running several commands joined with {@code &&}, one per line; they belong
   * together (for example a variable assignment and the commands that use it).
   *
   * @param first the first command
   * @param more the following commands
   * @return the step
   */
  public static Run chain(String first, String... more) {
    Checks.notNull(first, "first");
    Checks.notNull(more, "more");
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(Arrays.asList(more));
    return plain(Shell.chain(all), List.of());
  }

  /**
   * Returns a step whose command line names heredocs ({@code <<EOF}, {@code python3 <<EOF}),
   * followed by their bodies; a heredoc step never merges.
   *
   * <pre>{@code
   * Run.heredoc("<<EOF", Heredoc.of("EOF", "set -e\napt-get update"))
   * // RUN <<EOF
   * // set -e
   * // apt-get update
   * // EOF
   * }</pre>
   *
   * @param commandLine the command line holding the markers
   * @param heredoc the first heredoc body
   * @param more further heredoc bodies, in the order of their markers
   * @return the step
   */
  public static Single heredoc(String commandLine, Heredoc heredoc, Heredoc... more) {
    Checks.notNull(commandLine, "commandLine");
    Checks.notNull(more, "more");
    List<Heredoc> all = new ArrayList<>();
    all.add(Checks.notNull(heredoc, "heredoc"));
    all.addAll(Checks.list(Arrays.asList(more), "heredocs"));
    List<HeredocMarkers.Marker> markers = HeredocMarkers.find(Checks.word(commandLine, "command line"));
    Checks.check(
        markers.size() == all.size(),
        "command line (%s) names %s heredoc(s) but %s bod%s given",
        Checks.quote(commandLine), markers.size(), all.size(), all.size() == 1 ? "y is" : "ies are");
    for (int i = 0; i < all.size(); i++) {
      Checks.check(
          markers.get(i).name().equals(all.get(i).name())
              && markers.get(i).expand() == all.get(i).expand()
              && markers.get(i).chomp() == all.get(i).chomp(),
          "heredoc %s is written %s but the command line (%s) names %s",
          i + 1, Checks.quote(all.get(i).marker()), Checks.quote(commandLine),
          Checks.quote(markers.get(i).name()));
    }
    return new Single(plain(Shell.of(commandLine), all));
  }

  /**
   * Returns a step that runs a script given as a heredoc: {@code RUN <<EOF} then the script.
   *
   * @param script the script, one command per line
   * @return the step
   */
  public static Single script(String script) {
    Checks.notNull(script, "script");
    return heredoc("<<EOF", Heredoc.of("EOF", script));
  }

  private Run with(List<Function<Function<StageRef, String>, Mount>> newMounts,
      Set<StageRef> newStages, Optional<Network> newNetwork, Optional<Security> newSecurity,
      List<String> newDevices, List<String> newFirst, List<String> newNormal,
      List<String> newLast, Function<Run, Run> onCached) {
    return new Run(command, heredocs, newMounts, newStages, newNetwork, newSecurity, newDevices,
        newFirst, newNormal, newLast, cached.map(onCached));
  }

  private static <T> List<T> plus(List<T> list, T value) {
    List<T> copy = new ArrayList<>(list);
    copy.add(value);
    return copy;
  }

  private static List<String> plus(List<String> list, String command, String[] more) {
    Checks.notNull(command, "command");
    Checks.notNull(more, "more");
    List<String> copy = new ArrayList<>(list);
    copy.add(Checks.word(command, "cleanup command").strip());
    for (String m : Checks.list(Arrays.asList(more), "cleanup commands")) {
      copy.add(Checks.word(m, "cleanup command").strip());
    }
    return copy;
  }

  /**
   * Returns this step with a {@code --mount} flag.
   *
   * @param mount the mount
   * @return a new step
   */
  public Run mount(Mount mount) {
    Checks.notNull(mount, "mount");
    return with(plus(mounts, names -> mount), stages, network, security, devices, first, normal,
        last, r -> r.mount(mount));
  }

  /**
   * Returns this step with a read-only bind mount of a directory of an earlier stage: {@code
   * --mount=type=bind,target=T,source=S,from=<stage>}.
   *
   * @param stage the stage
   * @param source the path in the stage
   * @param target the mount point
   * @return a new step
   */
  public Run bind(StageRef stage, String source, String target) {
    Checks.notNull(stage, "stage");
    Checks.notNull(source, "source");
    Checks.notNull(target, "target");
    Checks.word(source, "bind mount source");
    new Mount.Bind(Optional.of(target), Optional.of(source), Optional.empty(), false); // validates eagerly
    Set<StageRef> newStages = new LinkedHashSet<>(stages);
    newStages.add(stage);
    return with(plus(mounts, names -> new Mount.Bind(Optional.of(target), Optional.of(source),
            Optional.of(names.apply(stage)), false)),
        newStages, network, security, devices, first, normal, last,
        r -> r.bind(stage, source, target));
  }

  /**
   * Returns this step with a read-only bind mount of a directory of an image.
   *
   * @param image the image
   * @param source the path in the image
   * @param target the mount point
   * @return a new step
   */
  public Run bind(ImageRef image, String source, String target) {
    Checks.notNull(image, "image");
    Checks.notNull(source, "source");
    Checks.notNull(target, "target");
    return mount(new Mount.Bind(Optional.of(target), Optional.of(source),
        Optional.of(image.toString()), false));
  }

  /**
   * Returns this step with the {@code --network} flag.
   *
   * @param newNetwork the network mode
   * @return a new step
   */
  public Run network(Network newNetwork) {
    Checks.notNull(newNetwork, "network");
    return with(mounts, stages, Optional.of(newNetwork), security, devices, first, normal, last,
        r -> r.network(newNetwork));
  }

  /**
   * Returns this step with the {@code --security} flag.
   *
   * @param newSecurity the security mode
   * @return a new step
   */
  public Run security(Security newSecurity) {
    Checks.notNull(newSecurity, "security");
    return with(mounts, stages, network, Optional.of(newSecurity), devices, first, normal, last,
        r -> r.security(newSecurity));
  }

  /**
   * Returns this step with a {@code --device} flag (labs syntax).
   *
   * @param device the device, e.g. {@code nvidia.com/gpu=all}
   * @return a new step
   */
  public Run device(String device) {
    Checks.word(device, "RUN --device");
    return with(mounts, stages, network, security, plus(devices, device), first, normal, last,
        r -> r.device(device));
  }

  /**
   * Returns this step with cleanup commands that run at the end of its RUN.
   *
   * @param command the first cleanup command
   * @param more further cleanup commands
   * @return a new step
   */
  public Run cleanup(String command, String... more) {
    return with(mounts, stages, network, security, devices, first, plus(normal, command, more),
        last, r -> r.cleanup(command, more));
  }

  /**
   * Returns this step with cleanup commands that run before the ordinary cleanup of its RUN,
   * such as removing a package manager's index ({@code rm -rf /var/lib/apt/lists/*}).
   *
   * @param command the first cleanup command
   * @param more further cleanup commands
   * @return a new step
   */
  public Run cleanupFirst(String command, String... more) {
    return with(mounts, stages, network, security, devices, plus(first, command, more), normal,
        last, r -> r.cleanupFirst(command, more));
  }

  /**
   * Returns this step with cleanup commands that run after all other cleanup of its RUN, such
   * as purging build dependencies ({@code apt-get purge -y --auto-remove $buildDeps}).
   *
   * @param command the first cleanup command
   * @param more further cleanup commands
   * @return a new step
   */
  public Run cleanupLast(String command, String... more) {
    return with(mounts, stages, network, security, devices, first, normal,
        plus(last, command, more), r -> r.cleanupLast(command, more));
  }

  /**
   * Returns this step with an alternative that uses cache mounts instead of cleanup; package
   * managers' helpers set it.
   *
   * @param alternative the cache-mount variant
   * @return a new step
   */
  public Run cachedVariant(Run alternative) {
    Checks.notNull(alternative, "alternative");
    return new Run(command, heredocs, mounts, stages, network, security, devices, first, normal,
        last, Optional.of(alternative));
  }

  /**
   * Returns the variant of this step that keeps the package manager's cache in {@code
   * --mount=type=cache} mounts instead of removing it.
   *
   * @return the variant
   * @throws IllegalStateException if this step has none (only package-manager helpers do)
   */
  public Run withCacheMounts() {
    return cached.orElseThrow(() -> new IllegalStateException(
        "run step (" + Checks.quote(describe()) + ") has no cache-mount variant; only"
            + " package-manager helpers (Apt, Apk, Dnf, ...) have one"));
  }

  private String describe() {
    return command instanceof Shell s ? s.command() : ((Exec) command).args().toString();
  }

  /**
   * Returns the command.
   *
   * @return the command
   */
  public Command command() {
    return command;
  }

  /**
   * Returns the heredoc bodies named by the command line.
   *
   * @return the heredocs
   */
  public List<Heredoc> heredocs() {
    return heredocs;
  }

  /**
   * Returns the mounts, naming the stages they refer to with the given function.
   *
   * @param stageNames the name of each stage handle
   * @return the mounts
   */
  public List<Mount> mounts(Function<StageRef, String> stageNames) {
    Checks.notNull(stageNames, "stageNames");
    List<Mount> out = new ArrayList<>(mounts.size());
    for (Function<Function<StageRef, String>, Mount> m : mounts) {
      out.add(m.apply(stageNames));
    }
    return out;
  }

  /**
   * Returns the stages this step's mounts refer to.
   *
   * @return the stage handles
   */
  public Set<StageRef> stages() {
    return stages;
  }

  /**
   * Returns the {@code --network} flag.
   *
   * @return the network mode
   */
  public Optional<Network> network() {
    return network;
  }

  /**
   * Returns the {@code --security} flag.
   *
   * @return the security mode
   */
  public Optional<Security> security() {
    return security;
  }

  /**
   * Returns the {@code --device} flags.
   *
   * @return the devices
   */
  public List<String> devices() {
    return devices;
  }

  /**
   * Returns the cleanup commands that run first.
   *
   * @return the commands
   */
  public List<String> cleanupFirst() {
    return first;
  }

  /**
   * Returns the ordinary cleanup commands.
   *
   * @return the commands
   */
  public List<String> cleanup() {
    return normal;
  }

  /**
   * Returns the cleanup commands that run last.
   *
   * @return the commands
   */
  public List<String> cleanupLast() {
    return last;
  }

  @Override
  public String toString() {
    return "Run[" + Checks.quote(describe()) + "]";
  }

  /**
   * A run step that is always a RUN of its own: the exec form ({@link Run#of(Exec)}) or a
   * command with heredocs ({@link Run#heredoc}, {@link Run#script}). Its flag methods keep the
   * type, and the builder's {@code run(Run.Single)} returns a step without {@code cleanup(..)};
   * put cleanup into the command or the heredoc instead.
   */
  public static final class Single extends Run {
    private Single(Run run) {
      super(run);
    }

    @Override
    public Single mount(Mount mount) {
      return new Single(super.mount(mount));
    }

    @Override
    public Single bind(StageRef stage, String source, String target) {
      return new Single(super.bind(stage, source, target));
    }

    @Override
    public Single bind(ImageRef image, String source, String target) {
      return new Single(super.bind(image, source, target));
    }

    @Override
    public Single network(Network newNetwork) {
      return new Single(super.network(newNetwork));
    }

    @Override
    public Single security(Security newSecurity) {
      return new Single(super.security(newSecurity));
    }

    @Override
    public Single device(String device) {
      return new Single(super.device(device));
    }

    /**
     * Rejects cleanup: this step is a RUN of its own.
     *
     * @param command the first cleanup command
     * @param more further cleanup commands
     * @return never
     * @throws IllegalArgumentException always
     */
    @Override
    public Run cleanup(String command, String... more) {
      throw noCleanup(command, more);
    }

    /**
     * Rejects cleanup: this step is a RUN of its own.
     *
     * @param command the first cleanup command
     * @param more further cleanup commands
     * @return never
     * @throws IllegalArgumentException always
     */
    @Override
    public Run cleanupFirst(String command, String... more) {
      throw noCleanup(command, more);
    }

    /**
     * Rejects cleanup: this step is a RUN of its own.
     *
     * @param command the first cleanup command
     * @param more further cleanup commands
     * @return never
     * @throws IllegalArgumentException always
     */
    @Override
    public Run cleanupLast(String command, String... more) {
      throw noCleanup(command, more);
    }

    private IllegalArgumentException noCleanup(String command, String[] more) {
      Checks.notNull(command, "command");
      Checks.notNull(more, "more");
      return new IllegalArgumentException("cleanup (" + Checks.quote(command) + ") "
          + (command() instanceof Exec ? "needs the shell form; an exec-form RUN cannot chain"
              + " commands" : "cannot follow a heredoc RUN; put it at the end of the heredoc"));
    }
  }
}
