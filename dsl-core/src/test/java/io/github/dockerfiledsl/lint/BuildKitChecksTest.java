package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lint findings where BuildKit has a check or a build-time error, on BuildKit's own test
 * inputs (frontend/dockerfile/dockerfile_check_test.go, dockerfile2llb/convert_test.go) and the
 * examples of the issue: same rule, same line, BuildKit's wording (first letter in lower case).
 */
class BuildKitChecksTest {

  private static List<String> findings(String rule, String text) {
    return Linter.defaults().only(rule).withExperimental().lint("Dockerfile", text)
        .findings(rule).stream()
        .map(f -> f.position().map(p -> p.line() + ": ").orElse("") + f.message())
        .toList();
  }

  @Test
  void noEmptyContinuationOncePerInstructionOnItsLastLine() {
    // testNoEmptyContinuation: reported on line 6, where the COPY ends
    assertThat(findings("DF003", "\nFROM scratch\n# warning: empty continuation line\n"
        + "COPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n"))
        .containsExactly("6: empty continuation line 5 inside COPY; remove it");
    // several blank lines in one instruction: one finding
    assertThat(findings("DF003", "FROM scratch\nRUN a \\\n\n  b \\\n\n\n  c\n"))
        .containsExactly("7: empty continuation lines 3, 5, 6 inside RUN; remove them");
    // a blank line inside a heredoc body is not a continuation
    assertThat(findings("DF003", "FROM scratch\nRUN <<EOF\na\n\nb\nEOF\n")).isEmpty();
  }

  @Test
  void definitionDescriptionAsBuildKit() {
    // testDefinitionDescription, first file: no finding (blank lines do not end a comment block,
    // an ARG of several names accepts any of them, "#" alone starts over)
    assertThat(findings("DF019", "# check=skip=all;experimental=InvalidDefinitionDescription\n"
        + "# foo this is the foo\nARG foo=bar\n\n# base this is the base image\n"
        + "FROM scratch AS base\n\n# version this is the version number\nARG version=latest\n\n"
        + "# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n"
        + "# comment for something other than ARG or FROM\nCOPY Dockerfile .\n")).isEmpty();
    // second file: four findings
    assertThat(findings("DF019", "# check=experimental=InvalidDefinitionDescription\n"
        + "# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\n"
        + "FROM scratch AS base\n# definitely a bad comment\nARG version=latest\n"
        + "# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n"))
        .containsExactly(
            "3: comment for ARG should follow the format: `# foo <description>`",
            "5: comment for FROM should follow the format: `# base <description>`",
            "7: comment for ARG should follow the format: `# version <description>`",
            "9: comment for ARG should follow the format: `# <arg_key> <description>`");
    // the last comment line of a block counts, and a duplicate stage name does not stop the rule
    assertThat(findings("DF019", "FROM scratch AS a\n# Some prose\n# about it\nARG X\n"
        + "FROM scratch AS a\n")).containsExactly(
            "4: comment for ARG should follow the format: `# X <description>`");
  }

  @Test
  void jsonArgsRecommendedHonoursAnInheritedShell() {
    // testJSONArgsRecommended
    assertThat(findings("DF007", "\nFROM scratch\nCMD mycommand\n")).hasSize(1);
    assertThat(findings("DF007", "\nFROM scratch\nENTRYPOINT mycommand\n")).hasSize(1);
    assertThat(findings("DF007", "\nFROM scratch\nSHELL [\"/usr/bin/customshell\"]\n"
        + "CMD mycommand\n")).isEmpty();
    assertThat(findings("DF007", "\nFROM scratch AS base\nSHELL [\"/usr/bin/customshell\"]\n\n"
        + "FROM base\nCMD mycommand\n")).isEmpty();
    assertThat(findings("DF007", "\nFROM scratch AS base\nSHELL [\"/usr/bin/customshell\"]\n\n"
        + "FROM base\nENTRYPOINT mycommand\n")).isEmpty();
    // a SHELL after the CMD does not change the CMD (dispatch order)
    assertThat(findings("DF007", "FROM scratch\nCMD mycommand\nSHELL [\"/bin/bash\", \"-c\"]\n"))
        .hasSize(1);
  }

