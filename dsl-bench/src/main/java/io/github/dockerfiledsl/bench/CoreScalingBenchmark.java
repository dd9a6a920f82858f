package io.github.dockerfiledsl.bench;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.DockerfileBuilder;
import io.github.dockerfiledsl.StageRef;
import io.github.dockerfiledsl.StageStep;
import io.github.dockerfiledsl.build.DockerIgnore;
import io.github.dockerfiledsl.eval.ShellLexer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the time of library operations grows with their input, at 1x, 4x and 16x (issue 18;
 * see docs/performance.md, section "Scaling"): {@code patterns} expands the six pattern forms
 * ({@code ${V#p}}, {@code ${V##p}}, {@code ${V%p}}, {@code ${V%%p}}, {@code ${V/p/x}}, {@code
 * ${V//p/x}}) with the backtracking-prone glob {@code *a*a*a*a*a*a*b} on a value of 2,000, 8,000
 * or 32,000 {@code a}s; {@code builderStages} writes 250, 1,000 or 4,000 named stages with the
 * builder, each copying from the previous one's handle; {@code builderBuild} does the same and
 * calls {@code build()}; {@code dockerignore} matches {@link #IGNORE} against a name of 2,000,
 * 8,000 or 32,000 {@code a}s, the same under a directory, and a path of 1,000, 4,000 or 16,000
 * directories {@code a/}.
 *
 * <pre>
 * mvn -B -Pbench -pl dsl-bench -am package -DskipTests
 * java -jar dsl-bench/target/benchmarks.jar CoreScalingBenchmark -f 1 -wi 2 -i 3
 * java -cp dsl-bench/target/benchmarks.jar io.github.dockerfiledsl.bench.CoreScalingBenchmark 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CoreScalingBenchmark {
  /** The glob of the {@code patterns} shape: no match, and exponential for a backtracker. */
  static final String GLOB = "*a*a*a*a*a*a*b";

  /**
   * The .dockerignore patterns of the {@code dockerignore} shape: none matches, and each makes a
   * backtracking regular expression search long.
   */
  static final List<String> IGNORE = List.of(
      "*a*a*a*a*a*a*b", "**/a*a*a*a*a*a*b", "a/**/a/**/a/**/a/**/b", "**/a?a?[ab]*a*b");

  /** The operation's input shape. */
  @Param({"patterns", "builderStages", "builderBuild", "dockerignore"})
  public String shape;

  /** The size factor: 1, 4 or 16 times the base size. */
  @Param({"1", "4", "16"})
  public int factor;

  private Map<String, String> env;
  private String word;
  private int stages;
  private DockerIgnore ignore;
  private List<String> paths;

  /** Builds the input of the shape at its size. */
  @Setup
  public void setUp() {
    env = Map.of("V", "a".repeat(2_000 * factor));
    word = "${V#" + GLOB + "}${V##" + GLOB + "}${V%" + GLOB + "}${V%%" + GLOB + "}${V/" + GLOB
        + "/x}${V//" + GLOB + "/x}";
    stages = 250 * factor;
    ignore = DockerIgnore.of(IGNORE);
    String name = "a".repeat(2_000 * factor);
    paths = List.of(name, "x/" + name, "a/".repeat(1_000 * factor) + "a");
  }

  /**
   * Runs the shape's operation.
   *
   * @return the expanded word's length, the last stage's step, the Dockerfile, or the number of
   *     excluded paths
   */
  @Benchmark
  public Object run() {
    if (shape.equals("patterns")) {
      return ShellLexer.standard().expand(word, env).length();
    }
    if (shape.equals("dockerignore")) {
      int excluded = 0;
      for (String p : paths) {
        excluded += ignore.matches(p) ? 1 : 0;
      }
      return excluded;
    }
    DockerfileBuilder df = Dockerfile.builder();
    StageStep s = df.from("debian:bookworm-slim").as("s0");
    StageRef previous = s.end();
    for (int i = 1; i < stages; i++) {
      s = s.from("debian:bookworm-slim").as("s" + i).copy(previous, "/a", "/a");
      previous = s.end();
    }
    return shape.equals("builderBuild") ? s.build() : s;
  }

  /**
   * Measures the thread CPU time of each shape at 1x, 4x and 16x (median of the given number of
   * rounds, after as many warm-up rounds) and prints one Markdown table row per shape, for
   * machines shared with other work, where JMH's wall-clock figures mostly measure the scheduler.
   *
   * @param args optional number of measured rounds (default 7), then optional comma-separated
   *     shapes (default all)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int[] factors = {1, 4, 16};
    System.out.println("| shape | 1x (ms) | 4x (ms) | 16x (ms) | 16x / 1x |");
    System.out.println("|---|---:|---:|---:|---:|");
    String[] shapes = args.length > 1 ? args[1].split(",")
        : new String[] {"patterns", "builderStages", "builderBuild", "dockerignore"};
    for (String shape : shapes) {
      double[] ms = new double[factors.length];
      for (int f = 0; f < factors.length; f++) {
        CoreScalingBenchmark b = new CoreScalingBenchmark();
        b.shape = shape;
        b.factor = factors[f];
        b.setUp();
        List<Double> times = new ArrayList<>();
        long sink = 0;
        for (int r = 0; r < 2 * rounds; r++) {
          long start = mx.getCurrentThreadCpuTime();
          sink += b.run().hashCode();
          double took = (mx.getCurrentThreadCpuTime() - start) / 1e6;
          if (r >= rounds) {
            times.add(took);
          }
        }
        times.sort(null);
        ms[f] = times.get(times.size() / 2) + (sink == 42 ? 1e-9 : 0);
      }
      System.out.printf("| %s | %.2f | %.2f | %.2f | %.1f |%n", shape, ms[0], ms[1], ms[2],
          ms[2] / ms[0]);
    }
  }
}
