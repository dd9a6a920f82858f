package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.DockerfileBuilder;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.FromStep;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.StageRef;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.optimize.Pass;
import io.github.dockerfiledsl.optimize.Passes;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.render.RenderOptions;
import io.github.dockerfiledsl.render.Renderer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * The builder behind {@link Dockerfile#builder()}: directives, global ARGs, comments above the
 * next FROM, and the stages whose handles were taken. The steps themselves are persistent (see
 * {@link StageBuilder}); this object is the one mutable part, as {@link DockerfileBuilder} says.
 */
public final class BuilderRoot implements DockerfileBuilder {
  /**
   * The longest physical line BuildKit reads, in UTF-8 bytes: its parser scans lines with Go's
   * {@code bufio.Scanner}, whose token limit is {@code bufio.MaxScanTokenSize} (64 KiB), and
   * reports "dockerfile line greater than max allowed size of 65535".
   */
  static final int MAX_LINE_BYTES = 64 * 1024 - 1;

  /** A stage's identity in one build: its header and its elements before trailing comments. */
  private record Key(StageBuilder.Header header, StageBuilder.Node elements) {
    static Key of(StageBuilder.Snapshot s) {
      return new Key(s.header(), s.withoutTrailingComments());
    }
  }

  private final Function<Optional<String>, StageRef> refs;
  private final List<Directive> directives = new ArrayList<>();
  private final List<Instruction> preamble = new ArrayList<>();
  private final List<Instruction> pendingLeading = new ArrayList<>();
  private final List<StageBuilder.Snapshot> ended = new ArrayList<>();
  private final Map<StageRef, StageBuilder.Snapshot> handles = new IdentityHashMap<>();
  /** The names (case folded) of the ended stages and of the stages before them in their chains. */
  private final Set<String> endedNames = new HashSet<>();
  /** The headers whose names (and those of their chains) are in {@link #endedNames}. */
  private final Set<StageBuilder.Header> absorbed =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private long stageCount;
  private boolean verbatim;
  private RunChains.Options runOptions = new RunChains.Options(false, false);
  private List<Pass> passes = Passes.builderDefaults();

  /**
   * Creates a builder.
   *
   * @param refs creates stage handles (the handle's constructor is not public)
   */
  public BuilderRoot(Function<Optional<String>, StageRef> refs) {
    this.refs = Checks.notNull(refs, "refs");
  }

  synchronized boolean isVerbatim() {
    return verbatim;
  }

  private synchronized char escapeChar() {
    for (Directive d : directives) {
      if (d.name().equals("escape")) {
        return d.value().charAt(0);
      }
    }
    return '\\';
  }

  synchronized RunChains.Options runOptions() {
    return runOptions;
  }

  @Override
  public synchronized DockerfileBuilder pipefail() {
    runOptions = new RunChains.Options(true, runOptions.cleanupAtEnd());
    return this;
  }

  @Override
  public synchronized DockerfileBuilder cleanupAtEndOfChain() {
    runOptions = new RunChains.Options(runOptions.pipefail(), true);
    return this;
  }

  @Override
  public DockerfileBuilder syntax(String frontend) {
    Checks.notNull(frontend, "frontend");
    return directive(Directive.syntax(frontend));
  }

  @Override
  public DockerfileBuilder escape(char escape) {
    return directive(Directive.escape(escape));
  }

  @Override
  public DockerfileBuilder check(String value) {
    Checks.notNull(value, "value");
    return directive(Directive.check(value));
  }

  private synchronized DockerfileBuilder directive(Directive d) {
    for (Directive x : directives) {
      Checks.check(!x.name().equals(d.name()), "directive %s must not be repeated", d.name());
    }
    Checks.check(
        stageCount == 0 || !d.name().equals("escape"),
        "escape(%s) must come before the first from(..): the values given since were checked"
            + " against the escape character \\",
        Checks.quote(d.value()));
    checkText("# " + d.name() + "=" + d.value() + "\n", "the " + d.name() + " directive");
    directives.add(d);
    return this;
  }

  @Override
  public DockerfileBuilder arg(String name) {
    Checks.notNull(name, "name");
    return preamble(ArgInstruction.of(name));
  }

  @Override
  public DockerfileBuilder arg(String name, String defaultValue) {
    Checks.notNull(name, "name");
    Checks.notNull(defaultValue, "defaultValue");
    return preamble(ArgInstruction.of(name, defaultValue));
  }

  @Override
  public DockerfileBuilder arg(List<ArgInstruction.Arg> args) {
    return preamble(new ArgInstruction(Checks.list(args, "args")));
  }

  private synchronized DockerfileBuilder preamble(Instruction i) {
    checkInstruction(i);
    preamble.add(i);
    return this;
  }

  @Override
  public DockerfileBuilder comment(String text) {
    Checks.notNull(text, "text");
    return comment(Comment.of(text));
  }

  @Override
  public synchronized DockerfileBuilder comment(Comment comment) {
    Checks.notNull(comment, "comment");
    checkInstruction(comment);
    (stageCount == 0 ? preamble : pendingLeading).add(comment);
    return this;
  }

  @Override
  public synchronized DockerfileBuilder blankLine() {
    (stageCount == 0 ? preamble : pendingLeading).add(BlankLine.INSTANCE);
    return this;
  }

  @Override
  public synchronized DockerfileBuilder verbatim() {
    Checks.check(stageCount == 0, "verbatim() must come before the first from(..)");
    verbatim = true;
    return this;
  }

  @Override
  public synchronized DockerfileBuilder passes(List<Pass> newPasses) {
    passes = Checks.list(newPasses, "passes");
    return this;
  }

  @Override
  public FromStep from(String image) {
    Checks.notNull(image, "image");
    if (!Templates.hasVariables(image)) {
      // the model holds any reference BuildKit's parser reads; the builder insists on a valid one
      ImageRef.parse(Templates.unescape(image));
    }
    return from(image, Optional.empty(), null, List.of());
  }

  @Override
  public FromStep from(ImageRef image) {
    return from(Checks.notNull(image, "image").toString());
  }

  @Override
  public FromStep from(StageRef stage) {
    Checks.notNull(stage, "stage");
    return from(null, Optional.of(stage), null, List.of());
  }

  /**
   * Starts a stage.
   *
   * @param image the image, or null for a stage base
   * @param base the stage it builds on
   * @param previous the stage before it in the same chain of steps, or null
   * @param moved the comments at the end of that stage, which go above this FROM
   * @return the FROM step
   */
  synchronized FromStep from(String image, Optional<StageRef> base,
      StageBuilder.Snapshot previous, List<Instruction> moved) {
    if (image != null) {
      checkInstruction(FromInstruction.of(image));
    }
    base.ifPresent(this::lookup);
    List<Instruction> leading = new ArrayList<>(pendingLeading);
    pendingLeading.clear();
    leading.addAll(moved);
    return new StageBuilder.From(new StageBuilder.Header(this, stageCount++,
        Optional.ofNullable(image), base, Optional.empty(), Optional.empty(), leading,
        Optional.ofNullable(previous)));
  }

  synchronized StageRef end(StageBuilder.Snapshot stage) {
    StageRef ref = refs.apply(stage.header().name);
    handles.put(ref, stage);
    ended.add(stage);
    // each header is walked once, so ending n stages costs O(n) in all
    StageBuilder.Header h = stage.header();
    while (h != null && absorbed.add(h)) {
      h.name.ifPresent(n -> endedNames.add(foldCase(n)));
      h = h.previous.map(StageBuilder.Snapshot::header).orElse(null);
    }
    return ref;
  }

  synchronized StageBuilder.Snapshot lookup(StageRef ref) {
    Checks.notNull(ref, "stage");
    StageBuilder.Snapshot s = handles.get(ref);
    Checks.check(s != null, "stage handle %s belongs to another Dockerfile builder", ref);
    return s;
  }

  void checkFromPlatform(String platform) {
    checkInstruction(FromInstruction.of("scratch").withPlatform(platform));
  }

  synchronized void checkStageName(StageBuilder step, String name) {
    checkInstruction(FromInstruction.of("scratch").withName(name));
    Checks.check(
        !name.equalsIgnoreCase("scratch") && !name.equalsIgnoreCase("context"),
        "stage name (%s) must not be 'scratch' or 'context', which are reserved",
        Checks.quote(name));
    // visible: the ended stages, the stages before this one in its chain, and those before the
    // ended ones in theirs; O(1) with the sets each header and this builder keep
    String key = foldCase(name);
    Checks.check(
        !endedNames.contains(key) && !step.header.chainNames.contains(key),
        "name (%s) must be unique, but an earlier stage of this Dockerfile has it",
        Checks.quote(name));
  }

  /**
   * Folds the case of a stage name: two names have the same folded form exactly when {@link
   * String#equalsIgnoreCase} holds for them (each code point mapped to upper then lower case, as
   * that method compares them).
   *
   * @param name the name
   * @return the folded name
   */
  static String foldCase(String name) {
    return Checks.foldCase(name);
  }

  /**
   * Checks that one RUN step renders on its own, with its cleanup, under the stage's SHELL.
   *
   * @param run the step
   * @param shell the stage's SHELL so far, if any
   */
  void checkRun(Run run, Optional<Exec> shell) {
    StageBuilder.Chain chain = new StageBuilder.Chain(this, shell);
    chain.steps.add(run);
    for (Instruction i : chain.emit(r -> "stage", Optional.empty())) {
      checkInstruction(i);
    }
  }

  /**
   * Checks that an instruction renders, within BuildKit's line limit and without NUL.
   *
   * @param instruction the instruction
   */
  void checkInstruction(Instruction instruction) {
    char escape = escapeChar();
    String text = Renderer.render(instruction, RenderOptions.defaults().withEscape(escape));
    checkText(text, instruction.keyword());
    if (instruction.isTrivia()) {
      return;
    }
    // the parser must read what the builder writes: parse the instruction in a minimal file
    // (stage references are checked by build(), which knows the stages)
    String probe = text;
    Instruction neutral = withoutStageReferences(instruction);
    if (neutral != instruction) {
      probe = Renderer.render(neutral, RenderOptions.defaults().withEscape(escape));
    }
    String file = (escape == '\\' ? "" : "# escape=" + escape + "\n\n")
        + (instruction instanceof FromInstruction ? "" : "FROM scratch\n") + probe;
    int eol = text.indexOf('\n');
    String shown = Checks.quote(abbreviate(eol < 0 ? text : text.substring(0, eol)));
    Dockerfile read;
    try {
      read = Dockerfile.parse(file);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(instruction.keyword() + " (" + shown
          + ") must be readable by the parser, which says: " + problem(e), e);
    }
    // and what it reads must write and read back the same (a malformed ${..} would not)
    String again = read.render();
    Checks.check(
        again.equals(file) || Dockerfile.parse(again).equals(read),
        "%s (%s) must read back as written; check its variable references (${name...})",
        instruction.keyword(), shown);
  }

  /** The instruction with stage references (COPY --from, mount from=) naming an image. */
  private static Instruction withoutStageReferences(Instruction instruction) {
    if (instruction instanceof CopyInstruction c && c.from().isPresent()) {
      return c.withFrom("image");
    }
    if (instruction instanceof RunInstruction r) {
      List<Mount> mounts = new ArrayList<>();
      boolean changed = false;
      for (Mount m : r.mounts()) {
        if (m instanceof Mount.Bind b && b.from().isPresent()) {
          m = new Mount.Bind(b.target(), b.source(), Optional.of("image"), b.readWrite());
          changed = true;
        } else if (m instanceof Mount.Cache k && k.from().isPresent()) {
          m = new Mount.Cache(k.target(), k.id(), k.sharing(), Optional.of("image"), k.source(),
              k.readOnly(), k.mode(), k.uid(), k.gid());
          changed = true;
        }
        mounts.add(m);
      }
      return changed ? r.withMounts(mounts) : r;
    }
    return instruction;
  }

  /** The parser's complaint in one line, control characters escaped. */
  private static String problem(RuntimeException e) {
    String m = e instanceof DockerfileParseException p
        ? p.reason() + p.expected().map(x -> " (expected " + x + ")").orElse("")
        : String.valueOf(e.getMessage());
    String q = Checks.quote(m);
    return q.substring(1, q.length() - 1);
  }

  /**
   * Rejects rendered text with NUL or a line longer than BuildKit reads.
   *
   * @param text the text
   * @param what what it is, for the message
   */
  static void checkText(String text, String what) {
    int line = 1;
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        bytes = 0;
        continue;
      }
      if (c == 0) {
        int start = text.lastIndexOf('\n', i) + 1;
        int end = text.indexOf('\n', i);
        String l = text.substring(start, end < 0 ? text.length() : end);
        throw new IllegalArgumentException(what + " (" + Checks.quote(abbreviate(l))
            + ") must not contain NUL (\\u0000): no process can receive it in an argument or an"
            + " environment variable");
      }
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      if (bytes > MAX_LINE_BYTES) {
        int start = text.lastIndexOf('\n', i) + 1;
        throw new IllegalArgumentException(what + " (" + Checks.quote(abbreviate(
            text.substring(start, Math.min(text.length(), start + 60)))) + ") must fit in lines of"
            + " at most " + MAX_LINE_BYTES + " bytes (UTF-8), but line " + line + " is longer;"
            + " BuildKit rejects longer lines and buildah silently stops reading there");
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /**
   * Builds the Dockerfile ending at a stage: collects the stages (that one, those before it in
   * its chain, those whose handles were taken and those they refer to), orders them by
   * dependency, names the referenced unnamed ones, applies the passes and checks that the result
   * renders and parses back.
   *
   * @param last the stage build() was called on
   * @return the Dockerfile
   */
  synchronized Dockerfile build(StageBuilder.Snapshot last) {
    Map<Key, StageBuilder.Snapshot> found = new LinkedHashMap<>();
    Deque<StageBuilder.Snapshot> work = new ArrayDeque<>();
    work.add(last);
    work.addAll(ended);
    while (!work.isEmpty()) {
      StageBuilder.Snapshot x = work.poll();
      Key k = Key.of(x);
      StageBuilder.Snapshot old = found.get(k);
      if (old == null) {
        found.put(k, x);
        x.header().previous.ifPresent(work::add);
        for (StageRef r : x.dependencies()) {
          work.add(lookup(r));
        }
      } else if (x.elements() == k.elements() && old.elements() != k.elements()) {
        found.put(k, x); // the stage without the comments that went above the next FROM
      }
    }
    List<StageBuilder.Snapshot> stages = new ArrayList<>(found.values());
    stages.sort(Comparator.comparingLong(s -> s.header().seq));
    Function<StageRef, StageBuilder.Snapshot> resolve = r -> found.get(Key.of(lookup(r)));
    Map<StageBuilder.Snapshot, Set<StageBuilder.Snapshot>> deps = new LinkedHashMap<>();
    Set<StageBuilder.Snapshot> referenced = new HashSet<>();
    for (StageBuilder.Snapshot s : stages) {
      Set<StageBuilder.Snapshot> d = new HashSet<>();
      for (StageRef r : s.dependencies()) {
        StageBuilder.Snapshot t = resolve.apply(r);
        Checks.check(t != s, "%s refers to itself", s.describe());
        d.add(t);
        referenced.add(t);
      }
      deps.put(s, d);
    }
    List<StageBuilder.Snapshot> order = order(stages, deps);
    // names: every referenced unnamed stage gets stage-<index>
    Set<String> taken = new HashSet<>();
    for (StageBuilder.Snapshot s : stages) {
      s.header().name.ifPresent(n -> taken.add(n.toLowerCase(Locale.ROOT)));
      s.header().image.ifPresent(i -> taken.add(i.toLowerCase(Locale.ROOT)));
    }
    Map<StageBuilder.Snapshot, String> names = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      StageBuilder.Snapshot s = order.get(i);
      if (s.header().name.isPresent()) {
        names.put(s, s.header().name.get());
      } else if (referenced.contains(s)) {
        String n = "stage-" + i;
        for (int k = 2; taken.contains(n); k++) {
          n = "stage-" + i + "-" + k;
        }
        taken.add(n);
        names.put(s, n);
      }
    }
    // an image string that equals a stage name would build on that stage instead; the first
    // two stages of each name (case folded, as equalsIgnoreCase compares) find, for each image,
    // the first other stage with its name in O(1)
    Map<String, StageBuilder.Snapshot[]> byName = new HashMap<>();
    for (StageBuilder.Snapshot t : stages) {
      if (t.header().name.isPresent()) {
        StageBuilder.Snapshot[] firstTwo = byName.computeIfAbsent(
            foldCase(t.header().name.get()), k -> new StageBuilder.Snapshot[2]);
        if (firstTwo[0] == null) {
          firstTwo[0] = t;
        } else if (firstTwo[1] == null) {
          firstTwo[1] = t;
        }
      }
    }
    for (StageBuilder.Snapshot s : stages) {
      if (s.header().image.isPresent()) {
        String image = s.header().image.get();
        StageBuilder.Snapshot[] firstTwo = byName.get(foldCase(image));
        StageBuilder.Snapshot t = firstTwo == null ? null
            : firstTwo[0] != s ? firstTwo[0] : firstTwo[1];
        if (t != null) {
          throw new IllegalArgumentException("FROM image (" + Checks.quote(image) + ") of "
              + s.describe() + " names " + t.describe() + "; use from(StageRef) to build on a"
              + " stage, or rename the stage");
        }
      }
    }
    Function<StageRef, String> nameOf = r -> names.get(resolve.apply(r));
    Map<StageBuilder.Snapshot, Optional<Exec>> finalShell = new HashMap<>();
    List<Stage> built = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      StageBuilder.Snapshot s = order.get(i);
      Optional<Exec> inherited = s.header().base
          .map(b -> finalShell.get(resolve.apply(b))).orElse(Optional.empty());
      List<Instruction> trailing = i == order.size() - 1 ? pendingLeading : List.of();
      built.add(s.toStage(nameOf, Optional.ofNullable(names.get(s)), inherited, trailing));
      finalShell.put(s, s.finalShell(inherited));
    }
    Dockerfile d = Dockerfile.model(directives, preamble, built);
    StageGraph.requireValid(d); // the model allows what BuildKit's parser allows; the builder not
    if (!verbatim) {
      for (Pass p : passes) {
        d = Checks.notNull(p.apply(d), "the result of pass " + p);
      }
    }
    return reread(d);
  }

  /**
   * Renders the built Dockerfile and returns the model the parser reads from that text, so that
   * render() cannot fail later and the model holds every value in the one form the parser gives
   * it ({@code \\$(id)} for the template {@code $(id)}, a JSON-form VOLUME for a path with white
   * space, ...): {@code Dockerfile.parse(d.render()).equals(d)} holds exactly.
   */
  private static Dockerfile reread(Dockerfile d) {
    String text;
    try {
      text = d.render();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the Dockerfile cannot be written: " + problem(e), e);
    }
    checkText(text, "the Dockerfile");
    try {
      return Dockerfile.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the Dockerfile must be readable by the parser, which says: " + problem(e), e);
    }
  }

  /**
   * Orders the stages so that each comes after the stages it depends on, taking at each step the
   * first ready stage in {@code stages} order (Kahn's algorithm with a heap of ready indexes):
   * O((n + e) log n) for n stages and e references.
   */
  private static List<StageBuilder.Snapshot> order(List<StageBuilder.Snapshot> stages,
      Map<StageBuilder.Snapshot, Set<StageBuilder.Snapshot>> deps) {
    int n = stages.size();
    Map<StageBuilder.Snapshot, Integer> index = indexes(stages);
    int[] waiting = new int[n];
    List<List<Integer>> dependents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (StageBuilder.Snapshot t : deps.get(stages.get(i))) {
        waiting[i]++;
        dependents.get(index.get(t)).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<StageBuilder.Snapshot> out = new ArrayList<>(n);
    Set<StageBuilder.Snapshot> done = new HashSet<>();
    while (!ready.isEmpty()) {
      int i = ready.poll();
      out.add(stages.get(i));
      done.add(stages.get(i));
      for (int j : dependents.get(i)) {
        if (--waiting[j] == 0) {
          ready.add(j);
        }
      }
    }
    if (out.size() < n) {
      throw new IllegalArgumentException("stages form a cycle: " + cycle(stages, deps, done));
    }
    return out;
  }

  private static Map<StageBuilder.Snapshot, Integer> indexes(List<StageBuilder.Snapshot> stages) {
    Map<StageBuilder.Snapshot, Integer> index = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      index.put(stages.get(i), i);
    }
    return index;
  }

  /**
   * Describes a cycle among the stages not done: from the first of them, follows to the first
   * (in {@code stages} order) of each one's dependencies not done until a stage repeats. Every
   * stage not done has such a dependency, or it would have been ready. O(n + e).
   */
  private static String cycle(List<StageBuilder.Snapshot> stages,
      Map<StageBuilder.Snapshot, Set<StageBuilder.Snapshot>> deps,
      Set<StageBuilder.Snapshot> done) {
    Map<StageBuilder.Snapshot, Integer> index = indexes(stages);
    StageBuilder.Snapshot start = null;
    for (StageBuilder.Snapshot s : stages) {
      if (!done.contains(s)) {
        start = s;
        break;
      }
    }
    List<StageBuilder.Snapshot> path = new ArrayList<>();
    Set<StageBuilder.Snapshot> onPath = new HashSet<>();
    StageBuilder.Snapshot cur = start;
    while (onPath.add(cur)) {
      path.add(cur);
      StageBuilder.Snapshot nxt = null;
      for (StageBuilder.Snapshot t : deps.get(cur)) {
        if (!done.contains(t) && (nxt == null || index.get(t) < index.get(nxt))) {
          nxt = t;
        }
      }
      cur = nxt;
    }
    List<String> parts = new ArrayList<>();
    boolean in = false;
    for (StageBuilder.Snapshot s : path) {
      in |= s == cur;
      if (in) {
        parts.add(s.describe());
      }
    }
    parts.add(cur.describe());
    return String.join(" needs ", parts);
  }
}
