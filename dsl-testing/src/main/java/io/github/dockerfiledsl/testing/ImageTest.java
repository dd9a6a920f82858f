package io.github.dockerfiledsl.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that builds image fixtures: registers {@link ImageFixtureExtension}, which skips
 * the class with a message when no container engine answers (or fails it when the system
 * property {@value ImageFixtureExtension#REQUIRED_PROPERTY} is {@code true}) and builds and
 * removes the {@link TestImage} fixtures.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ImageFixtureExtension.class)
public @interface ImageTest {}