  @Test
  void duplicateStageNameAsBuildKit() {
    // testDuplicateStageName
    assertThat(findings("DF005", "\nFROM scratch AS b\nFROM scratch AS b\n"))
        .containsExactly("3: duplicate stage name \"b\", stage names should be unique");
    assertThat(findings("DF005", "\nFROM scratch AS b1\nFROM scratch AS b2\n")).isEmpty();
  }

  @Test
  void stageUsedBeforeDefinitionOnlyWhereBuildKitFails() {
    // built by the default target: BuildKit's dispatch error
    assertThat(findings("DF208", "FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n"
        + "RUN true\nFROM a\n")).containsExactly(
            "2: cannot copy from stage \"b\", it needs to be defined before current stage \"a\"");
    // a stage the default target never builds: BuildKit builds the file
    assertThat(findings("DF208", "FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n"
        + "RUN true\nFROM alpine\nRUN true\n")).isEmpty();
    // a cycle fails every build (validations.go); convert_test.go names the stage
    assertThat(findings("DF208", "FROM busybox AS stage0\nCOPY --from=stage0 f1 /f2\n"))
        .containsExactly("2: circular dependency detected on stage: stage0");
    assertThat(findings("DF208", "FROM busybox AS stage0\nCOPY --from=stage1 f2 /f1\n"
        + "FROM busybox AS stage1\nCOPY --from=stage0 f1 /f2\n"))
        .containsExactly("2: circular dependency detected on stage: stage0");
    // a mount from a later stage: convert_runmount.go's wording
    assertThat(findings("DF208", "FROM alpine AS a\nRUN --mount=from=b,target=/src make\n"
        + "FROM alpine AS b\nFROM a\n")).containsExactly("2: cannot mount from stage \"b\" to"
            + " \"/src\", stage needs to be defined before current command");
    // mounts count too; an unnamed stage is stage-N
    assertThat(findings("DF208", "FROM alpine\nRUN --mount=from=1,target=/x true\n"
        + "FROM alpine\nRUN true\nFROM stage-0\n")).isEmpty();
  }

  @Test
  void invalidImageReferenceOnlyInBuiltStages() {
    assertThat(findings("DF209", "FROM Ubuntu:22.04\nRUN true\n")).singleElement()
        .asString().startsWith("1: failed to parse stage name \"Ubuntu:22.04\": invalid reference format");
    assertThat(findings("DF209", "FROM Ubuntu AS unused\nFROM alpine\n")).isEmpty();
    assertThat(findings("DF209", "FROM alpine\nCOPY --from=Not_An:Image /x /y\n")).hasSize(1);
    assertThat(findings("DF209", "ARG IMG=Ubuntu\nFROM ${IMG}\nFROM alpine AS b\nFROM b\n"))
        .isEmpty();
  }

  @Test
  void aptUpdateWithAnInstallBehindXargsOrACrossWrapperIsNotAlone() {
    assertThat(findings("DF202", "FROM debian:12\nRUN apt-get update && cat pkgs.txt"
        + " | xargs -r apt-get install -y --no-install-recommends\n")).isEmpty();
    assertThat(findings("DF202", "FROM debian:12\nRUN apt-get update && xx-apt-get"
        + " --no-install-recommends install -y binutils\n")).isEmpty();
    assertThat(findings("DF202", "FROM debian:12\nRUN apt-get update && apt-get -o"
        + " Dpkg::Options::=--force-confnew install -y curl\n")).isEmpty();
    assertThat(findings("DF202", "FROM debian:12\nRUN apt-get update\n"
        + "RUN apt-get install -y curl\n")).hasSize(1);
  }
}
