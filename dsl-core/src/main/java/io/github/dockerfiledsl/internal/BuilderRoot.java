package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.DockerfileBuilder;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.FromStep;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.StageRef;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.optimize.Pass;
import io.github.dockerfiledsl.optimize.Passes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The builder behind {@link Dockerfile#builder()}: directives, global ARGs and the stages. */
public final class BuilderRoot implements DockerfileBuilder {
  private final Function<Optional<String>, StageRef> refs;
  private final List<Directive> directives = new ArrayList<>();
  private final List<Instruction> preamble = new ArrayList<>();
  private final List<Instruction> pendingLeading = new ArrayList<>();
  private final List<StageBuilder> stages = new ArrayList<>();
  private final Map<StageRef, StageBuilder> handles = new IdentityHashMap<>();
  private boolean verbatim;
  private List<Pass> passes = Passes.builderDefaults();

  /**
   * Creates a builder.
   *
   * @param refs creates stage handles (the handle's constructor is not public)
   */
  public BuilderRoot(Function<Optional<String>, StageRef> refs) {
    this.refs = Checks.notNull(refs, "refs");
  }

  StageRef newRef(StageBuilder stage, Optional<String> name) {
    StageRef ref = refs.apply(name);
    handles.put(ref, stage);
    return ref;
  }

  boolean isVerbatim() {
    return verbatim;
  }

  List<StageBuilder> stageBuilders() {
    return stages;
  }

  @Override
  public DockerfileBuilder syntax(String frontend) {
    return directive(Directive.syntax(frontend));
  }

  @Override
  public DockerfileBuilder escape(char escape) {
    return directive(Directive.escape(escape));
  }

  @Override
  public DockerfileBuilder check(String value) {
    return directive(Directive.check(value));
  }

  private DockerfileBuilder directive(Directive d) {
    for (Directive x : directives) {
      Checks.check(!x.name().equals(d.name()), "directive %s must not be repeated", d.name());
    }
    directives.add(d);
    return this;
  }

  @Override
  public DockerfileBuilder arg(String name) {
    preamble.add(ArgInstruction.of(name));
    return this;
  }

  @Override
  public DockerfileBuilder arg(String name, String defaultValue) {
    preamble.add(ArgInstruction.of(name, defaultValue));
    return this;
  }

  @Override
  public DockerfileBuilder arg(List<ArgInstruction.Arg> args) {
    preamble.add(new ArgInstruction(args));
    return this;
  }

  @Override
  public DockerfileBuilder comment(String text) {
    return comment(Comment.of(text));
  }

  @Override
  public DockerfileBuilder comment(Comment comment) {
    (stages.isEmpty() ? preamble : pendingLeading).add(Checks.notNull(comment, "comment"));
    return this;
  }

  @Override
  public DockerfileBuilder blankLine() {
    (stages.isEmpty() ? preamble : pendingLeading).add(BlankLine.INSTANCE);
    return this;
  }

  /** Returns and clears the comments and blank lines given for the next stage. */
  List<Instruction> takeLeading() {
    List<Instruction> out = List.copyOf(pendingLeading);
    pendingLeading.clear();
    return out;
  }

  @Override
  public DockerfileBuilder verbatim() {
    Checks.check(stages.isEmpty(), "verbatim() must come before the first from(..)");
    verbatim = true;
    return this;
  }

  @Override
  public DockerfileBuilder passes(List<Pass> newPasses) {
    passes = Checks.list(newPasses, "passes");
    return this;
  }

  @Override
  public FromStep from(String image) {
    FromInstruction.of(image); // validates now, not at build()
    if (!Templates.hasVariables(image)) {
      // the model holds any reference BuildKit's parser reads; the builder insists on a valid one
      ImageRef.parse(Templates.unescape(image));
    }
    return add(new StageBuilder(this, stages.size(), Optional.of(image), Optional.empty()));
  }

  @Override
  public FromStep from(ImageRef image) {
    return from(Checks.notNull(image, "image").toString());
  }

  @Override
  public FromStep from(StageRef stage) {
    lookup(stage);
    return add(new StageBuilder(this, stages.size(), Optional.empty(), Optional.of(stage)));
  }

  private StageBuilder add(StageBuilder s) {
    s.addLeading(takeLeading());
    stages.add(s);
    return s;
  }

  StageBuilder lookup(StageRef ref) {
    Checks.notNull(ref, "stage");
    StageBuilder s = handles.get(ref);
    Checks.check(s != null, "stage handle %s belongs to another Dockerfile builder", ref);
    return s;
  }

  void checkNewName(StageBuilder stage, String name) {
    Checks.check(
        !name.equals("scratch") && !name.equals("context"),
        "stage name '%s' is reserved",
        name);
    for (StageBuilder s : stages) {
      if (s != stage && s.name().map(name::equals).orElse(false)) {
        throw new IllegalArgumentException("duplicate stage name '" + name + "' (stages "
            + (Math.min(s.index(), stage.index()) + 1) + " and "
            + (Math.max(s.index(), stage.index()) + 1) + ")");
      }
    }
  }

  /**
   * Builds the Dockerfile: orders the stages by dependency, names the referenced unnamed ones and
   * applies the passes.
   *
   * @return the Dockerfile
   */
  Dockerfile build() {
    Checks.check(!stages.isEmpty(), "a Dockerfile needs at least one FROM");
    Map<StageBuilder, Set<StageBuilder>> deps = new LinkedHashMap<>();
    Set<StageBuilder> referenced = new HashSet<>();
    for (StageBuilder s : stages) {
      Set<StageBuilder> d = new HashSet<>();
      for (StageRef r : s.dependencies()) {
        StageBuilder t = lookup(r);
        Checks.check(t != s, "stage %s refers to itself", s.describe());
        d.add(t);
        referenced.add(t);
      }
      deps.put(s, d);
    }
    List<StageBuilder> order = order(deps);
    // names: every referenced unnamed stage gets stage-<index>
    Set<String> taken = new HashSet<>();
    for (StageBuilder s : stages) {
      s.name().ifPresent(taken::add);
      s.image().ifPresent(i -> taken.add(i.toLowerCase(Locale.ROOT)));
    }
    Map<StageBuilder, String> names = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      StageBuilder s = order.get(i);
      if (s.name().isPresent()) {
        names.put(s, s.name().get());
      } else if (referenced.contains(s)) {
        String n = "stage-" + i;
        for (int k = 2; taken.contains(n); k++) {
          n = "stage-" + i + "-" + k;
        }
        taken.add(n);
        names.put(s, n);
      }
    }
    // an image string that equals a stage name would build on that stage instead
    for (StageBuilder s : stages) {
      if (s.image().isPresent()) {
        String image = s.image().get();
        for (StageBuilder t : stages) {
          if (t != s && t.name().map(n -> n.equals(image.toLowerCase(Locale.ROOT))).orElse(false)) {
            throw new IllegalArgumentException("FROM image '" + image + "' of " + s.describe()
                + " names " + t.describe() + "; use from(StageRef) to build on a stage, or"
                + " rename the stage");
          }
        }
      }
    }
    Function<StageRef, String> nameOf = r -> names.get(lookup(r));
    Map<StageBuilder, Optional<Exec>> finalShell = new HashMap<>();
    List<Stage> built = new ArrayList<>();
    for (StageBuilder s : order) {
      Optional<Exec> inherited = s.base().map(b -> finalShell.get(lookup(b))).orElse(Optional.empty());
      built.add(s.toStage(nameOf, Optional.ofNullable(names.get(s)), inherited));
      finalShell.put(s, s.finalShell(inherited));
    }
    Dockerfile d = Dockerfile.model(directives, preamble, built);
    StageGraph.requireValid(d); // the model allows what BuildKit's parser allows; the builder not
    if (!verbatim) {
      for (Pass p : passes) {
        d = p.apply(d);
      }
    }
    return d;
  }

  private List<StageBuilder> order(Map<StageBuilder, Set<StageBuilder>> deps) {
    List<StageBuilder> out = new ArrayList<>();
    Set<StageBuilder> done = new HashSet<>();
    while (out.size() < stages.size()) {
      StageBuilder next = null;
      for (StageBuilder s : stages) {
        if (!done.contains(s) && done.containsAll(deps.get(s))) {
          next = s;
          break;
        }
      }
      if (next == null) {
        throw new IllegalArgumentException("stages form a cycle: " + cycle(deps, done));
      }
      out.add(next);
      done.add(next);
    }
    return out;
  }

  private String cycle(Map<StageBuilder, Set<StageBuilder>> deps, Set<StageBuilder> done) {
    // follow dependencies from an unfinished stage until one repeats
    StageBuilder start = null;
    for (StageBuilder s : stages) {
      if (!done.contains(s)) {
        start = s;
        break;
      }
    }
    Deque<StageBuilder> path = new ArrayDeque<>();
    StageBuilder cur = start;
    while (!path.contains(cur)) {
      path.addLast(cur);
      StageBuilder nxt = null;
      for (StageBuilder t : stages) {
        if (deps.get(cur).contains(t) && !done.contains(t)) {
          nxt = t;
          break;
        }
      }
      cur = nxt;
    }
    List<String> parts = new ArrayList<>();
    boolean in = false;
    for (StageBuilder s : path) {
      in |= s == cur;
      if (in) {
        parts.add(s.describe());
      }
    }
    parts.add(cur.describe());
    // the path runs from a stage to the stage it needs; show it as "needs" arrows
    return String.join(" needs ", parts);
  }
}
