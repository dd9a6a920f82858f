package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    String image = d.stages().get(index).from().image();
    for (int i = 0; i < index; i++) {
      if (d.stages().get(i).name().map(image::equalsIgnoreCase).orElse(false)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the external base image of a stage, following {@code FROM <stage>} chains.
   *
   * @param d the Dockerfile
   * @param index the stage index
   * @return the image as written (may hold variables, or be {@code scratch})
   */
  public static String baseImage(Dockerfile d, int index) {
    int i = index;
    for (int guard = 0; guard < d.stages().size(); guard++) {
      Optional<Integer> p = parentStage(d, i);
      if (p.isEmpty()) {
        break;
      }
      i = p.get();
    }
    return d.stages().get(i).from().image();
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
    for (RunInstruction[] pair : consecutiveRuns(stage)) {
      if (pair[0] == run) {
        return Optional.of(pair[1]);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the RUN that precedes a RUN in its stage with only trivia between, if any.
   *
   * @param stage the stage
   * @param run the RUN
   * @return the previous RUN
   */
  public static Optional<RunInstruction> previousRun(Stage stage, RunInstruction run) {
    for (RunInstruction[] pair : consecutiveRuns(stage)) {
      if (pair[1] == run) {
        return Optional.of(pair[0]);
      }
    }
    return Optional.empty();
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
        || r.get().tag().map(t -> t.contains("alpine")).orElse(false);
  }
}
