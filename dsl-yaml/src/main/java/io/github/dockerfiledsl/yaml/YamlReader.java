package io.github.dockerfiledsl.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into a tree of {@link YamlNode}s, safely: no types are instantiated
 * (explicit tags and aliases are rejected), and the document size, the nesting depth and the
 * number of nodes are limited.
 */
final class YamlReader {
  /** The largest document accepted, in characters. */
  static final int MAX_CHARS = 4 * 1024 * 1024;
  /** The deepest nesting of mappings and lists accepted. */
  static final int MAX_DEPTH = 64;
  /** The most nodes accepted in one document. */
  static final int MAX_NODES = 1_000_000;

  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setAllowDuplicateKeys(false)
      .setMaxAliasesForCollections(0)
      .setCodePointLimit(MAX_CHARS)
      .setAllowNonScalarKeys(false)
      .setAllowRecursiveKeys(false)
      .build();

  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .loadSettings(SETTINGS)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH + 2)
          .maxDocumentLength(MAX_CHARS)
          .maxStringLength(MAX_CHARS)
          .maxNameLength(1024)
          .build())
      .build();

  private final String fileName;
  private JsonParser parser;
  private int nodes;
  /** Positions (line, column, 1-based) of plain scalars that YAML 1.2's core schema reads as null. */
  private final Set<Long> nulls = new HashSet<>();

  private YamlReader(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Parses a document.
   *
   * @param fileName the file name for messages, or null
   * @param text the document
   * @return the root node
   * @throws SpecException for a syntax error or an exceeded limit
   */
  static YamlNode read(String fileName, String text) {
    if (text.length() > MAX_CHARS) {
      throw new SpecException(fileName, 1, 1,
          "document too large (" + text.length() + " characters; the limit is " + MAX_CHARS + ")");
    }
    YamlReader r = new YamlReader(fileName);
    r.events(text);
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      r.parser = p;
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new SpecException(fileName, 1, 1, "empty document; a spec needs at least 'stages'");
      }
      YamlNode root = r.value(t, 0);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw r.error("only one YAML document is allowed in a spec");
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      int nl = msg.indexOf('\n');
      if (nl > 0) {
        msg = msg.substring(0, nl);
      }
      int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
      int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
      throw new SpecException(fileName, line, col, "invalid YAML: " + lowerFirst(msg.strip()));
    }
  }

  private static long key(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  /**
   * A first pass over the parser's events, which see what Jackson's tokens hide: a tag on a
   * mapping key (rejected like any tag), and the plain scalars {@code ~}, {@code null}, {@code
   * Null}, {@code NULL} and the empty plain scalar, which YAML 1.2's core schema reads as null
   * (Jackson reports them as strings). Syntax errors are left to the second pass, which
   * reports them.
   */
  private void events(String text) {
    try {
      ParserImpl events = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
      while (events.hasNext()) {
        Event e = events.next();
        if (e instanceof NodeEvent n) {
          Optional<String> tag = e instanceof ScalarEvent sc ? sc.getTag()
              : e instanceof CollectionStartEvent c ? c.getTag() : Optional.empty();
          if (tag.isPresent()) {
            int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(1);
            int col = e.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
            String t = tag.get();
            String shown = t.startsWith("tag:yaml.org,2002:") ? "!" + t.substring(18) : t;
            throw new SpecException(fileName, line, col,
                "YAML tags (!" + shown + ") are not allowed in a spec");
          }
          if (n instanceof ScalarEvent sc && sc.isPlain() && isNull(sc.getValue())) {
            e.getStartMark().ifPresent(m -> nulls.add(key(m.getLine() + 1, m.getColumn() + 1)));
          }
        }
      }
    } catch (YamlEngineException e) {
      // reported with Jackson's position and wording by the second pass
    }
  }

  private static boolean isNull(String plain) {
    return plain.isEmpty() || plain.equals("~") || plain.equals("null") || plain.equals("Null")
        || plain.equals("NULL");
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private SpecException error(String message) {
    TokenStreamLocation loc = parser.currentTokenLocation();
    return new SpecException(fileName, loc.getLineNr(), loc.getColumnNr(), message);
  }

  private YamlNode value(JsonToken t, int depth) {
    if (++nodes > MAX_NODES) {
      throw error("too many nodes (the limit is " + MAX_NODES + ")");
    }
    if (depth > MAX_DEPTH) {
      throw error("nesting too deep (the limit is " + MAX_DEPTH + " levels)");
    }
    YAMLParser y = (YAMLParser) parser;
    if (y.isCurrentAlias()) {
      throw error("YAML aliases (*" + y.getString() + ") are not allowed in a spec");
    }
    Object tag = y.getTypeId();
    if (tag != null) {
      throw error("YAML tags (!" + tag + ") are not allowed in a spec");
    }
    TokenStreamLocation loc = parser.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    switch (t) {
      case START_OBJECT: {
        LinkedHashMap<String, YamlNode> map = new LinkedHashMap<>();
        Map<String, int[]> keys = new HashMap<>();
        JsonToken k;
        while ((k = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          TokenStreamLocation kl = parser.currentTokenLocation();
          JsonToken v = parser.nextToken();
          if (map.containsKey(name)) {
            throw new SpecException(fileName, kl.getLineNr(), kl.getColumnNr(),
                "duplicate key '" + name + "'");
          }
          keys.put(name, new int[] {kl.getLineNr(), kl.getColumnNr()});
          map.put(name, value(v, depth + 1));
        }
        return YamlNode.map(line, col, map, keys);
      }
      case START_ARRAY: {
        List<YamlNode> list = new ArrayList<>();
        JsonToken e;
        while ((e = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(e, depth + 1));
        }
        return YamlNode.seq(line, col, list);
      }
      case VALUE_STRING:
        if (nulls.contains(key(line, col))) {
          return YamlNode.scalar(YamlNode.Kind.NULL, line, col, null);
        }
        return YamlNode.scalar(YamlNode.Kind.STRING, line, col, parser.getString());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return YamlNode.scalar(YamlNode.Kind.NUMBER, line, col, parser.getString());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return YamlNode.scalar(YamlNode.Kind.BOOLEAN, line, col, parser.getString());
      case VALUE_NULL:
        return YamlNode.scalar(YamlNode.Kind.NULL, line, col, null);
      default:
        throw error("unexpected YAML content (" + t + ")");
    }
  }
}
