package io.github.dockerfiledsl.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The spec's {@code mirrors}: applied to every image reference when the spec is read. */
class SpecMirrorsTest {
  private static final String SPEC = """
      mirrors:
        docker.io: 127.0.0.1:5000/hub
        ghcr.io/acme: registry.example:8443/acme
      stages:
        - name: build
          from: golang:1.22
          steps:
            - run: go build ./...
        - from: ghcr.io/acme/runtime:2
          steps:
            - copy: {from: {stage: build}, src: [/out/app], dest: /app}
            - copy: {from: busybox:1.36, src: [/bin/busybox], dest: /bin/}
      """;

  @Test
  void mirrorsRewriteEveryImageButNotStages() {
    String rendered = YamlSpec.read("app.yaml", SPEC).render();
    assertThat(rendered)
        .contains("FROM 127.0.0.1:5000/hub/library/golang:1.22 AS build\n")
        .contains("FROM registry.example:8443/acme/runtime:2\n")
        .contains("COPY --from=build /out/app /app\n")
        .contains("COPY --from=127.0.0.1:5000/hub/library/busybox:1.36 /bin/busybox /bin/\n");
    assertThat(SpecSchema.validate(SPEC)).isEmpty();
  }

  @Test
  void anInvalidRuleNamesItsLineAndColumn() {
    String spec = "mirrors:\n  docker.io: Not A Registry\nstages:\n  - from: alpine\n";
    assertThatThrownBy(() -> YamlSpec.read("app.yaml", spec))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("app.yaml:2:14: ")
        .hasMessageContaining("mirror target 'Not A Registry'");
    assertThat(SpecSchema.validate(spec)).isNotEmpty();
    assertThat(SpecSchema.validate("mirrors:\n  hub: a.io\nstages:\n  - from: alpine\n"))
        .isNotEmpty();
  }
}
