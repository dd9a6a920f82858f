package io.github.dockerfiledsl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The work of {@link ScalingBenchmark} timed in thread CPU time, for machines shared with other
 * work, where JMH's wall-clock figures mostly measure the scheduler: for each shape and command,
 * the median CPU time at 1x, 4x and 16x and the growth from 1x to 16x (linear is 16).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.dockerfiledsl.bench.ScalingCpu [rounds]}.
 */
public final class ScalingCpu {
  private ScalingCpu() {}

  /**
   * Measures and prints one Markdown table row per shape and command.
   *
   * @param args optional number of measured rounds (default 7; as many again warm up)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] shapes = {"heredoc", "instructions", "stages", "variables"};
    String[] ops = {"parse", "fmt", "lint", "importSpec", "toJava"};
    int[] factors = {1, 4, 16};
    System.out.println("| shape | command | 1x (ms) | 4x (ms) | 16x (ms) | 16x / 1x |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (String shape : shapes) {
      for (String op : ops) {
        double[] ms = new double[factors.length];
        for (int f = 0; f < factors.length; f++) {
          ScalingBenchmark b = new ScalingBenchmark();
          b.shape = shape;
          b.factor = factors[f];
          b.setUp();
          Supplier<Object> work = switch (op) {
            case "parse" -> b::parse;
            case "fmt" -> b::fmt;
            case "lint" -> b::lint;
            case "importSpec" -> b::importSpec;
            default -> b::toJava;
          };
          List<Double> times = new ArrayList<>();
          long sink = 0;
          for (int r = 0; r < 2 * rounds; r++) {
            long start = mx.getCurrentThreadCpuTime();
            sink += work.get().hashCode();
            double took = (mx.getCurrentThreadCpuTime() - start) / 1e6;
            if (r >= rounds) {
              times.add(took);
            }
          }
          times.sort(null);
          ms[f] = times.get(times.size() / 2) + (sink == 42 ? 1e-9 : 0);
        }
        System.out.printf("| %s | %s | %.2f | %.2f | %.2f | %.1f |%n", shape, op, ms[0], ms[1],
            ms[2], ms[2] / ms[0]);
      }
    }
  }
}
