package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules the peers (hadolint, dockerfile-utils) have, beyond their fixtures. */
class PeerRulesTest {

  private static List<Finding> findings(String rule, String text) {
    return Linter.defaults().only(rule).lint("Dockerfile", text).findings(rule);
  }

  @Test
  void sudo() {
    assertThat(findings("DF117", "FROM debian:12\nRUN sudo -E apt-get install -y curl\n")).hasSize(1);
    assertThat(findings("DF117", "FROM debian:12\nRUN make && /usr/bin/sudo make install\n"))
        .hasSize(1);
    assertThat(findings("DF117", "FROM debian:12\nRUN apt-get install -y sudo\n")).isEmpty();
    assertThat(findings("DF117", "FROM debian:12\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app\n"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"apt-get upgrade -y", "apt-get -y dist-upgrade", "apt full-upgrade -y",
      "apt-get -qq upgrade"})
  void aptUpgrade(String command) {
    assertThat(findings("DF118", "FROM debian:12\nRUN apt-get update && " + command + "\n"))
        .hasSize(1);
  }

  @Test
  void aptUpgradeOfNamedPackagesWithInstallIsFine() {
    assertThat(findings("DF118", "FROM debian:12\nRUN apt-get install --only-upgrade -y openssl\n"))
        .isEmpty();
  }

  @Test
  void singleQuotedJsonArrays() {
    // BuildKit runs it as shell form: /bin/sh -c "['a']"
    List<Finding> f = findings("DF210", "FROM alpine:3.20\nENTRYPOINT ['/bin/app', '--flag']\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.fixable()).isTrue());
    Dockerfile fixed = Linter.defaults().only("DF210").fix(
        Dockerfile.parse("FROM alpine:3.20\nRUN --network=none ['make', 'all']\nCMD ['a', 'b c']\n"));
    assertThat(fixed.render()).isEqualTo(
        "FROM alpine:3.20\nRUN --network=none [\"make\", \"all\"]\nCMD [\"a\", \"b c\"]\n");
    // reported, but no fix when an element cannot be read plainly
    assertThat(findings("DF210", "FROM alpine:3.20\nCMD ['a', \"b\"]\n")).singleElement()
        .satisfies(x -> assertThat(x.fixable()).isFalse());
    assertThat(findings("DF210", "FROM alpine:3.20\nCMD [\"a\"]\n")).isEmpty();
    assertThat(findings("DF210", "FROM alpine:3.20\nRUN [ -f x ] && echo 'y'\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"SIGTERM,true", "sigterm,true", "TERM,true", "9,true", "SIGRTMIN+3,true",
      "RTMAX-14,true", "SIGRTMIN+16,false", "0,false", "SIGTERMINATE,false", "-9,false",
      "KILL9,false"})
  void stopSignals(String signal, boolean valid) {
    assertThat(findings("DF211", "FROM alpine:3.20\nSTOPSIGNAL " + signal + "\n")).hasSize(valid ? 0 : 1);
  }

  @Test
  void stopSignalWithAVariableIsNotChecked() {
    assertThat(findings("DF211", "FROM alpine:3.20\nARG S=x\nSTOPSIGNAL $S\n")).isEmpty();
  }

  @Test
  void directiveCasingAndIgnoredDirectives() {
    assertThat(findings("DF212", "# ESCAPE=`\n# Syntax=docker/dockerfile:1\nFROM alpine\n"))
        .extracting(Finding::message).containsExactly(
            "parser directive 'ESCAPE' should be lower case ('escape')",
            "parser directive 'Syntax' should be lower case ('syntax')");
    assertThat(Dockerfile.parse("# ESCAPE=`\nFROM alpine\n").render()).startsWith("# escape=`\n");
    // after a blank line, a comment or an instruction a directive is a comment
    assertThat(findings("DF214", "# syntax=docker/dockerfile:1\n\n# escape=`\nFROM alpine\n"))
        .extracting(Finding::message).containsExactly("parser directive 'escape' is ignored here:"
            + " directives must come before any instruction, comment or blank line");
    assertThat(findings("DF214", "# syntax=docker/dockerfile:1\nFROM alpine\n# syntax=x\n"))
        .extracting(Finding::message).containsExactly("repeated parser directive 'syntax' is"
            + " ignored: only the one at the top of the file counts");
    // a check comment above an instruction is BuildKit's per-instruction suppression
    assertThat(findings("DF214", "FROM alpine\n# check=skip=DF103\nRUN true\n")).isEmpty();
  }

  @Test
  void apkVirtual() {
    assertThat(findings("DF215", "FROM alpine:3.20\nRUN apk add -t .deps gcc && make\n"
        + "RUN apk del .deps\n")).hasSize(1);
    assertThat(findings("DF215", "FROM alpine:3.20\nRUN apk add --virtual=.deps gcc && make"
        + " && apk del --no-network .deps\n")).isEmpty();
    // run-time dependencies kept on purpose (docker-library's idiom)
    assertThat(findings("DF215", "FROM alpine:3.20\nRUN apk add --no-cache --virtual"
        + " .postgresql-rundeps bash\n")).isEmpty();
  }
}
