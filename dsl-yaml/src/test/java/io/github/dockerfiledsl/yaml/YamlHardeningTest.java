package io.github.dockerfiledsl.yaml;

import static io.github.dockerfiledsl.yaml.SpecErrorsTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The YAML loader against hostile specs: durations, tags on keys, nulls, huge numbers. */
class YamlHardeningTest {

  private static String health(String interval) {
    return "stages:\n  - from: alpine\n    steps:\n      - healthcheck:\n"
        + "          command: [\"true\"]\n          interval: " + interval + "\n";
  }

  private static String rendered(String yaml) {
    Dockerfile d = YamlSpec.read("app.yaml", yaml);
    return d.render();
  }

  @ParameterizedTest
  @CsvSource({
    "1m30s, --interval=1m30s",
    "1.5s, --interval=1s500ms",
    "500ms, --interval=500ms",
    "1.5ns, ",
    "2562047h47m16.854775807s, --interval=2562047h47m16s854ms775us807ns",
  })
  void validDurationsRender(String interval, String expected) {
    if (expected == null) {
      SpecException e = error(health(interval));
      assertThat(e.getMessage()).startsWith("app.yaml:6:21: interval (1.5ns) is not a whole number"
          + " of nanoseconds");
      return;
    }
    assertThat(rendered(health(interval))).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999h", "2562048h", "2562047h47m16.854775808s",
      "9223372036854775807ns1ns"})
  void overflowingDurationsAreRefused(String interval) {
    SpecException e = error(health(interval));
    assertThat(e.getMessage()).startsWith("app.yaml:6:21: interval (" + interval + ") is too long;"
        + " the longest duration is 2562047h47m16.854775807s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.5ns", ".1ns", "1.0000000001s", "0.0000001ms"})
  void subNanosecondPrecisionIsRefused(String interval) {
    SpecException e = error(health(interval));
    assertThat(e.getMessage()).contains("is not a whole number of nanoseconds");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a$&", "a$", "$ b", "x$(y", "${A}$%", "5$"})
  void aLoneDollarReadsAsTheParserReadsItsRendering(String value) {
    // found by fuzzing: the spec's model held "a$&" where the parser of its rendering holds
    // "a\$&" (the same value written two ways); the spec is read in the parser's form
    String yaml = "stages:\n  - from: alpine\n    steps:\n      - env: {K: '" + value + "'}\n"
        + "      - run: echo '" + value + "'\n";
    Dockerfile d = YamlSpec.read("app.yaml", yaml);
    assertThat(Dockerfile.parse(d.render())).isEqualTo(d);
    assertThat(YamlSpec.read("app.yaml", YamlSpec.write(d))).isEqualTo(d);
  }

  @Test
  void aMillionDigitDurationFailsAtOnceWithAShortMessage() {
    String digits = "9".repeat(1_000_000);
    SpecException e = error(health(digits + "h"));
    assertThat(e.getMessage()).startsWith("app.yaml:6:21: interval (999999999")
        .contains("has a number with more than 40 characters");
    assertThat(e.getMessage().length()).isLessThan(300);
    SpecException notANumber = error(health("1" + "s1".repeat(500_000) + "x"));
    assertThat(notANumber.getMessage()).contains("must be a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "!!str stages:\n  - from: alpine\n",
    "stages:\n  - !!str from: alpine\n",
    "stages:\n  - ? !custom from\n    : alpine\n",
    "stages: !!seq\n  - from: alpine\n",
  })
  void tagsAreRefusedOnKeysAsOnValues(String yaml) {
    SpecException e = error(yaml);
    assertThat(e.getMessage()).contains("YAML tags (!").contains("are not allowed in a spec");
    assertThat(e.line()).isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
  void plainNullFormsMeanNoDefault(String value) {
    String yaml = "global:\n  - arg:\n      VERSION: " + value + "\nstages:\n  - from: alpine\n";
    assertThat(rendered(yaml)).startsWith("ARG VERSION\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'~'", "\"null\"", "'NULL'"})
  void quotedNullFormsAreStrings(String value) {
    String yaml = "global:\n  - arg:\n      VERSION: " + value + "\nstages:\n  - from: alpine\n";
    String text = value.substring(1, value.length() - 1);
    assertThat(rendered(yaml)).startsWith("ARG VERSION=" + text + "\n");
  }

  @Test
  void aTildeWhereAStringIsRequiredIsAnError() {
    SpecException e = error("stages:\n  - from: ~\n");
    assertThat(e.getMessage()).startsWith("app.yaml:2:11: ");
  }
}
