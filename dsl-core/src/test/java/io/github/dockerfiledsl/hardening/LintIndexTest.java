package io.github.dockerfiledsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.lint.Finding;
import io.github.dockerfiledsl.lint.Linter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The indexes that keep lint linear give the answers the scans they replace gave: DF011's typo
 * hints and "declared later", and stage chains of any length.
 */
class LintIndexTest {

  private static List<String> df011(String text) {
    return Linter.defaults().lint("Dockerfile", text).findings("DF011").stream()
        .map(Finding::message).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "FOOO, FOO",   // one character more
    "FO, FOO",     // one character less
    "FOX, FOO",    // one character different
    "foo_bar, FOO_BAR", // only the case differs
  })
  void typoHints(String used, String defined) {
    assertThat(df011("FROM debian\nENV " + defined + "=1\nENV X=$" + used + "\n"))
        .containsExactly("variable '" + used + "' used in ENV is not defined; did you mean '"
            + defined + "'?");
  }

  @Test
  void theFirstDefinedCandidateWins() {
    assertThat(df011("FROM debian\nENV AB=1\nENV AC=2\nENV X=$AD\n"))
        .containsExactly("variable 'AD' used in ENV is not defined; did you mean 'AB'?");
  }

  @Test
  void declaredLaterUnlessRedefinedInTermsOfItself() {
    assertThat(df011("FROM debian\nENV X=$LATER\nENV LATER=1\n"))
        .containsExactly("variable 'LATER' used in ENV is not defined; it is declared later in"
            + " the stage");
    // PATH=/x:$PATH later on means PATH comes from the base image
    assertThat(df011("FROM debian\nENV X=$PATH\nENV PATH=/x:$PATH\n")).isEmpty();
    // ... but only when that self-reference comes after the use
    assertThat(df011("FROM debian\nENV PATH=/x:$PATH\nENV X=$P\nENV P=1\n"))
        .containsExactly("variable 'P' used in ENV is not defined; it is declared later in the"
            + " stage");
  }

  @Test
  void longStageChainsKeepTheirBase() {
    StringBuilder sb = new StringBuilder("FROM scratch AS s0\n");
    for (int i = 1; i < 3000; i++) {
      sb.append("FROM s").append(i - 1).append(" AS s").append(i).append('\n');
    }
    sb.append("ENV X=$UNDEFINED\n");
    // on scratch (through 3,000 parents) every undefined variable is reported
    assertThat(df011(sb.toString()))
        .containsExactly("variable 'UNDEFINED' used in ENV is not defined");
  }
}
