package io.github.dockerfiledsl.bench;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.codegen.JavaGenerator;
import io.github.dockerfiledsl.codegen.JavaOptions;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.yaml.YamlSpec;
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
 * How the time of each command grows with its input: every shape (heredoc lines, instructions,
 * stages, variables) at 1x, 4x and 16x its base size, for parse, fmt, lint, import and to-java.
 * Linear code takes 16 times as long at 16x; the target is at most 20 times (see
 * docs/performance.md, section "Scaling").
 *
 * <pre>
 * mvn -B -Pbench -pl dsl-bench -am package -DskipTests
 * java -jar dsl-bench/target/benchmarks.jar ScalingBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ScalingBenchmark {
  /** The input's shape. */
  @Param({"heredoc", "instructions", "stages", "variables"})
  public String shape;

  /** The size factor: 1, 4 or 16 times the base size. */
  @Param({"1", "4", "16"})
  public int factor;

  private String text;
  private Dockerfile model;
  private final Linter linter = Linter.defaults();
  private final JavaGenerator generator = new JavaGenerator(JavaOptions.defaults());

  /**
   * Returns the Dockerfile of a shape at a size: {@code base * factor} heredoc lines, ENV
   * instructions, stages copying from the previous one, or ARGs each using the previous one.
   *
   * @param shape the shape
   * @param n the size
   * @return the Dockerfile text
   */
  public static String input(String shape, int n) {
    StringBuilder sb = new StringBuilder();
    switch (shape) {
      case "heredoc" -> {
        sb.append("FROM debian:bookworm-slim\nRUN <<EOF\n");
        for (int i = 0; i < n; i++) {
          sb.append("echo line ").append(i).append(" >> /log\n");
        }
        sb.append("EOF\n");
      }
      case "instructions" -> {
        sb.append("FROM debian:bookworm-slim\n");
        for (int i = 0; i < n; i++) {
          sb.append("ENV V").append(i).append("=value-").append(i).append('\n');
        }
      }
      case "stages" -> {
        sb.append("FROM debian:bookworm-slim AS s0\n");
        for (int i = 1; i < n; i++) {
          sb.append("FROM debian:bookworm-slim AS s").append(i).append('\n')
              .append("COPY --from=s").append(i - 1).append(" /a /a\n");
        }
      }
      case "variables" -> {
        sb.append("ARG A0=x\nFROM debian:bookworm-slim\nARG A0\n");
        for (int i = 1; i < n; i++) {
          sb.append("ARG A").append(i).append("=${A").append(i - 1).append(":-y}-").append(i)
              .append('\n');
        }
        sb.append("RUN echo $A").append(n - 1).append('\n');
      }
      default -> throw new IllegalArgumentException("unknown shape " + shape);
    }
    return sb.toString();
  }

  /** The base size of each shape (1x). */
  static int base(String shape) {
    return shape.equals("stages") ? 250 : 500;
  }

  /** Builds the input and its model. */
  @Setup
  public void setUp() {
    text = input(shape, base(shape) * factor);
    model = DockerfileParser.parse(text);
  }

  /**
   * Parses the text into the model.
   *
   * @return the model
   */
  @Benchmark
  public Dockerfile parse() {
    return DockerfileParser.parse(text);
  }

  /**
   * Parses and renders the canonical form.
   *
   * @return the formatted text
   */
  @Benchmark
  public String fmt() {
    return DockerfileParser.parse(text).render();
  }

  /**
   * Lints the text.
   *
   * @return the number of findings
   */
  @Benchmark
  public int lint() {
    return linter.lint("Dockerfile", text).findings().size();
  }

  /**
   * Parses the text and writes the YAML spec.
   *
   * @return the spec
   */
  @Benchmark
  public String importSpec() {
    return YamlSpec.write(DockerfileParser.parse(text));
  }

  /**
   * Generates the Java source for the parsed model.
   *
   * @return the source
   */
  @Benchmark
  public String toJava() {
    return generator.generate(model);
  }
}
