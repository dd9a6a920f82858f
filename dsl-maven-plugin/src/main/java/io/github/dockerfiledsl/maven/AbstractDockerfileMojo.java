package io.github.dockerfiledsl.maven;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.render.UnifiedDiff;
import io.github.dockerfiledsl.yaml.SpecException;
import io.github.dockerfiledsl.yaml.YamlSpec;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals share: where the YAML specs, Java suppliers and hand-written Dockerfiles are,
 * where rendered Dockerfiles go, and how each source becomes Dockerfile text.
 */
public abstract class AbstractDockerfileMojo extends AbstractMojo {
  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * YAML specs to render. When none are listed, every {@code *.yaml} and {@code *.yml} file below
   * {@link #specDirectory} is rendered.
   */
  @Parameter
  protected List<File> specs;

  /**
   * Where YAML specs are found when {@link #specs} is empty; a spec's path below it is kept
   * below {@link #outputDirectory}.
   */
  @Parameter(property = "dockerfile-dsl.specDirectory",
      defaultValue = "${project.basedir}/src/main/dockerfile-dsl")
  protected File specDirectory;

  /**
   * Dockerfiles written in Java: classes on the project's class path that implement {@code
   * Supplier<Dockerfile>} or have a public static method returning a {@code Dockerfile} (see
   * {@link SupplierSource}). A class of this project is on that class path only after {@code
   * compile}: bind {@code render} to {@code process-classes} or later for those.
   */
  @Parameter
  protected List<SupplierSource> suppliers;

  /**
   * Hand-written Dockerfiles, which {@code check} compares with their canonical format and
   * {@code lint} lints. When none are listed: the files of the project's base directory named
   * {@code Dockerfile}, {@code *.Dockerfile} or {@code Dockerfile.*} (not {@code .yaml}, {@code
   * .yml} or {@code .json}) that {@code render} does not write.
   */
  @Parameter
  protected List<File> dockerfiles;

  /**
   * Where rendered Dockerfiles are written: {@code x.yaml} gives {@code x.Dockerfile}, and a
   * spec whose name already says Dockerfile ({@code Dockerfile.yaml}) gives that name without
   * the extension.
   */
  @Parameter(property = "dockerfile-dsl.outputDirectory", defaultValue = "${project.basedir}")
  protected File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "dockerfile-dsl.skip", defaultValue = "false")
  protected boolean skip;

  /** Creates the goal; Maven sets its parameters. */
  protected AbstractDockerfileMojo() {}

  /**
   * A Dockerfile that {@code render} writes: where, from what, and the text.
   *
   * @param output the file to write
   * @param source the source, as shown in messages
   * @param text the canonical Dockerfile text
   */
  protected record Rendered(Path output, String source, String text) {}

