package io.github.dockerfiledsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every corpus file reads like BuildKit reads it: same AST, or the same error on the same line. */
class CorpusAstTest {

  @SuppressWarnings("unchecked")
  static Map<String, Object> normalizeNode(Map<String, Object> n, boolean top) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("value", n.get("value"));
    out.put("flags", n.getOrDefault("flags", List.of()));
    Map<String, Object> attrs = (Map<String, Object>) n.get("attributes");
    out.put("json", attrs != null && Boolean.TRUE.equals(attrs.get("json")));
    List<Object> next = new ArrayList<>();
    for (Object o : (List<Object>) n.getOrDefault("next", List.of())) {
      Map<String, Object> w = (Map<String, Object>) o;
      Map<String, Object> nw = new LinkedHashMap<>();
      nw.put("value", w.get("value"));
      List<Object> children = new ArrayList<>();
      for (Object c : (List<Object>) w.getOrDefault("children", List.of())) {
        children.add(normalizeNode((Map<String, Object>) c, false));
      }
      nw.put("children", children);
      next.add(nw);
    }
    out.put("next", next);
    List<Object> heredocs = new ArrayList<>();
    for (Object o : (List<Object>) n.getOrDefault("heredocs", List.of())) {
      Map<String, Object> h = (Map<String, Object>) o;
      Map<String, Object> nh = new LinkedHashMap<>();
      for (String k : List.of("name", "fileDescriptor", "expand", "chomp", "content")) {
        nh.put(k, h.get(k));
      }
      heredocs.add(nh);
    }
    out.put("heredocs", heredocs);
    if (top) {
      out.put("startLine", n.get("startLine"));
      out.put("endLine", n.get("endLine"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Object> normalizeAst(Map<String, Object> file) {
    List<Object> out = new ArrayList<>();
    for (Object o : (List<Object>) file.getOrDefault("ast", List.of())) {
      out.add(normalizeNode((Map<String, Object>) o, true));
    }
    return out;
  }

  /** BuildKit's message without its "dockerfile parse error on line N: " prefix. */
  static String bareError(String error) {
    String e = error.replaceFirst("^dockerfile parse error on line \\d+: ", "");
    return e.toLowerCase(Locale.ROOT);
  }

  /** Compares one file; returns null when it matches, else a description of the difference. */
  @SuppressWarnings("unchecked")
  static String compare(String path, String text, Map<String, Object> ref) {
    Map<String, Object> mine;
    try {
      mine = (Map<String, Object>) MiniJson.parse(AstJson.line(path, text));
    } catch (RuntimeException e) {
      return "exception " + e;
    }
    boolean refOk = Boolean.TRUE.equals(ref.get("ok"));
    boolean myOk = Boolean.TRUE.equals(mine.get("ok"));
    if (refOk != myOk) {
      return "ok differs: buildkit " + refOk + " (" + ref.get("error") + "), mine " + myOk + " ("
          + mine.get("error") + " at line " + mine.get("errorLine") + ")";
    }
    if (!refOk) {
      String want = bareError((String) ref.get("error"));
      String got = ((String) mine.get("error")).toLowerCase(Locale.ROOT);
      if (!got.contains(want) && !want.contains(got)) {
        return "error differs: buildkit '" + want + "', mine '" + got + "'";
      }
      if (!String.valueOf(ref.get("errorLine")).equals(String.valueOf(mine.get("errorLine")))) {
        return "error line differs: buildkit " + ref.get("errorLine") + ", mine " + mine.get("errorLine");
      }
    }
    if (ref.containsKey("ast") && !((List<Object>) ref.get("ast")).isEmpty()) {
      List<Object> want = normalizeAst(ref);
      List<Object> got = normalizeAst(mine);
      if (!want.equals(got)) {
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
          Object w = i < want.size() ? want.get(i) : null;
          Object g = i < got.size() ? got.get(i) : null;
          if (w == null || !w.equals(g)) {
            return "ast differs at node " + i + ":\n  buildkit " + w + "\n  mine     " + g;
          }
        }
      }
    }
    if (!String.valueOf(ref.get("escapeToken")).equals(String.valueOf(mine.get("escapeToken")))
        && mine.containsKey("escapeToken")) {
      return "escape token differs";
    }
    return null;
  }

  @Test
  void everyCorpusFileMatchesBuildKit() {
    List<String> files = Corpus.files();
    Map<String, Map<String, Object>> reference = Corpus.reference();
    Map<String, String> known = Corpus.knownFailures();
    Map<String, String> failures = new TreeMap<>();
    int matched = 0;
    int invalid = 0;
    for (String path : files) {
      Map<String, Object> ref = reference.get(path);
      assertThat(ref).as("reference entry for %s", path).isNotNull();
      String diff = compare(path, Corpus.read(path), ref);
      if (diff == null) {
        matched++;
        if (!Boolean.TRUE.equals(ref.get("ok"))) {
          invalid++;
        }
      } else {
        failures.put(path, diff);
      }
    }
    System.out.printf(
        "corpus: %d files, %d match BuildKit (%d of them invalid files with the same error), %d differ%n",
        files.size(), matched, invalid, failures.size());
    failures.forEach((k, v) -> System.out.println("DIFF " + k + ": " + v));
    assertThat(files).hasSize(reference.size());
    assertThat(failures.keySet())
        .as("files differing from BuildKit (known failures are listed in corpus-known-failures.txt)")
        .containsExactlyInAnyOrderElementsOf(known.keySet());
  }
}
