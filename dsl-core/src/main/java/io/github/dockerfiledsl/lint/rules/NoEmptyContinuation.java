package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstEntry;
import io.github.dockerfiledsl.parse.AstNode;

/**
 * DF003: an empty line inside a continued instruction; BuildKit skips it, but a future version
 * will treat it as the end of the instruction.
 */
public final class NoEmptyContinuation extends SourceRule {

  /** Creates the rule. */
  public NoEmptyContinuation() {
    super("DF003", "NoEmptyContinuation", Severity.WARNING,
        "empty continuation lines will become errors", "NoEmptyContinuation");
  }

  /**
   * Returns the message.
   *
   * @param lines the empty continuation lines of the instruction
   * @param keyword the instruction
   * @return the message
   */
  public static String message(List<Integer> lines, String keyword) {
    return "empty continuation line" + (lines.size() == 1 ? " " : "s ")
        + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + " inside " + keyword + "; remove " + (lines.size() == 1 ? "it" : "them");
  }

  /**
   * Reports once per instruction, on the last line of its logical line (before any heredoc
   * body), as BuildKit's parser does (parser.go: one warning per logical line, at the line where
   * it ends).
   */
  @Override
  protected void check(LintContext context, Ast ast) {
    Map<AstNode, List<Integer>> blanks = new LinkedHashMap<>();
    List<AstNode> nodes = ast.nodes();
    int n = 0;
    for (AstEntry e : ast.entries()) {
      if (e instanceof AstEntry.BlankLine b && b.insideInstruction()) {
        while (n < nodes.size() && nodes.get(n).endLine() < b.line()) {
          n++;
        }
        if (n < nodes.size() && nodes.get(n).startLine() <= b.line()
            && b.line() <= logicalEnd(nodes.get(n))) { // not a line of a heredoc body
          blanks.computeIfAbsent(nodes.get(n), k -> new ArrayList<>()).add(b.line());
        }
      }
    }
    for (Map.Entry<AstNode, List<Integer>> e : blanks.entrySet()) {
      AstNode node = e.getKey();
      Optional<Position> p = Optional.of(new Position(logicalEnd(node), 1));
      context.report(this, context.instructionAt(node.startLine()).orElse(null), p,
          message(e.getValue(), node.keyword()), RENDER);
    }
  }

  /** The last line of the instruction's logical line: its end before any heredoc body. */
  private static int logicalEnd(AstNode node) {
    int end = node.endLine();
    for (io.github.dockerfiledsl.parse.Heredoc h : node.heredocs()) {
      end -= (int) h.content().chars().filter(c -> c == '\n').count() + 1; // body + terminator
    }
    return Math.max(node.startLine(), end);
  }
}
