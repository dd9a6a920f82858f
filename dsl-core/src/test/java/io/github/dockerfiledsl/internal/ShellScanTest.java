package io.github.dockerfiledsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.internal.ShellScan.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShellScanTest {

  private static Kind kind(String command) {
    return ShellScan.analyze(command).kind();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "make -C /src install 2>&1 >/dev/null",
      "apt-get update && apt-get install -y curl",
      "echo 'a || b; c | d &' \"e; f\"",
      "echo $(cd /tmp; pwd) `cd /; pwd`",
      "echo \\; \\| \\&",
      "X=1 make",
      "echo a#b ${x#y}",
      "echo a | tr a b",
      "./configure --prefix=/usr",
      "/bin/cd /tmp",
      "printf '%s\\n' x",
      "test -f x && [ -d y ]",
      "echo cd export exit",
      "find . -exec rm {} \\;",
      "pwd > where",
      "(cd /tmp && export X=1)", "( exit 3 )", "(a || b) && c", "( set -e; f ) 2>/dev/null"})
  void simpleCommandsThatChangeNoStateJoinAsTheyAre(String command) {
    assertThat(kind(command)).isEqualTo(Kind.SIMPLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "cd /src", "command cd /tmp", "builtin cd /tmp", "'cd' /tmp", "\"cd\" /tmp", "\\cd /tmp",
      "c\\d /tmp", "c''d /tmp", "CDPATH=/ cd tmp", "pushd /tmp", "chdir /tmp", "eval cd /tmp",
      ". ./env.sh", "source ./env.sh", "$CD /tmp", "x=cd", "export X=1", "X=1 export Y",
      "unset X", "readonly X=1", "declare -x X=1", "typeset X=1", "local X=1", "set -e",
      "set -o pipefail", "shopt -s nullglob", "alias ll=ls", "umask 077", "ulimit -n 256",
      "trap 'echo x' EXIT", "read X < f", "let X=1", "printf -v X %s y", "exec >log",
      "exec make", "exit 0", "return 0", "f() { cd /tmp; }", "{ cd /tmp; }", "(cd /tmp); pwd",
      "if true; then cd /tmp; fi", "for d in a b; do cd $d; done", "while false; do :; done",
      "case x in x) cd /;; esac", ": ${X:=1}", "echo $((X=1))", "X=1 :", "a || b", "a; b",
      "a;", "! false", "[[ -f x ]]", "time make", "hash -r", "wait", "kill -0 1",
      "shift", "getopts ab x", "echo a && cd /", "{cd,x} /tmp", "c* /tmp", "~/bin/x"})
  void everythingElseRunsInASubshell(String command) {
    assertThat(kind(command)).as(command).isEqualTo(Kind.GROUP);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "make # build", "echo a # note", "sleep 100 &", "a & b", "cat <<EOF", "cat <<-EOF",
      "cat <<< x", "make &> log", "a |& b", "echo 'open", "echo \"open", "echo \\",
      "echo $(open", "echo `open", "echo ${open", "if true; then x", "for x in a; do y",
      "(a", "a)", "{ a;", "&& a", "a &&", "a || ", "| a", "echo $_", "echo ${_}",
      "function f { :; }", "coproc x", "a=(1 2)", "echo (x)", ""})
  void linesThatCannotShareARunStayAlone(String command) {
    assertThat(kind(command)).as(command).isEqualTo(Kind.ALONE);
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "echo " + "$(".repeat(100_000) + ")".repeat(100_000);
    assertThat(kind(deep)).isEqualTo(Kind.ALONE);
    assertThat(ShellScan.analyze(deep).reason()).contains("nesting");
  }

  @Test
  void looseOperatorsAndPipesAreReported() {
    assertThat(ShellScan.analyze("a || b").loose()).isTrue();
    assertThat(ShellScan.analyze("a; b").loose()).isTrue();
    assertThat(ShellScan.analyze("if a; then b; fi").loose()).isFalse();
    assertThat(ShellScan.analyze("a | b").pipe()).isTrue();
    assertThat(ShellScan.analyze("echo 'a | b'").pipe()).isFalse();
    assertThat(ShellScan.analyze("a && b").loose()).isFalse();
  }

  @Test
  void findsTheCommandsAndTheirLiteralWords() {
    ShellScan.Analysis a = ShellScan.analyze(
        "DEBIAN_FRONTEND=noninteractive apt-get -q install -y 'cu'rl && echo \"pip install x\"");
    assertThat(a.commands()).hasSize(2);
    assertThat(a.commands().get(0).assignments()).hasSize(1);
    assertThat(a.commands().get(0).words()).extracting(ShellScan.Word::text)
        .containsExactly("apt-get", "-q", "install", "-y", "curl");
    assertThat(a.commands().get(1).words()).extracting(ShellScan.Word::text)
        .containsExactly("echo", "pip install x");
    assertThat(ShellScan.analyze("echo $HOME").commands().get(0).words().get(1).value()).isEmpty();
  }

  @Test
  void findsATrailingSemicolonButNotAnEscapedOne() {
    assertThat(ShellScan.analyze("a; b;").trailingSemicolon()).isTrue();
    assertThat(ShellScan.analyze("find . -exec rm {} \\;").trailingSemicolon()).isFalse();
  }

  @Test
  void knowsBuiltinsFromPrograms() {
    assertThat(ShellScan.isBuiltin("cd")).isTrue();
    assertThat(ShellScan.isBuiltin(".")).isTrue();
    assertThat(ShellScan.isBuiltin("ulimit")).isTrue();
    assertThat(ShellScan.isBuiltin("if")).isTrue();
    assertThat(ShellScan.isBuiltin("top")).isFalse();
    assertThat(ShellScan.isBuiltin("nginx")).isFalse();
  }
  @ParameterizedTest
  @ValueSource(strings = {
      "set -e", "set -eux", "set -xe; make", "set -o errexit", "set -eo pipefail", "set -u",
      "set -o nounset", "set -o posix", "set $FLAGS", "shopt -so errexit",
      "shopt -s inherit_errexit", "command set -e", "builtin set -u", "eval 'set -e'",
      ". ./env.sh", "source env.sh", "$CMD arg", "alias x='set -e'", "trap 'echo' ERR",
      "trap 'echo' DEBUG", "trap \"$T\" EXIT", "readonly R=1", "declare -r R=1",
      "typeset -ri R=1", "local -r R=1", "UID=0 id", "export SHELLOPTS=x",
      "echo ${A:?unset}", "echo ${A?}", "echo ${A:1:2}", "echo ${A[1]}", "echo ${!A}",
      "echo ${1x}", "echo $((1/0))", "echo $[1/0]", "echo \"${A:?}\"", "x=$(set -e; false)",
      "x=`set -e; false`", "echo ${A:-$(set -e)}", "cat <(set -e; false)",
      "( set -e; false; echo x )", "f() { set -e; }; f", "cd d && echo ${A:?}", "return 2",
      "set -o nosuch", "set -h2", "set -I", "set +o nosuch"})
  void findsWhatMayStopTheShellOrTurnOnErrexit(String command) {
    assertThat(ShellScan.analyze(command).stops()).as(command).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "set -x", "set -f", "set +e", "set +o errexit", "set -o pipefail", "set -- -e -u",
      "set -- $X", "set p q", "shopt -s nullglob", "trap 'echo' EXIT", "trap - INT",
      "export A=1", "declare -x A=1", "local A", "echo ${A}", "echo ${A:-x}", "echo ${A-x}",
      "echo ${A:=x}", "echo ${A:+x}", "echo ${#A}", "echo ${A#x}", "echo ${A%%x}",
      "echo ${A//x/y}", "echo ${A^^}", "echo ${#}", "echo ${?}", "echo $A", "echo $(date)",
      "cd d && make", "x=$(echo hi)", "echo `pwd`", "((i=1))", "let i=1/0", "alias"})
  void findsNothingToStopTheShellInOrdinaryCommands(String command) {
    assertThat(ShellScan.analyze(command).stops()).as(command).isEmpty();
  }

  @Test
  void tellsErrexitFromShellErrors() {
    for (String errexit : List.of("set -e", "( set -e; false; echo x )", "x=$(set -e; false)",
        "trap 'echo' ERR", "eval x", ". ./env", "$CMD", "set -o errexit", "set -eu",
        "( set -o nosuch; echo x )", "( return 2 )", "set -I")) {
      assertThat(ShellScan.analyze(errexit).errexit()).as(errexit).isTrue();
    }
    for (String error : List.of("set -u", "echo ${A:?}", "readonly A=1", "echo $((1/0))",
        "set -o nounset", "cd d", "echo ${A:-b}")) {
      assertThat(ShellScan.analyze(error).errexit()).as(error).isFalse();
    }
    assertThat(ShellScan.analyze("( cd d )").nested()).isTrue();
    assertThat(ShellScan.analyze("echo $(date)").nested()).isTrue();
    assertThat(ShellScan.analyze("cd d && make").nested()).isFalse();
  }

  @Test
  void anArithmeticCommandRunsInASubshell() {
    // ((i=5)) assigns i in bash; dash reads nested subshells
    assertThat(ShellScan.analyze("((i=5))").needsGroup()).isTrue();
  }

  @Test
  void knowsWhetherTheLastListRunsCommandsOfItsOwn() {
    assertThat(ShellScan.analyze("set -e; a; cd d && b | c").tailSimple()).isTrue();
    assertThat(ShellScan.analyze("set -e; f() { a; }; f").tailSimple()).isFalse();
    assertThat(ShellScan.analyze("set -e; if a; then b; fi").tailSimple()).isFalse();
    assertThat(ShellScan.analyze("set -e; if a; then b; fi; c").tailSimple()).isTrue();
    assertThat(ShellScan.analyze("a; ( b )").tailSimple()).isFalse();
    assertThat(ShellScan.analyze("a; eval b").tailSimple()).isFalse();
    assertThat(ShellScan.analyze("a; . ./b").tailSimple()).isFalse();
    assertThat(ShellScan.analyze("a\nb && c").tailSimple()).isTrue();
  }
}
