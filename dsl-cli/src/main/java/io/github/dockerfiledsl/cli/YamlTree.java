package io.github.dockerfiledsl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document read safely into plain nodes with their positions, for configuration files:
 * no types are instantiated, tags and aliases are rejected, duplicate keys are errors, and size
 * and depth are limited.
 */
final class YamlTree {
  /** The largest configuration file accepted, in characters. */
  static final int MAX_CHARS = 1024 * 1024;
  private static final int MAX_DEPTH = 32;

  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .loadSettings(LoadSettings.builder()
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(0)
          .setCodePointLimit(MAX_CHARS)
          .setAllowNonScalarKeys(false)
          .setAllowRecursiveKeys(false)
          .build())
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH + 2)
          .maxDocumentLength(MAX_CHARS)
          .maxStringLength(MAX_CHARS)
          .maxNameLength(1024)
          .build())
      .build();

  /**
   * A node: a {@code Map<String, Node>} (keys in order), a {@code List<Node>}, a {@code String},
   * a {@code Long}, a {@code Double}, a {@code Boolean} or null, with its position and, for
   * mapping values, the position of its key.
   */
  record Node(Object value, int line, int column, int keyLine, int keyColumn) {
    Node(Object value, int line, int column) {
      this(value, line, column, line, column);
    }

    Node withKey(int kl, int kc) {
      return new Node(value, line, column, kl, kc);
    }

    @SuppressWarnings("unchecked")
    Map<String, Node> map() {
      return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    List<Node> list() {
      return (List<Node>) value;
    }

    String kind() {
      if (value == null) {
        return "null";
      } else if (value instanceof Map) {
        return "a mapping";
      } else if (value instanceof List) {
        return "a list";
      } else if (value instanceof String) {
        return "a string";
      } else if (value instanceof Boolean) {
        return "a boolean";
      }
      return "a number";
    }
  }

  /** A mistake in a configuration file, at a position. */
  static final class Error extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Error(int line, int column, String message) {
      super(message, null, false, false);
      this.line = Math.max(1, line);
      this.column = Math.max(1, column);
    }
  }

  private final JsonParser parser;

  private YamlTree(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads a document; an empty document is an empty mapping.
   *
   * @param text the text
   * @return the root node
   * @throws Error for invalid YAML or an exceeded limit
   */
  static Node read(String text) {
    if (text.length() > MAX_CHARS) {
      throw new Error(1, 1, "file too large (" + text.length() + " characters; the limit is "
          + MAX_CHARS + ")");
    }
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      YamlTree t = new YamlTree(p);
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Node(new LinkedHashMap<String, Node>(), 1, 1);
      }
      Node root = t.value(first, 0);
      if (p.nextToken() != null) {
        throw t.error("only one YAML document is allowed");
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      // SnakeYAML's message: context and problem lines, each followed by a position and the
      // source line with a caret; keep the unindented lines
      StringBuilder sb = new StringBuilder();
      for (String l : e.getOriginalMessage().split("\n")) {
        if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
          sb.append(sb.length() == 0 ? "" : "; ").append(l.strip());
        }
      }
      String msg = sb.toString();
      throw new Error(loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
          "invalid YAML: " + msg.strip());
    }
  }

  private Error error(String message) {
    TokenStreamLocation loc = parser.currentTokenLocation();
    return new Error(loc.getLineNr(), loc.getColumnNr(), message);
  }

  private Node value(JsonToken t, int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting too deep (the limit is " + MAX_DEPTH + " levels)");
    }
    YAMLParser y = (YAMLParser) parser;
    if (y.isCurrentAlias()) {
      throw error("YAML aliases are not allowed");
    }
    if (y.getTypeId() != null) {
      throw error("YAML tags are not allowed");
    }
    TokenStreamLocation loc = parser.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node> map = new LinkedHashMap<>();
        JsonToken k;
        while ((k = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          TokenStreamLocation kl = parser.currentTokenLocation();
          if (map.containsKey(name)) {
            throw new Error(kl.getLineNr(), kl.getColumnNr(), "duplicate key '" + name + "'");
          }
          Node v = value(parser.nextToken(), depth + 1);
          map.put(name, v.withKey(kl.getLineNr(), kl.getColumnNr()));
        }
        return new Node(map, line, col);
      }
      case START_ARRAY: {
        List<Node> list = new ArrayList<>();
        JsonToken e;
        while ((e = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(e, depth + 1));
        }
        return new Node(list, line, col);
      }
      case VALUE_STRING:
        return new Node(parser.getString(), line, col);
      case VALUE_NUMBER_INT:
        return new Node(parser.getLongValue(), line, col);
      case VALUE_NUMBER_FLOAT:
        return new Node(parser.getDoubleValue(), line, col);
      case VALUE_TRUE:
        return new Node(Boolean.TRUE, line, col);
      case VALUE_FALSE:
        return new Node(Boolean.FALSE, line, col);
      case VALUE_NULL:
        return new Node(null, line, col);
      default:
        throw error("unexpected YAML token " + t);
    }
  }
}