  /**
   * Renders every configured source in memory. Nothing is written, so a mistake in any source
   * leaves every output untouched.
   *
   * @return the Dockerfiles, in configuration order
   * @throws MojoFailureException when a source is missing or invalid, naming it and the place
   * @throws MojoExecutionException when the project's class path cannot be read
   */
  protected List<Rendered> renderAll() throws MojoFailureException, MojoExecutionException {
    List<Rendered> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Path outDir = resolve(outputDirectory);
    for (Map.Entry<Path, Path> spec : specFiles().entrySet()) {
      Path file = spec.getKey();
      try {
        String name = display(file);
        Dockerfile d = YamlSpec.read(name, read(file));
        out.add(new Rendered(outDir.resolve(spec.getValue()), name, render(name, d)));
      } catch (SpecException | SourceException e) {
        problems.add(e.getMessage());
      }
    }
    if (suppliers != null && !suppliers.isEmpty()) {
      try (URLClassLoader loader = projectClassLoader()) {
        for (SupplierSource s : suppliers) {
          try {
            Dockerfile d = invoke(loader, s);
            out.add(new Rendered(outDir.resolve(supplierOutput(s)), s.toString(),
                render(s.toString(), d)));
          } catch (SourceException e) {
            problems.add(e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new MojoExecutionException("cannot close the project class loader", e);
      }
    }
    Map<Path, String> seen = new LinkedHashMap<>();
    for (Rendered r : out) {
      Path key = r.output().toAbsolutePath().normalize();
      String other = seen.putIfAbsent(key, r.source());
      if (other != null) {
        problems.add(display(r.output()) + ": written by both " + other + " and " + r.source());
      }
    }
    if (!problems.isEmpty()) {
      throw new MojoFailureException(String.join("\n", problems));
    }
    return out;
  }

  /**
   * Returns the hand-written Dockerfiles: the configured ones, or those found in the base
   * directory, in both cases without the files that {@code render} writes.
   *
   * @param rendered what {@code render} writes
   * @return the files, sorted when found by scanning
   * @throws MojoExecutionException when the base directory cannot be listed
   */
  protected List<Path> handWritten(List<Rendered> rendered) throws MojoExecutionException {
    List<Path> generated = rendered.stream()
        .map(r -> r.output().toAbsolutePath().normalize()).toList();
    List<Path> candidates = new ArrayList<>();
    if (dockerfiles != null && !dockerfiles.isEmpty()) {
      dockerfiles.forEach(f -> candidates.add(resolve(f)));
    } else {
      Path base = project.getBasedir().toPath();
      try (Stream<Path> files = Files.list(base)) {
        files.filter(Files::isRegularFile)
            .filter(p -> looksLikeDockerfile(p.getFileName().toString()))
            .sorted()
            .forEach(candidates::add);
      } catch (IOException e) {
        throw new MojoExecutionException("cannot list " + base + ": " + e.getMessage(), e);
      }
    }
    return candidates.stream()
        .filter(p -> !generated.contains(p.toAbsolutePath().normalize()))
        .toList();
  }

  static boolean looksLikeDockerfile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
      return false;
    }
    return lower.equals("dockerfile") || lower.endsWith(".dockerfile")
        || lower.startsWith("dockerfile.");
  }

  /**
   * Returns the spec files and their outputs relative to the output directory.
   *
   * @return spec file to relative output path, in a stable order
   * @throws MojoExecutionException when the spec directory cannot be read
   */
  private Map<Path, Path> specFiles() throws MojoExecutionException {
    Map<Path, Path> out = new LinkedHashMap<>();
    if (specs != null && !specs.isEmpty()) {
      for (File f : specs) {
        out.put(resolve(f), Path.of(outputName(f.getName())));
      }
      return out;
    }
    Path dir = resolve(specDirectory);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".yaml") || n.endsWith(".yml");
          })
          .sorted()
          .forEach(p -> {
            Path rel = dir.relativize(p);
            Path parent = rel.getParent();
            String name = outputName(p.getFileName().toString());
            out.put(p, parent == null ? Path.of(name) : parent.resolve(name));
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new MojoExecutionException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Returns the Dockerfile name for a spec file name, as {@code dockerfile-dsl render --out-dir}
   * does: the extension goes, and {@code .Dockerfile} is added unless the name says Dockerfile.
   *
   * @param specName the spec's file name
   * @return the Dockerfile's file name
   */
  static String outputName(String specName) {
    String name = specName;
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml")) {
      name = name.substring(0, name.length() - 5);
    } else if (lower.endsWith(".yml")) {
      name = name.substring(0, name.length() - 4);
    } else if (lower.endsWith(".json")) {
      name = name.substring(0, name.length() - 5);
    }
    return name.toLowerCase(Locale.ROOT).contains("dockerfile") ? name : name + ".Dockerfile";
  }

  private static String supplierOutput(SupplierSource s) throws SourceException {
    if (s.getClassName() == null || s.getClassName().isBlank()) {
      throw new SourceException("<supplier>: <className> is required");
    }
    if (s.getOutput() != null && !s.getOutput().isBlank()) {
      return s.getOutput();
    }
    if (s.getMethod() != null) {
      return s.getMethod() + ".Dockerfile";
    }
    String cn = s.getClassName();
    return cn.substring(cn.lastIndexOf('.') + 1) + ".Dockerfile";
  }

  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<String> elements;
    try {
      elements = project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's class path is not resolved", e);
    }
    List<URL> urls = new ArrayList<>();
    for (String e : elements) {
      try {
        urls.add(new File(e).toURI().toURL());
      } catch (MalformedURLException ex) {
        throw new MojoExecutionException("bad class path element " + e, ex);
      }
    }
    // parent first: the plugin's Dockerfile class is the one the suppliers return
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  private static Dockerfile invoke(ClassLoader loader, SupplierSource s) throws SourceException {
    String name = s.toString();
    Class<?> type;
    try {
      type = Class.forName(s.getClassName(), true, loader);
    } catch (ClassNotFoundException e) {
      throw new SourceException(name + ": class not found on the project's class path (its"
          + " dependencies and target/classes; a class of this project needs render bound to"
          + " process-classes or later)");
    } catch (LinkageError e) {
      throw new SourceException(name + ": cannot load the class: " + e);
    }
    Object result;
    try {
      if (s.getMethod() != null) {
        Method m;
        try {
          m = type.getMethod(s.getMethod());
        } catch (NoSuchMethodException e) {
          throw new SourceException(name + ": no public method " + s.getMethod() + "() in "
              + type.getName());
        }
        result = callStatic(name, m);
      } else if (Supplier.class.isAssignableFrom(type)) {
        Object instance;
        try {
          instance = type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
          throw new SourceException(name + ": a Supplier<Dockerfile> needs a public no-arg"
              + " constructor");
        }
        result = ((Supplier<?>) instance).get();
      } else {
        List<Method> candidates = Arrays.stream(type.getMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                && Dockerfile.class.isAssignableFrom(m.getReturnType()))
            .sorted((x, y) -> x.getName().compareTo(y.getName()))
            .toList();
        if (candidates.size() != 1) {
          throw new SourceException(name + ": implements no Supplier<Dockerfile> and has "
              + (candidates.isEmpty() ? "no public static no-arg method returning Dockerfile"
                  : candidates.size() + " public static methods returning Dockerfile ("
                      + String.join(", ", candidates.stream().map(Method::getName).toList())
                      + "); name one with <method>"));
        }
        result = callStatic(name, candidates.get(0));
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SourceException(name + ": threw " + cause);
    } catch (ReflectiveOperationException e) {
      throw new SourceException(name + ": cannot call: " + e);
    } catch (RuntimeException e) {
      throw new SourceException(name + ": threw " + e);
    }
    if (result instanceof Dockerfile d) {
      return d;
    }
    throw new SourceException(name + ": returned "
        + (result == null ? "null" : "a " + result.getClass().getName()) + ", not a Dockerfile"
        + (result != null && result.getClass().getName().equals(Dockerfile.class.getName())
            ? " of the plugin's dockerfile-dsl-core (a second copy on the class path?)" : ""));
  }

  private static Object callStatic(String name, Method m)
      throws SourceException, ReflectiveOperationException {
    if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
      throw new SourceException(name + ": " + m.getName() + " must be public, static and take no"
          + " arguments");
    }
    return m.invoke(null);
  }

  private String render(String name, Dockerfile d) throws SourceException {
    try {
      return d.render();
    } catch (IllegalArgumentException e) {
      throw new SourceException(name + ": cannot render: " + e.getMessage());
    }
  }

  /**
   * Reads a file as strict UTF-8.
   *
   * @param file the file
   * @return the text
   * @throws SourceException when it is missing, unreadable or not UTF-8
   */
  protected String read(Path file) throws SourceException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SourceException(display(file) + ": no such file");
    } catch (IOException e) {
      throw new SourceException(display(file) + ": cannot read: " + e.getMessage());
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new SourceException(display(file) + ": not valid UTF-8");
    }
  }

  /**
   * Returns a configured file as a path, a relative one taken relative to the project's base
   * directory (as Maven does for single file parameters) rather than the working directory.
   *
   * @param file the configured file
   * @return the path
   */
  protected Path resolve(File file) {
    Path p = file.toPath();
    return p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p);
  }

  /**
   * Returns a path as shown in messages and reports: relative to the project's base directory
   * when below it, with {@code /} separators and control characters escaped.
   *
   * @param file the path
   * @return the display name
   */
  protected String display(Path file) {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    String s = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    return UnifiedDiff.escapeControls(s.replace(File.separatorChar, '/'));
  }

  /** A mistake in one source, reported with the others before the goal fails. */
  protected static final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the source
     */
    SourceException(String message) {
      super(message, null, false, false);
    }
  }
}
