package io.github.dockerfiledsl.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an image fixture for {@link ImageFixtureExtension}.
 *
 * <p>On a field of type {@link ImageFixture}: the image to build. It is built when a test first
 * asks for it, through a parameter; with {@link Lifecycle#PER_CLASS} (the default) once for the
 * whole test class and shared by its tests, with {@link Lifecycle#PER_TEST} once for each test
 * that asks for it. It is removed when the class (or the test) is done, unless the fixture
 * {@linkplain ImageFixture#withKeep keeps} it. A {@code PER_CLASS} fixture must be a static
 * field unless the class uses {@code @TestInstance(PER_CLASS)}.
 *
 * <p>On a parameter of type {@link BuiltImage} (of a test, a lifecycle method or a
 * constructor): the built image of the fixture field named by {@link #value()}, or of the only
 * fixture field when the name is left out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface TestImage {

  /**
   * On a parameter, the name of the fixture field; empty means the only one.
   *
   * @return the field name
   */
  String value() default "";

  /**
   * On a field, how long its image lives.
   *
   * @return the lifecycle
   */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** How long an image fixture lives. */
  enum Lifecycle {
    /** Built once for the test class, shared by its tests, removed after the last one. */
    PER_CLASS,
    /** Built for each test that asks for it, removed after that test. */
    PER_TEST
  }
}
