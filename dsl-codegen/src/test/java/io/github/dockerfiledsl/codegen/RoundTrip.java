package io.github.dockerfiledsl.codegen;

import io.github.dockerfiledsl.testjavac.InMemoryJavac;
import io.github.dockerfiledsl.Dockerfile;
import java.lang.reflect.Method;
import java.util.Map;

/** Generates, compiles and runs Java source for a Dockerfile in-process. */
final class RoundTrip {
  private RoundTrip() {}

  /** Generates the source of {@code pkg.cls}, compiles it and returns what dockerfile() builds. */
  static Dockerfile run(Dockerfile d, JavaOptions options) throws Exception {
    String source = new JavaGenerator(options).generate(d);
    String name = options.packageName().isEmpty()
        ? options.className() : options.packageName() + "." + options.className();
    InMemoryJavac.Result result = InMemoryJavac.compile(Map.of(name, source));
    if (!result.success()) {
      throw new AssertionError("generated source does not compile cleanly:\n" + result.report()
          + "\n" + source);
    }
    Method m = result.load(name).getMethod("dockerfile");
    return (Dockerfile) m.invoke(null);
  }
}
