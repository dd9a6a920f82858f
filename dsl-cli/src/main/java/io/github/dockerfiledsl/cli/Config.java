package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.internal.EditDistance;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Rule;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.render.RenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of {@code fmt} and {@code lint}: a {@code .dockerfile-dsl.yaml} (or {@code
 * .yml}) found upward from each file, a {@code .hadolint.yaml} (or {@code .yml}) found the same
 * way for the rules that have a hadolint code, and the command-line options.
 *
 * <p>Precedence, lowest first: built-in defaults, {@code .hadolint.yaml}, the configuration
 * file's top level, its {@code overrides} whose {@code files} match (in order), the command line.
 * Only the nearest file of each kind counts; files are not merged.
 */
final class Config {
  /** The configuration file names, in the order they are looked for in each directory. */
  static final List<String> NAMES = List.of(".dockerfile-dsl.yaml", ".dockerfile-dsl.yml");
  /** hadolint's configuration file names. */
  static final List<String> HADOLINT_NAMES = List.of(".hadolint.yaml", ".hadolint.yml");
  /** The severity name that switches a rule off. */
  static final String OFF = "off";

  /** One layer of settings; null or empty fields leave the lower layers' values. */
  static final class Layer {
    Integer columnLimit;
    Integer continuationIndent;
    /** Rule id to severity label or {@link #OFF}, in order. */
    final Map<String, String> levels = new LinkedHashMap<>();
    List<String> trustedRegistries;
  }

  /** The settings of one file, all layers applied. */
  record Settings(RenderOptions render, Map<String, String> levels, List<String> trusted) {
    /**
     * Returns the linter for these settings.
     *
     * @return the configured linter
     */
    Linter linter() {
      Linter l = Linter.defaults();
      List<String> off = new ArrayList<>();
      for (Map.Entry<String, String> e : levels.entrySet()) {
        if (e.getValue().equals(OFF)) {
          off.add(e.getKey());
        } else {
          l = l.withSeverity(e.getKey(), Severity.valueOf(e.getValue().toUpperCase(Locale.ROOT)));
        }
      }
      if (!off.isEmpty()) {
        l = l.without(off.toArray(String[]::new));
      }
      return trusted.isEmpty() ? l : l.withTrustedRegistries(trusted);
    }
  }

  /** An override: its file patterns and settings. */
  record Override(IgnoreRules files, Layer layer) {}

  /** One configuration file. */
  record File(Path dir, Layer base, List<Override> overrides, IgnoreRules exclude) {}

  private final Path explicit;
  private final boolean disabled;
  private final Layer command;
  private final Path cwd;
  private final Map<Path, Optional<File>> files = new HashMap<>();
  private final Map<Path, Optional<Layer>> hadolint = new HashMap<>();
  private final Map<List<Object>, Settings> settings = new HashMap<>();

  /**
   * Creates the configuration lookup.
   *
   * @param explicit the {@code --config} file, or null to look upward from each file
   * @param disabled {@code --no-config}: only the defaults and the command line
   * @param command the command line's settings
   */
  Config(Path explicit, boolean disabled, Layer command) {
    this.explicit = explicit;
    this.disabled = disabled;
    this.command = command;
    this.cwd = Path.of("").toAbsolutePath();
  }

  /**
   * Returns the settings for a file.
   *
   * @param file the file (it need not exist, as for {@code --stdin-filepath})
   * @return the settings
   * @throws Failure when a configuration file is invalid
   */
  Settings settings(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    List<Layer> layers = new ArrayList<>();
    if (!disabled) {
      Path dir = abs.getParent();
      Optional<Layer> hadolint = hadolintFor(dir);
      if (hadolint.isPresent()) {
        layers.add(hadolint.get());
      }
      Optional<File> conf = configFor(dir);
      if (conf.isPresent()) {
        layers.add(conf.get().base());
        String rel = relative(conf.get().dir(), abs);
        for (Override o : conf.get().overrides()) {
          if (rel != null && o.files().ignored(rel, false)) {
            layers.add(o.layer());
          }
        }
      }
    }
    layers.add(command);
    List<Object> key = new ArrayList<>(layers);
    Settings s = settings.get(key);
    if (s == null) {
      s = merge(layers);
      settings.put(key, s);
    }
    return s;
  }

  /**
   * Returns whether the configuration file of a file excludes it.
   *
   * @param file the file
   * @return true when its {@code exclude} patterns match it
   */
  boolean excluded(Path file) {
    if (disabled) {
      return false;
    }
    Path abs = file.toAbsolutePath().normalize();
    Optional<File> conf = configFor(abs.getParent());
    if (conf.isEmpty()) {
      return false;
    }
    String rel = relative(conf.get().dir(), abs);
    return rel != null && conf.get().exclude().ignored(rel, false);
  }

  private static String relative(Path dir, Path file) {
    Path r = dir.relativize(file);
    String s = r.toString().replace('\\', '/');
    return s.startsWith("..") ? null : s;
  }

