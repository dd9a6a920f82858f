package io.github.dockerfiledsl.testjavac;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with {@code -Xlint:all -Werror} against the test class path and
 * loads the resulting classes.
 */
public final class InMemoryJavac {
  private InMemoryJavac() {}

  /** The outcome of one compilation: diagnostics, and a class loader when it succeeded. */
  public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
      ClassLoader loader) {

    /** Returns the diagnostics as text, one per line, with the source line they point at. */
    public String report() {
      return diagnostics.stream()
          .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName())
              + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
              + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }

    /** Loads a compiled class. */
    public Class<?> load(String binaryName) throws ClassNotFoundException {
      return Class.forName(binaryName, true, loader);
    }
  }

  /**
   * Compiles sources given as fully qualified class name to source text.
   *
   * @param sources class name to source
   * @return the result
   */
  public static Result compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
            + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            classes.put(className, out);
            return out;
          }
        };
      }
    };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
        URI.create("string:///" + name.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    }));
    List<String> args = List.of("-Xlint:all", "-Werror", "--release", "17", "-proc:none",
        "-classpath", System.getProperty("java.class.path"));
    boolean ok = javac.getTask(null, files, diagnostics, args, null, units).call();
    ClassLoader loader = new ClassLoader(InMemoryJavac.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream out = classes.get(name);
        if (out == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = out.toByteArray();
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
    return new Result(ok && diagnostics.getDiagnostics().isEmpty(),
        List.copyOf(diagnostics.getDiagnostics()), loader);
  }
}
