package io.github.dockerfiledsl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AstParserTest {

  private static AstNode only(String text) {
    Ast ast = AstParser.parse(text);
    return ast.nodes().get(ast.nodes().size() - 1);
  }

  private static DockerfileParseException failure(String text) {
    try {
      Ast ast = AstParser.parse("Dockerfile", text);
      AstValidator.validate(ast);
    } catch (DockerfileParseException e) {
      return e;
    }
    throw new AssertionError("expected a parse error for: " + text);
  }

  @Test
  void directivesAtTheTopSetTheEscapeCharacter() {
    Ast ast = AstParser.parse("\uFEFF# syntax = docker/dockerfile:1 \n#ESCAPE=`\nFROM a\nRUN x `\n  y\n");
    assertThat(ast.escapeToken()).isEqualTo('`');
    assertThat(ast.directives())
        .extracting(AstEntry.Directive::name, AstEntry.Directive::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("syntax", "docker/dockerfile:1"),
            org.assertj.core.groups.Tuple.tuple("escape", "`"));
    assertThat(ast.nodes().get(1).args()).containsExactly("x   y");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\n# escape=`\nFROM a'",
        "'# hello\n# escape=`\nFROM a'",
        "'#!/bin/sh\n# escape=`\nFROM a'",
        "'# unknown=1\n# escape=`\nFROM a'",
        "'FROM a\n# escape=`'",
      })
  void directiveSectionEnds(String text) {
    Ast ast = AstParser.parse(text);
    assertThat(ast.escapeToken()).isEqualTo('\\');
    assertThat(ast.directives()).extracting(AstEntry.Directive::name).doesNotContain("escape");
  }

  @Test
  void repeatedDirectiveAndBadEscapeAreErrors() {
    DockerfileParseException repeated = failure("# escape=`\n# escape=`\nFROM a\n");
    assertThat(repeated.reason()).isEqualTo("only one escape parser directive can be used");
    assertThat(repeated.line()).isEqualTo(2);
    DockerfileParseException bad = failure("# escape=x\nFROM a\n");
    assertThat(bad.reason()).contains("invalid escape token 'x'");
    assertThat(bad.getMessage()).startsWith("Dockerfile:1:").contains("\n# escape=x\n");
  }

  @Test
  void continuationsJoinLinesSkippingCommentsAndEmptyLines() {
    Ast ast =
        AstParser.parse("FROM a\nRUN echo a \\\n# inner comment\n\n    && echo b \\\\\nRUN c\r\n");
    AstNode run = ast.nodes().get(1);
    assertThat(run.args()).containsExactly("echo a     && echo b \\\\");
    assertThat(run.startLine()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(5);
    assertThat(ast.warnings()).hasSize(1);
    assertThat(ast.entries())
        .filteredOn(e -> e instanceof AstEntry.Comment)
        .extracting(AstEntry::line)
        .containsExactly(3);
    assertThat(ast.nodes().get(2).args()).containsExactly("c");
  }

  @Test
  void continuationAtEndOfFileIsAccepted() {
    assertThat(only("FROM a\nRUN x \\").args()).containsExactly("x");
  }

  @Test
  void heredocsAreReadAfterTheLogicalLine() {
    Ast ast =
        AstParser.parse(
            "FROM a\nRUN <<EOF 3<<-'END' cat\necho $X\n# kept\nEOF\n\tbody\n\tEND\nRUN y\n");
    AstNode run = ast.nodes().get(1);
    assertThat(run.heredocs())
        .containsExactly(
            new Heredoc("EOF", 0, true, false, "echo $X\n# kept\n"),
            new Heredoc("END", 3, false, true, "\tbody\n"));
    assertThat(run.heredocs().get(1).effectiveContent()).isEqualTo("body\n");
    assertThat(run.endLine()).isEqualTo(7);
    assertThat(ast.nodes().get(2).args()).containsExactly("y");
  }

  @Test
  void heredocsOnlyInRunCopyAddAndNotInJson() {
    assertThat(only("FROM a\nCMD <<EOF\n").heredocs()).isEmpty();
    assertThat(only("FROM a\nRUN [\"<<EOF\"]\n").heredocs()).isEmpty();
    assertThat(only("FROM a\nONBUILD RUN <<EOF\nx\nEOF\n").heredocs()).hasSize(1);
    assertThat(only("FROM a\nCOPY <<a.txt /dst/\nhi\na.txt\n").heredocs().get(0).name())
        .isEqualTo("a.txt");
  }

  @Test
  void unterminatedHeredocIsAnError() {
    DockerfileParseException e = failure("FROM a\nRUN <<EOF\necho\n");
    assertThat(e.reason()).isEqualTo("unterminated heredoc");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void flagsAreExtractedUntilTheFirstNonFlagWord() {
    AstNode node = only("FROM a\nCOPY --from=b --chown=\"x y\" -- --not-a-flag /d\n");
    assertThat(node.flags()).containsExactly("--from=b", "--chown=x y");
    assertThat(node.args()).containsExactly("--not-a-flag", "/d");
  }

  @Test
  void jsonFormAndFallback() {
    AstNode json = only("FROM a\nCMD [\"a\", \"b\\u0041\"]\n");
    assertThat(json.json()).isTrue();
    assertThat(json.args()).containsExactly("a", "bA");
    AstNode shell = only("FROM a\nCMD [\"a\", b]\n");
    assertThat(shell.json()).isFalse();
    assertThat(shell.args()).containsExactly("[\"a\", b]");
    assertThat(only("FROM a\nCMD []\n").json()).isTrue();
    DockerfileParseException e = failure("FROM a\nCMD [\"a\", 1]\n");
    assertThat(e.reason()).contains("arrays must be comprised of strings only");
  }

  @Test
  void envAndLabelSplitting() {
    assertThat(only("FROM a\nENV A=1 B=\"x y\" C=\n").args())
        .containsExactly("A", "1", "=", "B", "\"x y\"", "=", "C", "", "=");
    assertThat(only("FROM a\nENV A  x  y\n").args()).containsExactly("A", "x  y", "");
    assertThat(failure("FROM a\nENV A\n").reason()).isEqualTo("ENV must have two arguments");
    assertThat(failure("FROM a\nLABEL a=b c\n").reason()).contains("can't find = in \"c\"");
  }

  @Test
  void perInstructionSplitting() {
    assertThat(only("FROM a\nUSER  me  you\n").args()).containsExactly("me  you");
    assertThat(only("FROM a\nEXPOSE 80\t443\n").args()).containsExactly("80", "443");
    assertThat(only("FROM a\nARG A=1 \"B=2 3\"\n").args()).containsExactly("A=1", "\"B=2 3\"");
    assertThat(only("FROM a\nHEALTHCHECK --interval=5s CMD curl x\n").args())
        .containsExactly("CMD", "curl x");
    AstNode onbuild = only("FROM a\nonbuild copy . /app\n");
    assertThat(onbuild.value()).isEqualTo("onbuild");
    assertThat(onbuild.trigger().value()).isEqualTo("copy");
    assertThat(onbuild.trigger().args()).containsExactly(".", "/app");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~~|file with no instructions",
        "~# only a comment\n~|file with no instructions",
        "~ARG A\n~|dockerfile contains no stages to build",
        "~RUN x\n~|no build stage in current context",
        "~FROM a\nWRONG x\n~|unknown instruction: WRONG",
        "~FROM a b\n~|FROM requires either one or three arguments",
        "~FROM a AS 1x\n~|invalid name for build stage",
        "~FROM a\nCOPY x\n~|COPY requires at least two arguments",
        "~FROM a\nCOPY --bogus=1 x y\n~|unknown flag: bogus",
        "~FROM a\nCOPY --from=a --from=b x y\n~|duplicate flag specified: from",
        "~FROM a\nCOPY --link=maybe x y\n~|expecting boolean value for flag link",
        "~FROM a\nCOPY --from x y\n~|missing a value on flag: from",
        "~FROM a\nCOPY x <<EOF\nEOF\n~|cannot accept a heredoc as a destination",
        "~FROM a\nSHELL /bin/sh -c\n~|SHELL requires the arguments to be in JSON form",
        "~FROM a\nSHELL []\n~|SHELL requires at least one argument",
        "~FROM a\nONBUILD ONBUILD RUN x\n~|Chaining ONBUILD",
        "~FROM a\nONBUILD FROM b\n~|FROM isn't allowed as an ONBUILD trigger",
        "~FROM a\nHEALTHCHECK\n~|HEALTHCHECK requires at least one argument",
        "~FROM a\nHEALTHCHECK FOO x\n~|unknown type",
        "~FROM a\nHEALTHCHECK CMD\n~|missing command after HEALTHCHECK CMD",
        "~FROM a\nHEALTHCHECK --interval=5 CMD x\n~|invalid duration",
        "~FROM a\nHEALTHCHECK --timeout=0s CMD x\n~|cannot be less than 1ms",
        "~FROM a\nHEALTHCHECK --retries=-1 CMD x\n~|--retries cannot be negative",
        "~FROM a\nHEALTHCHECK NONE x\n~|HEALTHCHECK NONE takes no arguments",
        "~FROM a\nRUN --network=bridge x\n~|unsupported network mode",
        "~FROM a\nRUN --security=root x\n~|unsupported security mode",
        "~FROM a\nRUN --mount=type=nfs x\n~|unsupported mount type",
        "~FROM a\nRUN --mount=type=cache,target=/x,color=red x\n~|unexpected key 'color'",
        "~FROM a\nRUN --mount=type=cache,target=/x,sharing=all x\n~|unsupported sharing value",
        "~FROM a\nWORKDIR\n~|WORKDIR requires exactly one argument",
        "~FROM a\nENV\n~|ENV requires at least one argument",
        "~FROM a\nARG =x\n~|ARG names can not be blank",
        // stage references are checked when BuildKit builds, not when it parses: see DF208
        "~FROM a\nRUN --mount=from=$V,target=/x y\n~|'from' doesn't support variable expansion",
        "~FROM a\nRUN --mount=type=$T,target=/x,colour=$C y\n~|unexpected key 'colour'",
      })
  void rejectsWhatBuildKitRejects(String text, String message) {
    DockerfileParseException e = failure(text);
    assertThat(e.reason()).containsIgnoringCase(message);
    assertThat(e.getMessage()).startsWith("Dockerfile:" + e.line() + ":" + e.column() + ": ");
  }

  @Test
  void errorMessageHasSnippetAndCaret() {
    DockerfileParseException e = failure("FROM a\n  WRONG x\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.snippet()).isEqualTo("  WRONG x");
    assertThat(e.expected()).hasValueSatisfying(x -> assertThat(x).contains("RUN"));
    assertThat(e.getMessage().split("\n")).containsExactly(
        "Dockerfile:2:3: unknown instruction: WRONG (expected one of " + String.join(", ", AstValidator.INSTRUCTIONS) + ")",
        "  WRONG x",
        "  ^");
  }

  @Test
  void overlongLineIsAnError() {
    String text = "FROM a\nRUN " + "x".repeat(AstParser.MAX_LINE_BYTES) + "\n";
    DockerfileParseException e = failure(text);
    assertThat(e.reason()).contains("max allowed size of 65535");
    assertThat(e.line()).isEqualTo(2);
    assertThat(AstParser.parse("FROM a\nRUN " + "x".repeat(AstParser.MAX_LINE_BYTES - 4) + "\n").nodes())
        .hasSize(2);
  }

  @Test
  void keepsEveryCommentAndBlankLineInOrder() {
    Ast ast = AstParser.parse("# syntax=x\n\n# c1\nFROM a\n\n  # c2\nRUN b\n");
    assertThat(ast.entries())
        .extracting(e -> e.getClass().getSimpleName() + "@" + e.line())
        .containsExactly(
            "Directive@1", "BlankLine@2", "Comment@3", "AstNode@4", "BlankLine@5", "Comment@6",
            "AstNode@7");
  }

  @Test
  void astJsonLine() {
    String json = AstJson.line("Dockerfile", "FROM a\nRUN [\"x\"]\n");
    assertThat(json)
        .isEqualTo(
            "{\"file\":\"Dockerfile\",\"ok\":true,\"escapeToken\":\"\\\\\",\"directives\":[],\"ast\":["
                + "{\"value\":\"FROM\",\"next\":[{\"value\":\"a\"}],\"startLine\":1,\"endLine\":1},"
                + "{\"value\":\"RUN\",\"attributes\":{\"json\":true},\"next\":[{\"value\":\"x\"}],"
                + "\"startLine\":2,\"endLine\":2}]}");
    assertThat(AstJson.line("f", "FROM a\nWRONG\n"))
        .contains("\"ok\":false", "\"error\":\"unknown instruction: WRONG\"", "\"errorLine\":2");
    assertThat(AstJson.line(null, "")).isEqualTo(
        "{\"file\":null,\"ok\":false,\"error\":\"file with no instructions\",\"errorLine\":1,\"errorColumn\":1}");
    assertThat(List.of(AstJson.line("x", "FROM a\n"))).allMatch(s -> !s.contains("\n"));
  }

  @Test
  void astJsonHeredocsAndOnbuildChildren() {
    String json = AstJson.line("f", "FROM a\nONBUILD RUN <<-\"EOT\"\n\tx\nEOT\n");
    assertThat(json)
        .contains(
            "{\"value\":\"ONBUILD\",\"next\":[{\"value\":\"\",\"children\":[{\"value\":\"RUN\","
                + "\"original\":\"RUN <<-\\\"EOT\\\"\",\"next\":[{\"value\":\"<<-\\\"EOT\\\"\"}]}]}],"
                + "\"heredocs\":[{\"name\":\"EOT\",\"fileDescriptor\":0,\"expand\":false,\"chomp\":true,"
                + "\"content\":\"\\tx\\n\"}],\"startLine\":2,\"endLine\":4}");
    Object parsed = MiniJson.parse(json);
    assertThat(parsed).isInstanceOf(java.util.Map.class);
  }
}
