package io.github.dockerfiledsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellScanTest {

  @Test
  void simpleCommandsNeedNoGroup() {
    ShellScan.Analysis a = ShellScan.analyze("make -C /src install 2>&1 >/dev/null");
    assertThat(a.chainable()).isTrue();
    assertThat(a.needsGroup()).isFalse();
  }

  @Test
  void operatorsInsideQuotesAndSubstitutionsDoNotCount() {
    assertThat(ShellScan.analyze("echo 'a || b; c | d &' \"e; f\"").needsGroup()).isFalse();
    assertThat(ShellScan.analyze("echo $(a | b; c) `d | e`").needsGroup()).isFalse();
    assertThat(ShellScan.analyze("echo \\; \\| \\&").needsGroup()).isFalse();
  }

  @Test
  void findsTopLevelOperators() {
    assertThat(ShellScan.analyze("a || b").or()).isTrue();
    assertThat(ShellScan.analyze("a; b").semicolon()).isTrue();
    assertThat(ShellScan.analyze("a | b").pipe()).isTrue();
    assertThat(ShellScan.analyze("a |& b").pipe()).isTrue();
    assertThat(ShellScan.analyze("a &").background()).isTrue();
    assertThat(ShellScan.analyze("a &> log").background()).isFalse();
    assertThat(ShellScan.analyze("a && b").needsGroup()).isFalse();
  }

  @Test
  void findsCommentsOnlyAtWordStart() {
    assertThat(ShellScan.analyze("make # build").comment()).isTrue();
    assertThat(ShellScan.analyze("echo a#b ${x#y}").comment()).isFalse();
    assertThat(ShellScan.analyze("make # build").chainable()).isFalse();
  }

  @Test
  void findsStatefulBuiltinsButExemptsPlainAssignments() {
    assertThat(ShellScan.analyze("cd /src").needsGroup()).isTrue();
    assertThat(ShellScan.analyze("make && export X=1").needsGroup()).isTrue();
    assertThat(ShellScan.analyze("exit 1").needsGroup()).isTrue();
    assertThat(ShellScan.analyze("X=1 make").needsGroup()).isFalse();
    ShellScan.Analysis assignment = ShellScan.analyze("buildDeps='gcc make'");
    assertThat(assignment.assigns()).isTrue();
    assertThat(assignment.needsGroup()).isFalse();
  }

  @Test
  void unbalancedQuotesAreNotChainable() {
    assertThat(ShellScan.analyze("echo 'open").chainable()).isFalse();
    assertThat(ShellScan.analyze("echo \\").chainable()).isFalse();
  }

  @Test
  void findsATrailingSemicolonButNotAnEscapedOne() {
    assertThat(ShellScan.analyze("a; b;").trailingSemicolon()).isTrue();
    assertThat(ShellScan.analyze("find . -exec rm {} \\;").trailingSemicolon()).isFalse();
  }
}
