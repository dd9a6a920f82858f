package io.github.dockerfiledsl.bench;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and parse+render throughput over the whole corpus: one operation reads every corpus file
 * once, so files/s = files per operation x operations/s and MB/s = corpus bytes x operations/s.
 *
 * <p>The corpus directory comes from the system property {@code corpus.dir} (default {@code
 * ../shared/corpus} relative to the working directory).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ParserBenchmark {
  private final List<String> texts = new ArrayList<>();
  private final List<String> modelTexts = new ArrayList<>();

  /** Loads the corpus and keeps the files each benchmark can process. */
  @Setup
  public void load() {
    Path dir = Paths.get(System.getProperty("corpus.dir", "../shared/corpus"));
    long bytes = 0;
    long modelBytes = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        String rel = dir.relativize(p).toString();
        if (!rel.contains("__") || rel.startsWith("LICENSES") || rel.endsWith(".gz")
            || rel.endsWith(".md")) {
          continue;
        }
        byte[] data = Files.readAllBytes(p);
        String text = new String(data, StandardCharsets.UTF_8);
        texts.add(text);
        bytes += data.length;
        try {
          DockerfileParser.parse(text).render();
          modelTexts.add(text);
          modelBytes += data.length;
        } catch (DockerfileParseException | IllegalArgumentException e) {
          // not representable: left out of the parse+render benchmark
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.printf(
        "%ncorpus: %d files, %d bytes (AST); %d files, %d bytes (model)%n",
        texts.size(), bytes, modelTexts.size(), modelBytes);
  }

  /**
   * Returns the loaded corpus texts.
   *
   * @return every corpus file
   */
  public List<String> texts() {
    return texts;
  }

  /**
   * Returns the corpus texts the model can represent.
   *
   * @return the files used by the model benchmarks
   */
  public List<String> modelTexts() {
    return modelTexts;
  }

  /** BuildKit-compatible AST of every corpus file. */
  @Benchmark
  public void parseAst(Blackhole bh) {
    for (String t : texts) {
      try {
        bh.consume(AstParser.parse(t));
      } catch (DockerfileParseException e) {
        bh.consume(e);
      }
    }
  }

  /** Typed model of every representable corpus file. */
  @Benchmark
  public void parseModel(Blackhole bh) {
    for (String t : modelTexts) {
      bh.consume(DockerfileParser.parse(t));
    }
  }

  /** Model and canonical text of every representable corpus file. */
  @Benchmark
  public void parseAndRender(Blackhole bh) {
    for (String t : modelTexts) {
      Dockerfile d = DockerfileParser.parse(t);
      bh.consume(d.render());
    }
  }
}
