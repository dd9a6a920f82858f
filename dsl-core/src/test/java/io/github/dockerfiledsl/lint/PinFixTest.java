package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.image.DigestResolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DF113/DF114 offer the pin as a fix only when a resolver is configured. */
class PinFixTest {
  private static final String D = "sha256:" + "c".repeat(64);
  private static final String TEXT = "FROM debian\nFROM alpine:latest AS a\nFROM alpine:3.20\n";

  @Test
  void withoutAResolverTheTagRulesHaveNoFix() {
    LintReport r = Linter.defaults().only("DF113", "DF114").lint("Dockerfile", TEXT);
    assertThat(r.findings()).extracting(Finding::id).containsExactly("DF113", "DF114");
    assertThat(r.findings()).noneMatch(Finding::fixable);
  }

  @Test
  void withAResolverTheFixPinsAndAsksOnlyWhenApplied() {
    List<String> asked = new ArrayList<>();
    DigestResolver resolver = ref -> {
      asked.add(ref.toString());
      return D;
    };
    Linter linter = Linter.defaults().only("DF113", "DF114").withResolver(resolver);
    LintReport r = linter.lint("Dockerfile", TEXT);
    assertThat(r.findings()).extracting(f -> f.fix().orElseThrow().description()).containsExactly(
        "pin debian:latest by the digest the registry gives",
        "pin alpine:latest by the digest the registry gives");
    assertThat(asked).isEmpty();

    String fixed = linter.fix("Dockerfile", TEXT);

    assertThat(fixed).isEqualTo("FROM debian:latest@" + D + "\n\nFROM alpine:latest@" + D
        + " AS a\n\nFROM alpine:3.20\n");
    assertThat(asked).containsExactly("debian:latest", "alpine:latest");
    assertThat(linter.lint("Dockerfile", fixed).findings()).isEmpty();
  }
}