  private static Settings merge(List<Layer> layers) {
    int column = RenderOptions.defaults().columnLimit();
    int indent = RenderOptions.defaults().continuationIndent();
    Map<String, String> levels = new LinkedHashMap<>();
    List<String> trusted = List.of();
    for (Layer l : layers) {
      if (l.columnLimit != null) {
        column = l.columnLimit;
      }
      if (l.continuationIndent != null) {
        indent = l.continuationIndent;
      }
      for (Map.Entry<String, String> e : l.levels.entrySet()) {
        levels.remove(e.getKey());
        levels.put(e.getKey(), e.getValue());
      }
      if (l.trustedRegistries != null) {
        trusted = l.trustedRegistries;
      }
    }
    return new Settings(RenderOptions.defaults().withColumnLimit(column)
        .withContinuationIndent(indent), levels, trusted);
  }

  private Optional<File> configFor(Path dir) {
    if (explicit != null) {
      return files.computeIfAbsent(explicit.toAbsolutePath().normalize(),
          p -> Optional.of(load(p)));
    }
    Optional<File> cached = files.get(dir);
    if (cached != null) {
      return cached;
    }
    Optional<File> found = Optional.empty();
    for (String name : NAMES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        found = Optional.of(load(p));
        break;
      }
    }
    if (found.isEmpty() && dir.getParent() != null) {
      found = configFor(dir.getParent());
    }
    files.put(dir, found);
    return found;
  }

  private Optional<Layer> hadolintFor(Path dir) {
    Optional<Layer> cached = hadolint.get(dir);
    if (cached != null) {
      return cached;
    }
    Optional<Layer> found = Optional.empty();
    for (String name : HADOLINT_NAMES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        found = Optional.of(loadHadolint(p));
        break;
      }
    }
    if (found.isEmpty() && dir.getParent() != null) {
      found = hadolintFor(dir.getParent());
    }
    hadolint.put(dir, found);
    return found;
  }

  private String shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : p.toString();
  }

  private YamlTree.Node readTree(Path p) {
    String text = Io.read(shown(p), Main.stdin);
    try {
      return YamlTree.read(text);
    } catch (YamlTree.Error e) {
      throw new Failure(shown(p) + ":" + e.line + ":" + e.column + ": " + e.getMessage());
    }
  }

  /** Reads a {@code .dockerfile-dsl.yaml}. */
  File load(Path p) {
    YamlTree.Node root = readTree(p);
    Reader r = new Reader(shown(p), false);
    r.mapping(root, "the configuration");
    r.keys(root, List.of("format", "lint", "exclude", "overrides"));
    Layer base = new Layer();
    Map<String, YamlTree.Node> m = root.map();
    r.layer(m.get("format"), m.get("lint"), base);
    IgnoreRules exclude = new IgnoreRules().add("", r.strings(m.get("exclude"), "exclude"));
    List<Override> overrides = new ArrayList<>();
    YamlTree.Node o = m.get("overrides");
    if (o != null) {
      r.list(o, "overrides");
      for (YamlTree.Node item : o.list()) {
        r.mapping(item, "an override");
        r.keys(item, List.of("files", "format", "lint"));
        YamlTree.Node files = item.map().get("files");
        if (files == null) {
          throw r.at(item, "an override needs 'files' (a list of patterns)");
        }
        List<String> patterns = r.strings(files, "files");
        if (patterns.isEmpty()) {
          throw r.at(files, "'files' must list at least one pattern");
        }
        Layer l = new Layer();
        r.layer(item.map().get("format"), item.map().get("lint"), l);
        overrides.add(new Override(new IgnoreRules().add("", patterns), l));
      }
    }
    return new File(p.toAbsolutePath().normalize().getParent(), base, overrides, exclude);
  }

  /** Reads a {@code .hadolint.yaml}: {@code ignored}, {@code override} and {@code trustedRegistries}. */
  Layer loadHadolint(Path p) {
    YamlTree.Node root = readTree(p);
    Reader r = new Reader(shown(p), true);
    r.mapping(root, "the configuration");
    Layer l = new Layer();
    Map<String, YamlTree.Node> m = root.map();
    YamlTree.Node override = m.get("override");
    if (override != null) {
      r.mapping(override, "override");
      for (Map.Entry<String, YamlTree.Node> e : override.map().entrySet()) {
        String level = switch (e.getKey()) {
          case "error" -> "error";
          case "warning" -> "warning";
          case "info", "style" -> "info";
          default -> throw r.atKey(e.getValue(), "unknown severity '" + e.getKey()
              + "' in override (expected error, warning, info or style)");
        };
        for (YamlTree.Node code : r.nodes(e.getValue(), e.getKey())) {
          r.rule(code).ifPresent(id -> l.levels.put(id, level));
        }
      }
    }
    YamlTree.Node ignored = m.get("ignored");
    if (ignored != null) {
      for (YamlTree.Node code : r.nodes(ignored, "ignored")) {
        r.rule(code).ifPresent(id -> l.levels.put(id, OFF));
      }
    }
    YamlTree.Node trusted = m.get("trustedRegistries");
    if (trusted != null) {
      l.trustedRegistries = r.strings(trusted, "trustedRegistries");
    }
    return l;
  }

  /** Validates nodes and turns them into settings, with located messages. */
  private static final class Reader {
    private final String file;
    private final boolean hadolint;

    Reader(String file, boolean hadolint) {
      this.file = file;
      this.hadolint = hadolint;
    }

    Failure at(YamlTree.Node n, String message) {
      return new Failure(file + ":" + n.line() + ":" + n.column() + ": " + escape(message));
    }

    Failure atKey(YamlTree.Node n, String message) {
      return new Failure(file + ":" + n.keyLine() + ":" + n.keyColumn() + ": "
          + escape(message));
    }

    void mapping(YamlTree.Node n, String what) {
      if (!(n.value() instanceof Map)) {
        throw at(n, what + " must be a mapping, not " + n.kind());
      }
    }

    void list(YamlTree.Node n, String what) {
      if (!(n.value() instanceof List)) {
        throw at(n, "'" + what + "' must be a list, not " + n.kind());
      }
    }

    void keys(YamlTree.Node n, List<String> allowed) {
      for (Map.Entry<String, YamlTree.Node> e : n.map().entrySet()) {
        if (!allowed.contains(e.getKey())) {
          String near = nearest(e.getKey(), allowed);
          throw atKey(e.getValue(), "unknown key '" + e.getKey() + "'"
              + (near == null ? " (expected one of " + String.join(", ", allowed) + ")"
                  : " (did you mean '" + near + "'?)"));
        }
      }
    }

    List<YamlTree.Node> nodes(YamlTree.Node n, String what) {
      if (n.value() == null) {
        return List.of();
      }
      list(n, what);
      return n.list();
    }

    List<String> strings(YamlTree.Node n, String what) {
      if (n == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (YamlTree.Node item : nodes(n, what)) {
        if (!(item.value() instanceof String s)) {
          throw at(item, "'" + what + "' must list strings, not " + item.kind());
        }
        out.add(s);
      }
      return out;
    }

    /** Returns the id of the rule a node names; unknown names are errors except for hadolint. */
    Optional<String> rule(YamlTree.Node n) {
      if (!(n.value() instanceof String name)) {
        throw at(n, "a rule must be named by a string, not " + n.kind());
      }
      Optional<Rule> r = Linter.defaults().rule(name);
      if (r.isEmpty() && !hadolint) {
        throw at(n, "unknown rule '" + name + "' (expected a rule id such as DF103, its name,"
            + " its BuildKit name or its hadolint code)");
      }
      return r.map(Rule::id);
    }

    void layer(YamlTree.Node format, YamlTree.Node lint, Layer into) {
      if (format != null) {
        mapping(format, "'format'");
        keys(format, List.of("columnLimit", "continuationIndent"));
        YamlTree.Node c = format.map().get("columnLimit");
        if (c != null) {
          if (!(c.value() instanceof Long v) || v < 0 || v > 10_000) {
            throw at(c, "'columnLimit' must be a whole number from 0 (never wrap) to 10000");
          }
          into.columnLimit = (int) (long) v;
        }
        YamlTree.Node ci = format.map().get("continuationIndent");
        if (ci != null) {
          if (!(ci.value() instanceof Long v) || v < 1 || v > 16) {
            throw at(ci, "'continuationIndent' must be a whole number of spaces from 1 to 16");
          }
          into.continuationIndent = (int) (long) v;
        }
      }
      if (lint != null) {
        mapping(lint, "'lint'");
        keys(lint, List.of("disable", "severity", "trustedRegistries"));
        Map<String, YamlTree.Node> m = lint.map();
        if (m.get("disable") != null) {
          for (YamlTree.Node n : nodes(m.get("disable"), "disable")) {
            rule(n).ifPresent(id -> into.levels.put(id, OFF));
          }
        }
        YamlTree.Node sev = m.get("severity");
        if (sev != null) {
          mapping(sev, "'severity'");
          for (Map.Entry<String, YamlTree.Node> e : sev.map().entrySet()) {
            YamlTree.Node key = new YamlTree.Node(e.getKey(), e.getValue().keyLine(),
                e.getValue().keyColumn());
            String id = rule(key).orElseThrow();
            Object v = e.getValue().value();
            String level = v instanceof String s ? s.toLowerCase(Locale.ROOT)
                : Boolean.FALSE.equals(v) ? OFF : null;
            if (level == null || !List.of("error", "warning", "info", OFF).contains(level)) {
              throw at(e.getValue(), "severity of " + e.getKey() + " must be error, warning,"
                  + " info or off");
            }
            into.levels.put(id, level);
          }
        }
        if (m.get("trustedRegistries") != null) {
          into.trustedRegistries = strings(m.get("trustedRegistries"), "trustedRegistries");
        }
      }
    }
  }

  /** Escapes control characters (and backslashes before them) so that a message is one line. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Returns the allowed word within two edits of {@code word}, or null. */
  static String nearest(String word, List<String> allowed) {
    String best = null;
    int bestDistance = 3;
    for (String a : allowed) {
      int d = EditDistance.levenshtein(word.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
      }
    }
    return best;
  }
}
