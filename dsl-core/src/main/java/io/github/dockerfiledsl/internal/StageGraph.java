package io.github.dockerfiledsl.internal;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The references between the stages of a Dockerfile (FROM a stage, {@code COPY --from}, {@code
 * RUN --mount from}), and the stage problems BuildKit reports only when it converts the file to a
 * build: a duplicate stage name, a reference to the stage itself or a later one. The model holds
 * such files (BuildKit's parser accepts them); the typed builder refuses them at {@code build()}
 * through {@link #requireValid(Dockerfile)}, the linter reports them.
 */
public final class StageGraph {
  private final Dockerfile dockerfile;
  private final Map<String, Integer> byName = new HashMap<>();
  private final List<List<Edge>> edges = new ArrayList<>();
  private final List<Edge> badIndexes = new ArrayList<>();
  private boolean[] cyclic; // computed on first use

  /**
   * A reference from an instruction of one stage to another stage.
   *
   * @param from the index of the referring stage
   * @param to the index of the referenced stage
   * @param instruction the referring instruction (the FROM for a stage built on another)
   * @param field {@code FROM}, {@code COPY --from} or {@code RUN --mount from}
   * @param reference the reference as written (a template)
   */
  public record Edge(int from, int to, Instruction instruction, String field, String reference) {}

  private StageGraph(Dockerfile dockerfile) {
    this.dockerfile = dockerfile;
    List<Stage> stages = dockerfile.stages();
    for (int i = 0; i < stages.size(); i++) {
      Optional<String> n = stages.get(i).name();
      if (n.isPresent()) {
        byName.putIfAbsent(n.get().toLowerCase(Locale.ROOT), i);
      }
    }
    for (int i = 0; i < stages.size(); i++) {
      List<Edge> out = new ArrayList<>();
      Stage s = stages.get(i);
      String image = s.from().image();
      Integer base = Templates.hasVariables(image) ? null : byName.get(image.toLowerCase(Locale.ROOT));
      if (base != null && base < i) { // FROM names only earlier stages; a later name is an image
        out.add(new Edge(i, base, s.from(), "FROM", image));
      }
      for (Instruction instruction : s.instructions()) {
        if (instruction instanceof CopyInstruction c && c.from().isPresent()) {
          Optional<Edge> e = edge(i, instruction, "COPY --from", c.from().get());
          if (e.isPresent()) {
            out.add(e.get());
          }
        } else if (instruction instanceof RunInstruction r) {
          for (Mount m : r.mounts()) {
            Optional<String> from = m instanceof Mount.Bind b ? b.from()
                : m instanceof Mount.Cache c ? c.from() : Optional.empty();
            if (from.isPresent()) {
              Optional<Edge> e = edge(i, instruction, "RUN --mount from", from.get());
              if (e.isPresent()) {
                out.add(e.get());
              }
            }
          }
        }
      }
      edges.add(out);
    }
  }

  /**
   * Builds the graph of a Dockerfile.
   *
   * @param dockerfile the Dockerfile
   * @return the graph
   */
  public static StageGraph of(Dockerfile dockerfile) {
    return new StageGraph(dockerfile);
  }

  private Optional<Edge> edge(int stage, Instruction instruction, String field, String reference) {
    if (Templates.hasVariables(reference)) {
      return Optional.empty();
    }
    String name = Templates.unescape(reference).toLowerCase(Locale.ROOT);
    if (!name.isEmpty() && digits(name)) {
      if (name.length() > 9 || Integer.parseInt(name) >= dockerfile.stages().size()) {
        // BuildKit: "invalid stage index", an error of its own
        badIndexes.add(new Edge(stage, Integer.MAX_VALUE, instruction, field, reference));
        return Optional.empty();
      }
      return Optional.of(new Edge(stage, Integer.parseInt(name), instruction, field, reference));
    }
    Integer target = byName.get(name);
    return target == null ? Optional.empty()
        : Optional.of(new Edge(stage, target, instruction, field, reference));
  }

  /**
   * Returns the references of a stage to other stages (or itself), in source order.
   *
   * @param stage the stage index
   * @return the references
   */
  public List<Edge> references(int stage) {
    return edges.get(stage);
  }

  /**
   * Returns the stages the default target (the last stage) builds: itself and every stage it
   * references, directly or not.
   *
   * @return one flag per stage
   */
  public boolean[] reachableFromTarget() {
    int n = dockerfile.stages().size();
    boolean[] seen = new boolean[n];
    List<Integer> todo = new ArrayList<>(List.of(n - 1));
    seen[n - 1] = true;
    while (!todo.isEmpty()) {
      int s = todo.remove(todo.size() - 1);
      for (Edge e : edges.get(s)) {
        if (!seen[e.to()]) {
          seen[e.to()] = true;
          todo.add(e.to());
        }
      }
    }
    return seen;
  }

  /**
   * Returns whether a stage can reach itself by following references, which BuildKit reports as
   * a circular dependency for the whole file. The stages on cycles are found once for all
   * (strongly connected components, Tarjan's algorithm without recursion): O(n + e).
   *
   * @param stage the stage index
   * @return whether the stage is on a cycle
   */
  public boolean onCycle(int stage) {
    if (cyclic == null) {
      cyclic = cyclicStages();
    }
    return cyclic[stage];
  }

  private boolean[] cyclicStages() {
    int n = edges.size();
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    boolean[] out = new boolean[n];
    java.util.Arrays.fill(index, -1);
    int[] stack = new int[n];
    int top = 0;
    int[] callStack = new int[n];
    int[] nextEdge = new int[n];
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callStack[depth++] = root;
      index[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = true;
      while (depth > 0) {
        int v = callStack[depth - 1];
        List<Edge> out0 = edges.get(v);
        if (nextEdge[v] < out0.size()) {
          int w = out0.get(nextEdge[v]++).to();
          if (w == v) {
            out[v] = true; // a reference to itself
          } else if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[top++] = w;
            onStack[w] = true;
            callStack[depth++] = w;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        depth--;
        if (depth > 0) {
          int parent = callStack[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          int size = 0;
          int first = top;
          do {
            first--;
            size++;
          } while (stack[first] != v);
          for (int k = first; k < top; k++) {
            onStack[stack[k]] = false;
            out[stack[k]] |= size > 1;
          }
          top = first;
        }
      }
    }
    return out;
  }

  /**
   * Returns, for each stage with a name used before, the index of the first stage with that
   * name.
   *
   * @return stage index to the index of its first namesake, in stage order
   */
  public Map<Integer, Integer> duplicateNames() {
    Map<Integer, Integer> out = new java.util.LinkedHashMap<>();
    List<Stage> stages = dockerfile.stages();
    for (int i = 0; i < stages.size(); i++) {
      Optional<String> name = stages.get(i).name();
      if (name.isPresent()) {
        int first = byName.get(name.get().toLowerCase(Locale.ROOT));
        if (first != i) {
          out.put(i, first);
        }
      }
    }
    return out;
  }

  /**
   * Refuses what the typed builder must never produce: a duplicate stage name, or a {@code COPY
   * --from} or {@code RUN --mount from} naming the stage itself or a later stage.
   *
   * @param dockerfile the built Dockerfile
   * @throws IllegalArgumentException for the first such problem
   */
  public static void requireValid(Dockerfile dockerfile) {
    StageGraph g = of(dockerfile);
    for (Map.Entry<Integer, Integer> d : g.duplicateNames().entrySet()) {
      throw new IllegalArgumentException("duplicate stage name '"
          + dockerfile.stages().get(d.getKey()).name().orElseThrow() + "' (stages "
          + (d.getValue() + 1) + " and " + (d.getKey() + 1) + ")");
    }
    List<Edge> all = new ArrayList<>(g.badIndexes);
    for (int i = 0; i < dockerfile.stages().size(); i++) {
      all.addAll(g.references(i));
    }
    for (Edge e : all) {
      if (e.to() >= e.from()) {
        throw new IllegalArgumentException(
            e.field() + " (" + Checks.quote(e.reference()) + ") in stage " + (e.from() + 1)
                + " must name an earlier stage; naming the stage itself or a later one is a"
                + " circular dependency");
      }
    }
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
