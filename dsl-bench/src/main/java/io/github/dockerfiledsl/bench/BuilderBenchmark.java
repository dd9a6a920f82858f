package io.github.dockerfiledsl.bench;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.StageStep;
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
 * The builder's persistent steps: one step call on a kept step (which checks its value by
 * rendering and parsing it back) costs the same whatever the depth of the step, and building
 * renders and parses the whole file once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuilderBenchmark {
  /** Instructions before the kept step. */
  @Param({"10", "1000"})
  public int depth;

  private StageStep kept;

  /** Writes the kept step: a stage with {@code depth} instructions. */
  @Setup
  public void write() {
    StageStep s = Dockerfile.from("alpine:3.20").workdir("/app");
    for (int i = 0; i < depth; i++) {
      s = s.env("V" + i, "value " + i);
    }
    kept = s;
  }

  /**
   * One more instruction on the kept step: a branch, independent of the depth.
   *
   * @return the new step
   */
  @Benchmark
  public StageStep branch() {
    return kept.cmd(Exec.of("/app/run", "--port", "8080"));
  }

  /**
   * Builds the kept step's Dockerfile (linear in the depth: it renders and parses the file).
   *
   * @return the Dockerfile
   */
  @Benchmark
  public Dockerfile build() {
    return kept.build();
  }
}
