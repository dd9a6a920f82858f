package io.github.dockerfiledsl.codegen;

import io.github.dockerfiledsl.testjavac.InMemoryJavac;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * For every parseable file of the corpus: the generated source compiles in-process without
 * warnings, and running its {@code dockerfile()} renders exactly {@code fmt(x)}.
 */
class CorpusCodegenTest {
  private static final int BATCH = 150;

  private record Case(Path file, Dockerfile model, String fmt, String className, String source) {}

  @Test
  void generatedSourceRebuildsEveryParseableCorpusFile() throws Exception {
    String dir = System.getProperty("corpus.dir");
    Assumptions.assumeTrue(dir != null && Files.isDirectory(Paths.get(dir)),
        "corpus not found (system property corpus.dir = " + dir + "); skipping");
    Path root = Paths.get(dir);
    List<Path> files = corpusFiles(root);
    List<Case> cases = new ArrayList<>();
    int unparseable = 0;
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      Dockerfile d;
      String fmt;
      try {
        d = DockerfileParser.parse(text);
        fmt = d.render();
      } catch (RuntimeException e) {
        unparseable++;
        continue;
      }
      int n = cases.size();
      JavaOptions options = new JavaOptions("corpus.b" + (n / BATCH), "C" + n, true);
      String source;
      try {
        source = new JavaGenerator(options).generate(d);
      } catch (RuntimeException e) {
        throw new AssertionError("generation failed for " + root.relativize(f), e);
      }
      cases.add(new Case(f, d, fmt, options.packageName() + "." + options.className(), source));
    }
    long viaBuilder = cases.stream().filter(c -> c.source().contains("Dockerfile.builder()")
        || c.source().contains("Dockerfile.from(")).count();
    // why the others fall back to the model records, by the reason of the first mode
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    cases.stream().filter(c -> !c.source().contains("Dockerfile.builder()")
        && !c.source().contains("Dockerfile.from(")).forEach(c -> {
          String why = BuilderWriter.explain(c.model()).get(0).lines().findFirst().orElse("");
          reasons.merge(why.length() > 100 ? why.substring(0, 100) : why, 1, Integer::sum);
        });
    reasons.forEach((why, n) -> System.out.printf("codegen corpus: %4d fall back: %s%n", n, why));
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += BATCH) {
      List<Case> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
      Map<String, String> sources = new LinkedHashMap<>();
      batch.forEach(c -> sources.put(c.className(), c.source()));
      InMemoryJavac.Result result = InMemoryJavac.compile(sources);
      if (!result.success()) {
        failures.add("batch " + from + " does not compile cleanly:\n" + result.report());
        continue;
      }
      for (Case c : batch) {
        Dockerfile built = (Dockerfile) result.load(c.className()).getMethod("dockerfile").invoke(null);
        if (!built.render().equals(c.fmt())) {
          failures.add(root.relativize(c.file()) + ": dockerfile() renders\n" + built.render()
              + "\nbut fmt is\n" + c.fmt());
        }
      }
    }
    System.out.printf("codegen corpus: %d files, %d parseable, %d round-tripped through Java,"
        + " %d of them written with the builder%n", files.size(), cases.size(),
        cases.size() - failures.size(), viaBuilder);
    assertThat(cases).as("parseable corpus files").hasSizeGreaterThan(files.size() / 2);
    // the rest falls back to the model records (see JavaGenerator); keep the builder the rule
    assertThat(viaBuilder).as("files written with the builder").isGreaterThan(cases.size() * 9L / 10);
    assertThat(failures).as("unparseable: %d", unparseable).isEmpty();
  }

  private static List<Path> corpusFiles(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> repos = Files.list(root)) {
      for (Path repo : repos.filter(p -> Files.isDirectory(p) && p.getFileName().toString().contains("__"))
          .sorted().toList()) {
        try (Stream<Path> walk = Files.walk(repo)) {
          walk.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
      }
    }
    return out;
  }
}
