package io.github.dockerfiledsl.bench;

import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput in thread CPU time rather than wall time: a companion to {@link ParserBenchmark} for
 * machines shared with other work, where wall-clock figures mostly measure the scheduler.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.dockerfiledsl.bench.CpuThroughput
 * [corpus-dir]}.
 */
public final class CpuThroughput {
  private CpuThroughput() {}

  /**
   * Runs warm-up and measured rounds over the corpus and prints files/s and MB/s per CPU second.
   *
   * @param args optional corpus directory
   */
  public static void main(String[] args) {
    if (args.length > 0) {
      System.setProperty("corpus.dir", args[0]);
    }
    ParserBenchmark state = new ParserBenchmark();
    state.load();
    List<String> all = state.texts();
    List<String> model = state.modelTexts();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = {"parseAst", "parseModel", "parseAndRender"};
    for (int b = 0; b < names.length; b++) {
      List<String> texts = b == 0 ? all : model;
      long bytes = 0;
      for (String t : texts) {
        bytes += t.getBytes(StandardCharsets.UTF_8).length;
      }
      List<Double> rates = new ArrayList<>();
      for (int round = 0; round < 25; round++) {
        long start = mx.getCurrentThreadCpuTime();
        long sink = 0;
        for (String t : texts) {
          try {
            if (b == 0) {
              sink += AstParser.parse(t).nodes().size();
            } else if (b == 1) {
              sink += DockerfileParser.parse(t).stages().size();
            } else {
              sink += DockerfileParser.parse(t).render().length();
            }
          } catch (DockerfileParseException e) {
            sink++;
          }
        }
        double seconds = (mx.getCurrentThreadCpuTime() - start) / 1e9;
        if (round >= 10 && sink > 0) {
          rates.add(seconds);
        }
      }
      rates.sort(null);
      double median = rates.get(rates.size() / 2);
      System.out.printf(
          "%-15s %6d files %9d bytes  median %.3f CPU-s/op  %8.0f files/s  %6.1f MB/s%n",
          names[b], texts.size(), bytes, median, texts.size() / median, bytes / median / 1e6);
    }
  }
}
