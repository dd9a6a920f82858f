package io.github.dockerfiledsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Over the corpus: parse to the model, render canonically, and check that the canonical text
 * parses back to the same model, is a fixed point of formatting, and means the same to BuildKit.
 */
class CorpusRoundTripTest {

  /** Collapses runs of blanks outside quotes, for comparing shell command lines. */
  static String squeeze(String s) {
    StringBuilder sb = new StringBuilder();
    char quote = 0;
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == 0 && (c == ' ' || c == '\t')) {
        blank = true;
        continue;
      }
      if (blank && sb.length() > 0) {
        sb.append(' ');
      }
      blank = false;
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote == c) {
        quote = 0;
      } else if (c == '\\' && quote != '\'' && i + 1 < s.length()) {
        sb.append(c);
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * What BuildKit sees of a file, modulo layout: per instruction the keyword, the flags (sorted,
   * mount fields sorted and aliases unified), the arguments after quote removal (shell-form
   * commands with blank runs squeezed), heredoc names, flags and bodies. Since {@link
   * CorpusAstTest} shows that {@link AstParser} reads every corpus file exactly as BuildKit's
   * reference does, the meaning of the original is taken from the same parser.
   */
  static List<Object> meaning(Ast ast) {
    List<Object> out = new ArrayList<>();
    for (AstNode n : ast.nodes()) {
      out.add(meaning(n, ast.escapeToken()));
    }
    return out;
  }

  private static String normalizeFlag(String flag) {
    int eq = flag.indexOf('=');
    String name = eq < 0 ? flag : flag.substring(0, eq);
    String value = eq < 0 ? "true" : flag.substring(eq + 1);
    if (name.equals("--mount")) {
      java.util.TreeSet<String> fields = new java.util.TreeSet<>();
      for (String f : MountSyntax.fields(value)) {
        int e = f.indexOf('=');
        String k = (e < 0 ? f : f.substring(0, e)).toLowerCase(Locale.ROOT);
        String v = e < 0 ? "true" : f.substring(e + 1);
        k = switch (k) {
          case "dst", "destination" -> "target";
          case "src" -> "source";
          case "ro" -> "readonly";
          default -> k;
        };
        if (k.equals("rw") || k.equals("readwrite")) {
          k = "readonly";
          v = String.valueOf(!(v.equalsIgnoreCase("true") || v.equals("1")));
        }
        fields.add(k + "=" + v);
      }
      boolean bind = fields.stream().noneMatch(f -> f.startsWith("type=")) || fields.contains("type=bind");
      fields.remove("type=bind");
      // BuildKit's defaults: bind mounts are read-only, cache mounts read-write
      fields.remove(bind ? "readonly=true" : "readonly=false");
      if (bind && !fields.remove("readonly=false")) {
        fields.add("readonly=default");
      }
      value = fields.toString();
    }
    return name + "=" + value.toLowerCase(Locale.ROOT).replace("\"", "");
  }

  private static Map<String, Object> meaning(AstNode n, char escape) {
    Map<String, Object> m = new LinkedHashMap<>();
    String kw = n.keyword();
    m.put("keyword", kw);
    List<String> flags = new ArrayList<>();
    for (String f : n.flags()) {
      flags.add(normalizeFlag(f));
    }
    java.util.Collections.sort(flags);
    m.put("flags", flags);
    List<String> args = n.args();
    List<Object> values = new ArrayList<>();
    switch (kw) {
      case "RUN", "CMD", "ENTRYPOINT", "SHELL" -> {
        m.put("json", n.json());
        for (String a : args) {
          values.add(n.json() ? a : squeeze(a));
        }
      }
      case "HEALTHCHECK" -> {
        m.put("json", n.json());
        for (int i = 0; i < args.size(); i++) {
          values.add(i == 0 ? args.get(i).toUpperCase(Locale.ROOT) : n.json() ? args.get(i) : squeeze(args.get(i)));
        }
      }
      case "ENV", "LABEL" -> {
        for (int i = 0; i + 1 < args.size(); i += 3) {
          values.add(TemplateText.of(args.get(i), escape) + "=" + TemplateText.of(args.get(i + 1), escape));
        }
      }
      case "ARG" -> {
        for (String a : args) {
          int eq = a.indexOf('=');
          values.add(eq < 0 ? a : a.substring(0, eq) + "=" + TemplateText.of(a.substring(eq + 1), escape));
        }
      }
      case "FROM" -> {
        values.add(TemplateText.of(args.get(0), escape));
        if (args.size() == 3) {
          values.add(args.get(2).toLowerCase(Locale.ROOT));
        }
      }
      case "ONBUILD" -> values.add(meaning(n.trigger(), escape));
      case "MAINTAINER" -> values.addAll(args);
      default -> {
        for (String a : args) {
          boolean marker = !n.json() && AstParser.parseHeredocQuietly(a) != null;
          values.add(marker ? a : TemplateText.of(a, escape));
        }
      }
    }
    m.put("args", values);
    List<String> heredocs = new ArrayList<>();
    for (Heredoc h : n.heredocs()) {
      heredocs.add(h.name() + "/" + h.expand() + "/" + h.chomp() + "/" + h.fileDescriptor() + "/"
          + h.content().replace("\r\n", "\n"));
    }
    m.put("heredocs", heredocs);
    return m;
  }

  private static Map<String, String> knownFailures() {
    Map<String, String> out = new LinkedHashMap<>();
    try (var in = CorpusRoundTripTest.class.getResourceAsStream("/parse/corpus-roundtrip-known-failures.txt")) {
      if (in != null) {
        for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            int tab = line.indexOf('\t');
            out.put(tab < 0 ? line.strip() : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Comment lines, anywhere (also inside continued instructions), and parser directives. */
  static long commentLines(Ast ast) {
    return ast.entries().stream()
        .filter(e -> e instanceof AstEntry.Comment || e instanceof AstEntry.Directive).count();
  }

  @Test
  void corpusRoundTrips() {
    List<String> files = Corpus.files();
    Map<String, Map<String, Object>> reference = Corpus.reference();
    Map<String, String> failures = new TreeMap<>();
    int converted = 0;
    for (String path : files) {
      if (!Boolean.TRUE.equals(reference.get(path).get("ok"))) {
        continue;
      }
      String text = Corpus.read(path);
      try {
        Dockerfile model = DockerfileParser.parse(path, text);
        String canonical = model.render();
        Dockerfile again = DockerfileParser.parse(path + " (canonical)", canonical);
        if (!again.equals(model)) {
          failures.put(path, "parse(render(parse(x))) differs from parse(x)");
          continue;
        }
        String twice = again.render();
        if (!twice.equals(canonical)) {
          failures.put(path, "fmt is not idempotent");
          continue;
        }
        Ast originalAst = AstParser.parse(path, text);
        Ast canonicalAst = AstParser.parse(path, canonical);
        long commentsBefore = commentLines(originalAst);
        long commentsAfter = commentLines(canonicalAst);
        if (commentsAfter < commentsBefore) {
          failures.put(path, "fmt drops comment lines: " + commentsBefore + " became " + commentsAfter);
          continue;
        }
        List<Object> want = meaning(originalAst);
        List<Object> got = meaning(canonicalAst);
        if (!want.equals(got)) {
          String detail = "";
          for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            Object w = i < want.size() ? want.get(i) : null;
            Object g = i < got.size() ? got.get(i) : null;
            if (w == null || !w.equals(g)) {
              detail = " at instruction " + (i + 1) + ": " + w + " became " + g;
              break;
            }
          }
          failures.put(path, "canonical text means something else to BuildKit" + detail);
          continue;
        }
        converted++;
      } catch (RuntimeException e) {
        failures.put(path, e.getClass().getSimpleName() + ": " + e.getMessage().split("\n")[0]);
      }
    }
    System.out.printf("round trip: %d files ok, %d fail%n", converted, failures.size());
    failures.forEach((k, v) -> System.out.println("RT " + k + ": " + v));
    Map<String, String> known = knownFailures();
    assertThat(failures.keySet())
        .as("round-trip failures (known ones are listed in corpus-roundtrip-known-failures.txt)")
        .containsExactlyInAnyOrderElementsOf(known.keySet());
  }
}
