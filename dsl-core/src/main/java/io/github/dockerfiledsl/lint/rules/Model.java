package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Queries over the model shared by the rules. */
public final class Model {
  private Model() {}

  /**
   * Returns the global ARGs (before the first FROM) with their defaults, in order.
   *
   * @param d the Dockerfile
   * @return name to default (null when there is none)
   */
  public static Map<String, String> globalArgs(Dockerfile d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Instruction i : d.preamble()) {
      if (i instanceof ArgInstruction a) {
        for (ArgInstruction.Arg arg : a.args()) {
          out.put(arg.name(), arg.defaultValue().orElse(null));
        }
      }
    }
    return out;
  }

  /**
   * Returns the stage a FROM refers to by name, if its image is an earlier stage's name.
   *
   * @param d the Dockerfile
   * @param index the stage index
   * @return the parent stage index
   */
  public static Optional<Integer> parentStage(Dockerfile d, int index) {
    int p = stageIndex(d).parent[index];
    return p < 0 ? Optional.empty() : Optional.of(p);
  }

  /**
   * Returns the external base image of a stage, following {@code FROM <stage>} chains.
   *
   * @param d the Dockerfile
   * @param index the stage index
   * @return the image as written (may hold variables, or be {@code scratch})
   */
  public static String baseImage(Dockerfile d, int index) {
    return stageIndex(d).base[index];
  }

  /** Parents and base images of every stage of one Dockerfile, computed in one pass. */
  private record StageIndex(Dockerfile dockerfile, int[] parent, String[] base) {}

  /** The index of the Dockerfile linted last: rules ask for it again and again. */
  private static volatile StageIndex lastIndex;

  private static StageIndex stageIndex(Dockerfile d) {
    StageIndex index = lastIndex;
    if (index != null && index.dockerfile() == d) {
      return index;
    }
    List<Stage> stages = d.stages();
    int[] parent = new int[stages.size()];
    String[] base = new String[stages.size()];
    Map<String, Integer> byName = new HashMap<>();
    for (int s = 0; s < stages.size(); s++) {
      String image = stages.get(s).from().image();
      // the first earlier stage whose name matches, ignoring case
      Integer p = byName.get(image.toLowerCase(Locale.ROOT));
      parent[s] = p == null ? -1 : p;
      base[s] = p == null ? image : base[p];
      Optional<String> n = stages.get(s).name();
      if (n.isPresent()) {
        byName.putIfAbsent(n.get().toLowerCase(Locale.ROOT), s);
      }
    }
    index = new StageIndex(d, parent, base);
    lastIndex = index;
    return index;
  }

  /**
   * Parses an image reference, if it is valid and holds no variable.
   *
   * @param image the image
   * @return the reference
   */
  public static Optional<ImageRef> ref(String image) {
    if (image.contains("$") || image.equals("scratch") || !ImageRef.isValid(image)) {
      return Optional.empty();
    }
    return Optional.of(ImageRef.parse(image));
  }

  /**
   * Returns pairs of RUNs of one stage with only comments and blank lines between them.
   *
   * @param stage the stage
   * @return the pairs, each as a two-element list
   */
  public static List<RunInstruction[]> consecutiveRuns(Stage stage) {
    List<RunInstruction[]> out = new ArrayList<>();
    RunInstruction previous = null;
    for (Instruction i : stage.instructions()) {
      if (i.isTrivia()) {
        continue;
      }
      if (i instanceof RunInstruction r) {
        if (previous != null) {
          out.add(new RunInstruction[] {previous, r});
        }
        previous = r;
      } else {
        previous = null;
      }
    }
    return out;
  }

  /**
   * Returns the RUN that follows a RUN in its stage with only trivia between, if any.
   *
   * @param stage the stage
   * @param run the RUN
   * @return the next RUN
   */
  public static Optional<RunInstruction> nextRun(Stage stage, RunInstruction run) {
    return Optional.ofNullable(runPairs(stage).next().get(run));
  }

  /**
   * Returns the RUN that precedes a RUN in its stage with only trivia between, if any.
   *
   * @param stage the stage
   * @param run the RUN
   * @return the previous RUN
   */
  public static Optional<RunInstruction> previousRun(Stage stage, RunInstruction run) {
    return Optional.ofNullable(runPairs(stage).previous().get(run));
  }

  /** The consecutive RUNs of one stage, both ways, by identity. */
  private record RunPairs(Stage stage, Map<RunInstruction, RunInstruction> next,
      Map<RunInstruction, RunInstruction> previous) {}

  private static volatile RunPairs lastPairs;

  private static RunPairs runPairs(Stage stage) {
    RunPairs pairs = lastPairs;
    if (pairs != null && pairs.stage() == stage) {
      return pairs;
    }
    Map<RunInstruction, RunInstruction> next = new IdentityHashMap<>();
    Map<RunInstruction, RunInstruction> previous = new IdentityHashMap<>();
    for (RunInstruction[] pair : consecutiveRuns(stage)) {
      next.putIfAbsent(pair[0], pair[1]);
      previous.putIfAbsent(pair[1], pair[0]);
    }
    pairs = new RunPairs(stage, next, previous);
    lastPairs = pairs;
    return pairs;
  }

  /**
   * Returns whether the RUN has a cache or tmpfs mount at or below one of the given paths, which
   * keeps a package manager's cache out of the layer.
   *
   * @param run the RUN
   * @param paths path prefixes, e.g. {@code /var/lib/apt}
   * @return true if such a mount exists
   */
  public static boolean cacheMounted(RunInstruction run, String... paths) {
    for (Mount m : run.mounts()) {
      String target = null;
      if (m instanceof Mount.Cache c) {
        target = c.target();
      } else if (m instanceof Mount.Tmpfs t) {
        target = t.target();
      }
      if (target == null) {
        continue;
      }
      String t = Paths.clean(target);
      for (String p : paths) {
        if (t.equals(p) || t.startsWith(p + "/") || p.startsWith(t + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether the image (as written) is an alpine-based image: {@code alpine} or a tag
   * mentioning alpine.
   *
   * @param image the image
   * @return true for alpine
   */
  public static boolean isAlpine(String image) {
    Optional<ImageRef> r = ref(image);
    if (r.isEmpty()) {
      return image.contains("alpine");
    }
    String path = r.get().path();
    return path.equals("alpine") || path.endsWith("/alpine")
        || r.get().tag().isPresent() && r.get().tag().get().contains("alpine");
  }
}
