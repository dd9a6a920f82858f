package io.github.dockerfiledsl.image;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.internal.Checks;
import io.github.dockerfiledsl.lint.Positions;
import io.github.dockerfiledsl.lint.rules.Edit;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.AstValidator;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rewrites the image references of a Dockerfile ({@link ImageUses}): in the model, or in the
 * source text, where only the characters of each changed reference change (comments, spacing,
 * continuations and everything else stay byte for byte).
 *
 * <pre>{@code
 * String pinned = ImageRewrite.source("Dockerfile", text, ref -> Optional.of(ref.withDigest(d)));
 * }</pre>
 *
 * <p>The change function is asked once per distinct reference (as written), in document order;
 * an exception it throws propagates and nothing is rewritten.
 */
public final class ImageRewrite {
  private ImageRewrite() {}

  /**
   * Rewrites the image references of a model.
   *
   * @param d the Dockerfile
   * @param change the new reference for a reference, or empty to leave it
   * @return the rewritten Dockerfile, or {@code d} itself when nothing changed
   */
  public static Dockerfile model(Dockerfile d, Function<ImageRef, Optional<ImageRef>> change) {
    Objects.requireNonNull(d, "dockerfile == null");
    Function<String, Optional<String>> values = memo(change);
    Map<Instruction, Map<String, String>> perInstruction = changes(d, values);
    Dockerfile out = d;
    for (Map.Entry<Instruction, Map<String, String>> e : perInstruction.entrySet()) {
      // other instructions keep their identity when one is replaced
      out = replace(out, e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * Rewrites the image references of Dockerfile text in place: the result differs from the input
   * only in the changed references, and parses to {@link #model} of the parsed input.
   *
   * @param fileName the file name for messages, or null
   * @param text the Dockerfile text
   * @param change the new reference for a reference, or empty to leave it
   * @return the rewritten text ({@code text} itself when nothing changed)
   * @throws DockerfileParseException when the text is not a valid Dockerfile, or a reference to
   *     change is not written as one plain word (quoted, or split by a line continuation)
   */
  public static String source(
      String fileName, String text, Function<ImageRef, Optional<ImageRef>> change) {
    Objects.requireNonNull(text, "text == null");
    Ast ast = AstParser.parse(fileName, text);
    AstValidator.validate(ast);
    Dockerfile model = DockerfileParser.toModel(ast);
    List<Instruction> order = Positions.inDocumentOrder(model);
    if (order.size() != ast.nodes().size()) {
      throw new IllegalStateException("model and source disagree on the number of instructions");
    }
    Map<Instruction, AstNode> nodes = new IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      nodes.put(order.get(i), ast.nodes().get(i));
    }
    Function<String, Optional<String>> values = memo(change);
    int[] lineStarts = lineStarts(text);
    List<int[]> spans = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    Map<Instruction, Map<String, String>> perInstruction = changes(model, values);
    for (Map.Entry<Instruction, Map<String, String>> e : perInstruction.entrySet()) {
      AstNode node = nodes.get(e.getKey());
      new Locator(ast, text, lineStarts, node).locate(e.getKey(), e.getValue(), spans,
          replacements);
    }
    if (spans.isEmpty()) {
      return text;
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingInt((Integer i) -> spans.get(i)[0]).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (int i : idx) {
      sb.replace(spans.get(i)[0], spans.get(i)[1], replacements.get(i));
    }
    String result = sb.toString();
    Dockerfile expected = model(model, r -> values.apply(r.toString()).map(ImageRef::parse));
    Dockerfile actual;
    try {
      actual = DockerfileParser.parse(fileName, result);
    } catch (DockerfileParseException ex) {
      throw new IllegalStateException("the rewritten text does not parse: " + ex.getMessage(), ex);
    }
    if (!actual.equals(expected)) {
      throw new IllegalStateException("the rewritten text does not read back as the rewritten"
          + " model");
    }
    return result;
  }

  /**
   * Returns the change that pins a reference: a reference with a tag (or none, which means
   * {@code latest}) becomes {@code name:tag@digest} with the digest the resolver gives for the
   * tag; a reference that already has a digest is left alone.
   *
   * @param resolver the resolver
   * @return the change
   */
  public static Function<ImageRef, Optional<ImageRef>> pin(DigestResolver resolver) {
    Objects.requireNonNull(resolver, "resolver == null");
    return ref -> {
      if (ref.digest().isPresent()) {
        return Optional.empty();
      }
      ImageRef tagged = ref.tag().isPresent() ? ref : ref.withTag("latest");
      String digest = resolver.digest(tagged);
      try {
        return Optional.of(tagged.withDigest(digest));
      } catch (IllegalArgumentException e) {
        throw new ImageResolutionException(ref.toString(), "cannot pin " + Checks.quote(
            ref.toString()) + ": the resolver answered " + Checks.quote(String.valueOf(digest))
            + ", which is not a digest", e);
      }
    };
  }

  /**
   * Returns the change that moves references to mirrors: the most specific matching rule
   * applies ({@link Mirror#applyFirst}).
   *
   * @param mirrors the rules
   * @return the change
   */
  public static Function<ImageRef, Optional<ImageRef>> mirrors(List<Mirror> mirrors) {
    List<Mirror> rules = Mirror.checkDistinct(mirrors);
    return ref -> Mirror.applyFirst(rules, ref);
  }

  private static Function<String, Optional<String>> memo(
      Function<ImageRef, Optional<ImageRef>> change) {
    Objects.requireNonNull(change, "change == null");
    Map<String, Optional<String>> cache = new HashMap<>();
    return written -> {
      Optional<String> known = cache.get(written);
      if (known != null) {
        return known;
      }
      Optional<ImageRef> r = ImageUses.reference(written).flatMap(change);
      Optional<String> v = r.map(ImageRef::toString).filter(s -> !s.equals(written));
      cache.put(written, v);
      return v;
    };
  }

  /** The changed references of each instruction, in document order, by identity. */
  private static Map<Instruction, Map<String, String>> changes(
      Dockerfile d, Function<String, Optional<String>> values) {
    Map<Instruction, Map<String, String>> out = new IdentityHashMap<>();
    List<Instruction> order = new ArrayList<>();
    for (ImageUse use : ImageUses.of(d)) {
      Optional<String> v = values.apply(use.written());
      if (v.isPresent()) {
        if (!out.containsKey(use.instruction())) {
          order.add(use.instruction());
        }
        out.computeIfAbsent(use.instruction(), k -> new HashMap<>()).put(use.written(), v.get());
      }
    }
    Map<Instruction, Map<String, String>> ordered = new java.util.LinkedHashMap<>();
    for (Instruction i : order) {
      ordered.put(i, out.get(i));
    }
    return ordered;
  }

  private static Dockerfile replace(Dockerfile d, Instruction target, Map<String, String> changes) {
    Instruction with;
    if (target instanceof FromInstruction f) {
      with = new FromInstruction(changes.get(f.image()), f.platform(), f.name());
      for (int s = 0; s < d.stages().size(); s++) {
        Stage stage = d.stages().get(s);
        if (stage.from() == target) {
          List<Stage> stages = new ArrayList<>(d.stages());
          stages.set(s, stage.toBuilder().from((FromInstruction) with).build());
          return d.toBuilder().stages(stages).build();
        }
      }
      throw new IllegalStateException("FROM not found");
    } else if (target instanceof CopyInstruction c) {
      with = c.withFrom(changes.get(c.from().orElseThrow()));
    } else if (target instanceof RunInstruction r) {
      List<Mount> mounts = new ArrayList<>();
      for (Mount m : r.mounts()) {
        mounts.add(mapMount(m, changes));
      }
      with = r.withMounts(mounts);
    } else {
      throw new IllegalStateException("unexpected " + target.keyword());
    }
    return Edit.replace(d, target, with);
  }

  private static Mount mapMount(Mount m, Map<String, String> changes) {
    if (m instanceof Mount.Bind b && b.from().map(changes::containsKey).orElse(false)) {
      return new Mount.Bind(b.target(), b.source(), Optional.of(changes.get(b.from().get())),
          b.readWrite());
    }
    if (m instanceof Mount.Cache c && c.from().map(changes::containsKey).orElse(false)) {
      return new Mount.Cache(c.target(), c.id(), c.sharing(),
          Optional.of(changes.get(c.from().get())), c.source(),
          c.readOnly(), c.mode(), c.uid(), c.gid());
    }
    return m;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    starts.add(i);
    for (int p = i; p < text.length(); p++) {
      if (text.charAt(p) == '\n') {
        starts.add(p + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Finds the words of one instruction's flags and first argument in the source text. */
  private static final class Locator {
    private final Ast ast;
    private final String text;
    private final int[] lineStarts;
    private final AstNode node;
    private final char escape;
    private int pos;

    Locator(Ast ast, String text, int[] lineStarts, AstNode node) {
      this.ast = ast;
      this.text = text;
      this.lineStarts = lineStarts;
      this.node = node;
      this.escape = ast.escapeToken();
      this.pos = lineStarts[node.startLine() - 1] + node.column() - 1 + node.value().length();
    }

    void locate(Instruction instruction, Map<String, String> changes, List<int[]> spans,
        List<String> replacements) {
      int found = 0;
      int expected = changes.size();
      Map<String, Boolean> seen = new HashMap<>();
      if (instruction instanceof FromInstruction f) {
        int[] w;
        while ((w = word()) != null && text.startsWith("--", w[0])) {
          // a flag
        }
        if (w != null && text.substring(w[0], w[1]).equals(f.image())) {
          spans.add(w);
          replacements.add(changes.get(f.image()));
          found = 1;
        }
      } else {
        int[] w;
        while ((w = word()) != null && text.startsWith("--", w[0])) {
          String word = text.substring(w[0], w[1]);
          if (instruction instanceof CopyInstruction && word.startsWith("--from=")) {
            String v = word.substring("--from=".length());
            if (changes.containsKey(v)) {
              spans.add(new int[] {w[0] + "--from=".length(), w[1]});
              replacements.add(changes.get(v));
              seen.put(v, true);
            }
          } else if (instruction instanceof RunInstruction && word.startsWith("--mount=")) {
            int start = w[0] + "--mount=".length();
            while (start <= w[1]) {
              int comma = text.indexOf(',', start);
              int end = comma < 0 || comma > w[1] ? w[1] : comma;
              String field = text.substring(start, end);
              if (field.startsWith("from=") && changes.containsKey(field.substring(5))) {
                spans.add(new int[] {start + 5, end});
                replacements.add(changes.get(field.substring(5)));
                seen.put(field.substring(5), true);
              }
              start = end + 1;
            }
          }
        }
        found = seen.size();
      }
      if (found != expected) {
        String which = changes.keySet().stream().filter(k -> !seen.containsKey(k)).findFirst()
            .orElse(changes.keySet().iterator().next());
        throw new DockerfileParseException(ast.fileName(), node.startLine(), node.column(),
            "cannot rewrite image reference " + Checks.quote(which) + " in place: it is not"
                + " written as one plain word (quoted, or split by a line continuation)",
            ast.line(node.startLine()), "the reference as one unquoted word; 'dockerfile-dsl"
                + " fmt -w' writes it so");
      }
    }

    /** Returns the next word's [start, end) within the instruction, or null at its end. */
    private int[] word() {
      int n = text.length();
      while (pos < n) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t') {
          pos++;
        } else if (c == escape && restBlank(pos + 1)) {
          pos = nextLine(pos);
          while (pos < n && blankOrComment(pos)) {
            pos = nextLine(pos);
          }
        } else if (c == '\n' || c == '\r') {
          return null;
        } else {
          break;
        }
      }
      if (pos >= n) {
        return null;
      }
      int start = pos;
      while (pos < n) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == escape && restBlank(pos + 1)) {
          break;
        }
        pos++;
      }
      return new int[] {start, pos};
    }

    private boolean restBlank(int p) {
      for (int i = p; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          return true;
        }
        if (c != ' ' && c != '\t') {
          return false;
        }
      }
      return true;
    }

    private int nextLine(int p) {
      int nl = text.indexOf('\n', p);
      return nl < 0 ? text.length() : nl + 1;
    }

    private boolean blankOrComment(int p) {
      for (int i = p; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' || c == '#') {
          return true;
        }
        if (c != ' ' && c != '\t') {
          return false;
        }
      }
      return true;
    }
  }
}
