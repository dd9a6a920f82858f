package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import} on files BuildKit parses that the typed builder refuses (a duplicate stage
 * name, a stage used before its definition, an image reference that does not resolve) or that
 * need the newer model forms (mount options given by variables, a comment between RUN flags and
 * the command): the spec is valid against the schema and reads back to the same model.
 */
class BuildKitAcceptedSpecTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "FROM busybox AS dockerd-release\nRUN true\n\nFROM busybox AS dockerd-release\nRUN false\n",
      "FROM busybox AS a\nCOPY --from=b /x /y\n\nFROM busybox AS b\nRUN true\n",
      "FROM Ubuntu:22.04\nRUN true\n",
      "FROM busybox\nARG MNT_TYPE=cache\nRUN --mount=type=$MNT_TYPE,target=/cache,ro true\n",
      "FROM busybox\nRUN --mount=type=cache,target=/c \\\n    # why the cache\n    cp a b\n",
      "FROM busybox\nCOPY testfile ''\nCMD -- --ignored-param1\n",
  })
  void importReadsBackToTheSameModel(String text) {
    Dockerfile d = Dockerfile.parse(text);
    String yaml = YamlSpec.write(d);
    assertThat(SpecSchema.validate(yaml)).isEmpty();
    Dockerfile back = YamlSpec.read("app.yaml", yaml);
    assertThat(back).isEqualTo(d);
    assertThat(back.render()).isEqualTo(d.render());
    if (text.contains("# why")) {
      assertThat(yaml).contains("why the cache");
    }
  }
}
