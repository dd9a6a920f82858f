package io.github.dockerfiledsl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources held in strings with the JDK's compiler, against the test class path. */
final class InProcessJavac {
  private InProcessJavac() {}

  /**
   * Compiles classes into {@code dir} and returns the errors by simple class name.
   *
   * @param sources the sources by simple class name, all in package {@code pkg}
   * @param pkg the package
   * @param dir the output directory; javac writes nothing if any class fails
   * @return the error diagnostics of each class that has any
   */
  static Map<String, List<Diagnostic<? extends JavaFileObject>>> compile(
      Map<String, String> sources, String pkg, Path dir) throws IOException {
    Files.createDirectories(dir);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
    }
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new Source(pkg, name, code)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics,
          List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
              "-proc:none", "-implicit:none", "-Xmaxerrs", "1000"),
          null, units).call();
    }
    Map<String, List<Diagnostic<? extends JavaFileObject>>> errors = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        String name = d.getSource().getName().replaceAll(".*/|\\.java$", "");
        errors.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
      }
    }
    return errors;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String pkg, String className, String code) {
      super(URI.create("string:///" + pkg + "/" + className + ".java"), JavaFileObject.Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
