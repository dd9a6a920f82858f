package io.github.dockerfiledsl.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/**
 * JUnit 5 extension for image fixtures (register it with {@link ImageTest} or {@code
 * @ExtendWith}).
 *
 * <ul>
 *   <li>Before the class, it checks that a container engine with a Docker API answers
 *       (Testcontainers' discovery: {@code DOCKER_HOST}, the default socket, ...). If none
 *       does, each test of the class is skipped (aborted) with a message that says so, or, when
 *       the system property {@value #REQUIRED_PROPERTY} is {@code true}, the class fails with
 *       that message.
 *   <li>It resolves parameters of type {@link BuiltImage} annotated with {@link TestImage} by
 *       building the named {@link ImageFixture} field: once per class or once per test (see
 *       {@link TestImage.Lifecycle}), and removes the image when that scope ends.
 * </ul>
 */
public class ImageFixtureExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  /** The system property that makes a missing container engine fail the tests. */
  public static final String REQUIRED_PROPERTY = "testcontainers.required";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ImageFixtureExtension.class);
  /** Why no engine answers (empty when one does), found once per JVM; tests may preset it. */
  static final AtomicReference<Optional<String>> ENGINE_PROBLEM = new AtomicReference<>();

  /** Creates the extension (JUnit does). */
  public ImageFixtureExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<String> problem = engineProblem();
    if (problem.isEmpty()) {
      return;
    }
    String message = "no container engine for " + context.getDisplayName() + ": " + problem.get();
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      throw new ExtensionConfigurationException(message + " (the system property " + REQUIRED_PROPERTY
          + " is true, so image tests must run)");
    }
    System.err.println("[image tests] SKIPPED " + message + " (set -D" + REQUIRED_PROPERTY
        + "=true to make this a failure)");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    abortWithoutEngine(context);
  }

  /** Each test is reported skipped, with the reason, when no engine answers. */
  private static void abortWithoutEngine(ExtensionContext context) {
    Optional<String> problem = engineProblem();
    if (problem.isPresent()) {
      throw new TestAbortedException("no container engine for "
          + context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName()) + ": "
          + problem.get());
    }
  }

  /** Empty when an engine answers; otherwise why not. Checked once per JVM. */
  static Optional<String> engineProblem() {
    Optional<String> known = ENGINE_PROBLEM.get();
    if (known != null) {
      return known;
    }
    Optional<String> problem;
    try {
      problem = DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
          : Optional.of("Testcontainers found no Docker API (set DOCKER_HOST, e.g. to podman's "
              + "'podman system service' socket)");
    } catch (RuntimeException | LinkageError e) {
      problem = Optional.of("Testcontainers cannot reach a Docker API: " + e);
    }
    ENGINE_PROBLEM.compareAndSet(null, problem);
    return ENGINE_PROBLEM.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BuiltImage.class && parameter.isAnnotated(TestImage.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    abortWithoutEngine(context);
    String name = parameter.findAnnotation(TestImage.class).map(TestImage::value).orElse("");
    Class<?> testClass = context.getRequiredTestClass();
    Field field = fixtureField(testClass, name);
    TestImage annotation = field.getAnnotation(TestImage.class);
    boolean perTest = annotation.lifecycle() == TestImage.Lifecycle.PER_TEST;
    ExtensionContext scope = perTest ? context : classContext(context);
    String key = testClass.getName() + "#" + field.getName();
    ExtensionContext.Store store = scope.getStore(NAMESPACE);
    // a failed build is remembered, so the other tests of its scope fail at once with its message
    Object result = store.getOrComputeIfAbsent(key, k -> {
      try {
        return build(field, context, perTest);
      } catch (RuntimeException e) {
        return e;
      }
    });
    if (result instanceof RuntimeException e) {
      throw e;
    }
    return result;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static BuiltImage build(Field field, ExtensionContext context, boolean perTest) {
    Object instance = null;
    if (!Modifier.isStatic(field.getModifiers())) {
      instance = context.getTestInstance().orElseThrow(() -> new ParameterResolutionException(
          "image fixture " + field.getName() + " is an instance field but there is no test instance yet: "
              + "make it static, or use it from a test method"));
      if (!perTest && context.getTestInstanceLifecycle()
          .map(l -> l != org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS).orElse(true)) {
        throw new ParameterResolutionException("image fixture " + field.getName()
            + " is built once per class but is an instance field: make it static, use "
            + "@TestInstance(PER_CLASS), or give it lifecycle = PER_TEST");
      }
    }
    Object value;
    try {
      field.setAccessible(true);
      value = field.get(instance);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ParameterResolutionException("cannot read image fixture field " + field.getName() + ": " + e, e);
    }
    if (value == null) {
      throw new ParameterResolutionException("image fixture field " + field.getName() + " is null");
    }
    return ((ImageFixture) value).build();
  }

  private static Field fixtureField(Class<?> testClass, String name) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(TestImage.class)) {
          if (f.getType() != ImageFixture.class) {
            throw new ParameterResolutionException("field " + f.getName() + " is annotated @TestImage but its "
                + "type is " + f.getType().getSimpleName() + ", not ImageFixture");
          }
          fields.add(f);
        }
      }
    }
    List<String> names = fields.stream().map(Field::getName).toList();
    if (name.isEmpty()) {
      if (fields.size() != 1) {
        throw new ParameterResolutionException("@TestImage parameter without a name, but " + testClass.getSimpleName()
            + " has " + fields.size() + " @TestImage fields " + names + ": name one, @TestImage(\"field\")");
      }
      return fields.get(0);
    }
    return fields.stream().filter(f -> f.getName().equals(name)).findFirst()
        .orElseThrow(() -> new ParameterResolutionException("no @TestImage field named '" + name + "' in "
            + testClass.getSimpleName() + "; its image fixtures are " + names));
  }
}
