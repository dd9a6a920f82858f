package io.github.dockerfiledsl.parse;

import java.util.List;

/**
 * Prints BuildKit's view of a Dockerfile as one JSON line, in the shape of BuildKit's own AST
 * dump: {@code {"file":..., "ok":..., "error":..., "ast":[{value, flags, next:[{value, children}],
 * heredocs:[{name, fileDescriptor, expand, chomp, content}], attributes:{json}, startLine,
 * endLine}]}}.
 *
 * <pre>{@code
 * AstJson.line("Dockerfile", "FROM alpine\n")
 * // {"file":"Dockerfile","ok":true,"escapeToken":"\\","directives":[],"ast":[{"value":"FROM",...}]}
 * }</pre>
 */
public final class AstJson {
  private AstJson() {}

  /**
   * Parses and checks a Dockerfile and returns its JSON line (without line terminator).
   *
   * <p>A file BuildKit rejects gives {@code "ok":false} with {@code error}, {@code errorLine} and
   * {@code errorColumn}, plus the {@code ast} when the error comes from the instruction stage.
   *
   * @param fileName the file name to print (may be {@code null})
   * @param text the Dockerfile text
   * @return one line of JSON
   */
  public static String line(String fileName, String text) {
    Ast ast = null;
    DockerfileParseException error = null;
    try {
      ast = AstParser.parse(fileName, text);
      AstValidator.validate(ast);
    } catch (DockerfileParseException e) {
      error = e;
    }
    StringBuilder sb = new StringBuilder(text.length() + 256);
    sb.append("{\"file\":");
    string(sb, fileName);
    sb.append(",\"ok\":").append(error == null);
    if (error != null) {
      sb.append(",\"error\":");
      string(sb, error.reason());
      sb.append(",\"errorLine\":").append(error.line());
      sb.append(",\"errorColumn\":").append(error.column());
    }
    if (ast != null) {
      sb.append(",\"escapeToken\":");
      string(sb, String.valueOf(ast.escapeToken()));
      sb.append(",\"directives\":[");
      for (int i = 0; i < ast.directives().size(); i++) {
        AstEntry.Directive d = ast.directives().get(i);
        if (i > 0) {
          sb.append(',');
        }
        sb.append("{\"name\":");
        string(sb, d.name());
        sb.append(",\"value\":");
        string(sb, d.value());
        sb.append(",\"line\":").append(d.line()).append('}');
      }
      sb.append("],\"ast\":[");
      List<AstNode> nodes = ast.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        node(sb, nodes.get(i), true);
      }
      sb.append(']');
    }
    sb.append('}');
    return sb.toString();
  }

  /**
   * Returns the JSON object of one node, as in the {@code ast} array of {@link #line}.
   *
   * @param node the node
   * @return a JSON object
   */
  public static String node(AstNode node) {
    StringBuilder sb = new StringBuilder();
    node(sb, node, node.startLine() > 0);
    return sb.toString();
  }

  private static void node(StringBuilder sb, AstNode n, boolean top) {
    sb.append("{\"value\":");
    string(sb, n.value());
    if (!top) {
      sb.append(",\"original\":");
      string(sb, n.original());
    }
    if (!n.flags().isEmpty()) {
      sb.append(",\"flags\":[");
      for (int i = 0; i < n.flags().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(sb, n.flags().get(i));
      }
      sb.append(']');
    }
    if (n.json()) {
      sb.append(",\"attributes\":{\"json\":true}");
    }
    if (!n.next().isEmpty()) {
      sb.append(",\"next\":[");
      for (int i = 0; i < n.next().size(); i++) {
        AstWord w = n.next().get(i);
        if (i > 0) {
          sb.append(',');
        }
        sb.append("{\"value\":");
        string(sb, w.value());
        if (!w.children().isEmpty()) {
          sb.append(",\"children\":[");
          for (int c = 0; c < w.children().size(); c++) {
            if (c > 0) {
              sb.append(',');
            }
            node(sb, w.children().get(c), false);
          }
          sb.append(']');
        }
        sb.append('}');
      }
      sb.append(']');
    }
    if (!n.heredocs().isEmpty()) {
      sb.append(",\"heredocs\":[");
      for (int i = 0; i < n.heredocs().size(); i++) {
        Heredoc h = n.heredocs().get(i);
        if (i > 0) {
          sb.append(',');
        }
        sb.append("{\"name\":");
        string(sb, h.name());
        sb.append(",\"fileDescriptor\":").append(h.fileDescriptor());
        sb.append(",\"expand\":").append(h.expand());
        sb.append(",\"chomp\":").append(h.chomp());
        sb.append(",\"content\":");
        string(sb, h.content());
        sb.append('}');
      }
      sb.append(']');
    }
    if (top) {
      sb.append(",\"startLine\":").append(n.startLine());
      sb.append(",\"endLine\":").append(n.endLine());
    }
    sb.append('}');
  }

  /**
   * Appends a JSON string literal (or {@code null}).
   *
   * @param sb the target
   * @param s the string, or {@code null}
   */
  static void string(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
