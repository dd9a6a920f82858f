package io.github.dockerfiledsl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dockerfiledsl.build.BuildContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.DockerClientFactory;

/** Runs small test classes through the JUnit engine and checks what the extension did. */
@ImageTest
class ImageFixtureExtensionTest {
  static final List<String> NAMES = new CopyOnWriteArrayList<>();

  private static ImageFixture busybox(String label) {
    return ImageFixture.of(BuildContext.of("FROM busybox:latest\nLABEL fixture=" + label + "\n"))
        .withLogConsumer(l -> { });
  }

  private static boolean imageExists(String name) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static Events run(Class<?> testClass) {
    NAMES.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().allEvents();
  }

  private static Events runTests(Class<?> testClass) {
    NAMES.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  @AfterEach
  void restore() {
    ImageFixtureExtension.ENGINE_PROBLEM.set(null);
  }

  // ------------------------------------------------------------------ samples, run by the tests

  @ImageTest
  static class SharedSample {
    @TestImage
    static final ImageFixture APP = busybox("shared");

    @Test
    void first(@TestImage BuiltImage image) {
      NAMES.add(image.name());
      DockerfileAssertions.assertThat(image).hasLabel("fixture", "shared");
    }

    @Test
    void second(@TestImage("APP") BuiltImage image) {
      NAMES.add(image.name());
    }

    @Test
    void third() {
      // asks for no image
    }
  }

  @ImageTest
  static class PerTestSample {
    @TestImage(lifecycle = TestImage.Lifecycle.PER_TEST)
    final ImageFixture app = busybox("per-test");

    @Test
    void first(@TestImage BuiltImage image) {
      NAMES.add(image.name());
    }

    @Test
    void second(@TestImage BuiltImage image) {
      NAMES.add(image.name());
    }
  }

  @ImageTest
  static class WrongNameSample {
    @TestImage
    static final ImageFixture APP = busybox("x");

    @TestImage
    static final ImageFixture DB = busybox("y");

    @Test
    void unnamed(@TestImage BuiltImage image) {}

    @Test
    void misnamed(@TestImage("WEB") BuiltImage image) {}
  }

  @ImageTest
  static class NoEngineSample {
    @Test
    void needsAnEngine() {}
  }

  // ------------------------------------------------------------------ tests

  @Test
  void perClassFixtureIsBuiltOnceSharedAndRemovedAfterTheClass() {
    runTests(SharedSample.class).assertStatistics(s -> s.succeeded(3).failed(0));
    assertThat(NAMES).hasSize(2);
    assertThat(NAMES.get(0)).isEqualTo(NAMES.get(1));
    assertThat(imageExists(NAMES.get(0))).isFalse();
  }

  @Test
  void perTestFixtureIsBuiltForEachTestAndRemovedAfterIt() {
    runTests(PerTestSample.class).assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(NAMES).hasSize(2).doesNotHaveDuplicates();
    assertThat(NAMES).noneMatch(ImageFixtureExtensionTest::imageExists);
  }

  @Test
  void ambiguousOrUnknownFixtureNamesAreExplained() {
    Events events = run(WrongNameSample.class);
    events.assertThatEvents()
        .haveExactly(1, event(test("unnamed"), finishedWithFailure(message(m -> m.contains(
            "@TestImage parameter without a name, but WrongNameSample has 2 @TestImage fields [APP, DB]")))))
        .haveExactly(1, event(test("misnamed"), finishedWithFailure(message(m -> m.contains(
            "no @TestImage field named 'WEB' in WrongNameSample; its image fixtures are [APP, DB]")))));
  }

  @Test
  void noEngineSkipsTheClassWithTheReason() {
    ImageFixtureExtension.ENGINE_PROBLEM.set(Optional.of("simulated: nothing answers"));
    String previous = System.getProperty(ImageFixtureExtension.REQUIRED_PROPERTY);
    System.setProperty(ImageFixtureExtension.REQUIRED_PROPERTY, "false");
    try {
      run(NoEngineSample.class).assertThatEvents().haveExactly(1, event(test("needsAnEngine"),
          abortedWithReason(message("no container engine for NoEngineSample: simulated: nothing answers"))));
    } finally {
      restoreProperty(previous);
    }
  }

  @Test
  void noEngineFailsTheClassWhenImageTestsAreRequired() {
    ImageFixtureExtension.ENGINE_PROBLEM.set(Optional.of("simulated: nothing answers"));
    String previous = System.getProperty(ImageFixtureExtension.REQUIRED_PROPERTY);
    System.setProperty(ImageFixtureExtension.REQUIRED_PROPERTY, "true");
    try {
      run(NoEngineSample.class).assertThatEvents().haveExactly(1, event(container(NoEngineSample.class),
          finishedWithFailure(message(m -> m.contains("simulated: nothing answers")
              && m.contains("the system property testcontainers.required is true")))));
    } finally {
      restoreProperty(previous);
    }
  }

  private static void restoreProperty(String previous) {
    if (previous == null) {
      System.clearProperty(ImageFixtureExtension.REQUIRED_PROPERTY);
    } else {
      System.setProperty(ImageFixtureExtension.REQUIRED_PROPERTY, previous);
    }
  }
}
