package io.github.dockerfiledsl.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.build.BuildContext;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds every example with buildah and checks the image against its model: the configuration
 * (Env, Entrypoint, Cmd, User, WorkingDir, ExposedPorts, Volumes, Labels, Healthcheck, StopSignal)
 * and the layer count (base layers plus one per RUN, COPY and ADD), then runs a command in it.
 */
@ExtendWith(BuildahExtension.class)
class ExampleImagesTest {

  static Stream<ItExamples.Example> examples() {
    return ItExamples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void imageMatchesItsModel(ItExamples.Example example) throws URISyntaxException {
    BuildContext context = BuildahSupport.contextWith(example.dockerfile().render(),
        resourceDir("it/" + example.contextDir())).build();
    List<String> log = new ArrayList<>();

    String id = BuildahSupport.imageBuild(context)
        .tag("localhost/dsl-it-" + example.name() + ":test")
        .run(line -> {
          log.add(line);
          if (line.contains("STEP ") || line.contains("COMMIT ")) {
            System.out.println("[" + example.name() + "] " + line);
          }
        });

    ExpectedImage expected = ExpectedImage.of(example.dockerfile(), BuildahSupport::base);
    assertThat(BuildahSupport.config(id)).as("image config of %s", example.name())
        .isEqualTo(expected.config());
    assertThat(BuildahSupport.layerCount(id)).as("layers of %s (%d added by RUN/COPY/ADD)",
        example.name(), expected.addedLayers()).isEqualTo(expected.layers());
    assertThat(BuildahSupport.runIn(id, example.check())).contains(example.expectedOutput());
    assertThat(log).anyMatch(l -> l.contains("COMMIT localhost/dsl-it-" + example.name()));
  }

  private static Path resourceDir(String name) throws URISyntaxException {
    URL url = ExampleImagesTest.class.getClassLoader().getResource(name);
    assertThat(url).as("test resource directory %s", name).isNotNull();
    return Path.of(url.toURI());
  }
}
