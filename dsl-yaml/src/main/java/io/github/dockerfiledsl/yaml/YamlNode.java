package io.github.dockerfiledsl.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a YAML document with its position: a mapping, a sequence or a scalar. Scalars keep
 * the text as written (so {@code 3.10} stays {@code 3.10}); {@code kind} tells what YAML made
 * of it.
 */
final class YamlNode {
  /** What a node is. */
  enum Kind {
    MAP,
    SEQ,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  final Kind kind;
  final int line;
  final int column;
  final String text;
  final Map<String, YamlNode> map;
  final Map<String, int[]> keyPositions;
  final List<YamlNode> seq;

  private YamlNode(Kind kind, int line, int column, String text, Map<String, YamlNode> map,
      Map<String, int[]> keyPositions, List<YamlNode> seq) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.text = text;
    this.map = map;
    this.keyPositions = keyPositions;
    this.seq = seq;
  }

  static YamlNode scalar(Kind kind, int line, int column, String text) {
    return new YamlNode(kind, line, column, text, null, null, null);
  }

  static YamlNode map(int line, int column, LinkedHashMap<String, YamlNode> map,
      Map<String, int[]> keyPositions) {
    return new YamlNode(Kind.MAP, line, column, null, map, keyPositions, null);
  }

  static YamlNode seq(int line, int column, List<YamlNode> seq) {
    return new YamlNode(Kind.SEQ, line, column, null, null, null, seq);
  }

  boolean isScalar() {
    return kind != Kind.MAP && kind != Kind.SEQ && kind != Kind.NULL;
  }

  String describe() {
    switch (kind) {
      case MAP:
        return "a mapping";
      case SEQ:
        return "a list";
      case NULL:
        return "nothing (null)";
      case NUMBER:
        return "the number " + text;
      case BOOLEAN:
        return "the boolean " + text;
      default:
        return "the string '" + text + "'";
    }
  }
}
