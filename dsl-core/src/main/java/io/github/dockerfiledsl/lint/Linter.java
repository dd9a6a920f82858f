package io.github.dockerfiledsl.lint;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.rules.Rules;
import io.github.dockerfiledsl.lint.rules.UntrustedRegistry;
import io.github.dockerfiledsl.parse.Ast;
import io.github.dockerfiledsl.parse.AstNode;
import io.github.dockerfiledsl.parse.AstParser;
import io.github.dockerfiledsl.parse.AstValidator;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs {@link Rule rules} over a Dockerfile model, parsed or built, and applies their fixes.
 *
 * <pre>{@code
 * LintReport report = Linter.defaults().lint(dockerfile);
 * System.out.print(report.text("Dockerfile")); // Dockerfile:3:1: warning DF101 ...
 * Dockerfile fixed = Linter.defaults().fix(dockerfile);
 * }</pre>
 *
 * <p>Findings are suppressed by BuildKit's {@code check} directive: {@code # check=skip=A,B} at
 * the top of the file skips rules for the whole file, and the same comment directly above an
 * instruction skips them for that instruction only. A rule may be named by its id ({@code
 * DF007}), its name, its BuildKit check name or its hadolint code; {@code skip=all} skips all.
 * {@code # check=error=true} turns warnings into errors, and experimental rules run only when
 * {@code # check=experimental=<name>|all} or {@link #withExperimental()} enables them. Immutable
 * and thread-safe.
 */
public final class Linter {
  private static final int MAX_FIXES = 500;

  /** No positions (a built model); a class rather than a lambda, for start-up. */
  private static final Function<Instruction, Optional<Position>> NO_POSITIONS =
      new Function<>() {
        @Override
        public Optional<Position> apply(Instruction i) {
          return Optional.empty();
        }
      };

  private final List<Rule> rules;
  private final List<String> dockerignore;
  private final boolean experimental;
  private final Map<String, Severity> severities;

  private Linter(List<Rule> rules, List<String> dockerignore, boolean experimental) {
    this(rules, dockerignore, experimental, Map.of());
  }

  private Linter(List<Rule> rules, List<String> dockerignore, boolean experimental,
      Map<String, Severity> severities) {
    this.rules = List.copyOf(rules);
    this.dockerignore = List.copyOf(dockerignore);
    this.experimental = experimental;
    this.severities = Map.copyOf(severities);
    Set<String> ids = new HashSet<>();
    for (Rule r : this.rules) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("duplicate rule id '" + r.id() + "'");
      }
    }
  }

  /**
   * Returns a linter with all built-in rules (see docs/lint-rules.md).
   *
   * @return the default linter
   */
  public static Linter defaults() {
    return new Linter(Rules.all(), List.of(), false);
  }

  /**
   * Returns a linter with the given rules, in order (fixes are applied in this order).
   *
   * @param rules the rules
   * @return the linter
   */
  public static Linter of(Collection<? extends Rule> rules) {
    return new Linter(new ArrayList<>(rules), List.of(), false);
  }

  /**
   * Returns the rules, in order.
   *
   * @return the rules
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Returns the rule with the given id, name, BuildKit name or hadolint code.
   *
   * @param name the id or name
   * @return the rule
   */
  public Optional<Rule> rule(String name) {
    return rules.stream().filter(r -> r.isNamed(name)).findFirst();
  }

  /**
   * Returns a linter without the named rules.
   *
   * @param names ids, names, BuildKit names or hadolint codes
   * @return a new linter
   */
  public Linter without(String... names) {
    List<String> n = Arrays.asList(names);
    List<Rule> kept = new ArrayList<>();
    for (Rule r : rules) {
      if (n.stream().noneMatch(r::isNamed)) {
        kept.add(r);
      }
    }
    return new Linter(kept, dockerignore, experimental, severities);
  }

  /**
   * Returns a linter with only the named rules.
   *
   * @param names ids, names, BuildKit names or hadolint codes
   * @return a new linter
   */
  public Linter only(String... names) {
    List<String> n = Arrays.asList(names);
    List<Rule> kept = new ArrayList<>();
    for (Rule r : rules) {
      if (n.stream().anyMatch(r::isNamed)) {
        kept.add(r);
      }
    }
    return new Linter(kept, dockerignore, experimental, severities);
  }

  /**
   * Returns a linter that knows the build context's {@code .dockerignore} (for the
   * CopyIgnoredFile check).
   *
   * @param lines the lines of {@code .dockerignore}
   * @return a new linter
   */
  public Linter withDockerignore(List<String> lines) {
    return new Linter(rules, lines, experimental, severities);
  }

  /**
   * Returns a linter that also runs the experimental rules, whatever the Dockerfile's {@code
   * check} directive says.
   *
   * @return a new linter
   */
  public Linter withExperimental() {
    return new Linter(rules, dockerignore, true, severities);
  }

  /**
   * Returns a linter that reports the findings of one rule with another severity (a build's
   * configured severities); {@code # check=error=true} still turns warnings into errors.
   *
   * @param name the rule's id, name, BuildKit name or hadolint code
   * @param severity the severity of its findings
   * @return a new linter
   * @throws IllegalArgumentException when no rule of this linter has that name
   */
  public Linter withSeverity(String name, Severity severity) {
    Objects.requireNonNull(severity, "severity == null");
    Rule rule = rule(name).orElseThrow(() -> new IllegalArgumentException(
        "no lint rule named '" + name + "'"));
    Map<String, Severity> next = new java.util.HashMap<>(severities);
    next.put(rule.id(), severity);
    return new Linter(rules, dockerignore, experimental, next);
  }

  /**
   * Returns a linter whose rule UntrustedRegistry (DF119, hadolint DL3026) trusts only
   * the given registries; an empty list trusts every registry, as by default.
   *
   * @param registries registry hosts, {@code *} matching any characters ({@code *.example.com})
   * @return a new linter
   */
  public Linter withTrustedRegistries(List<String> registries) {
    List<Rule> replaced = new ArrayList<>();
    for (Rule r : rules) {
      replaced.add(r instanceof UntrustedRegistry ? new UntrustedRegistry(registries) : r);
    }
    return new Linter(replaced, dockerignore, experimental, severities);
  }

  private Finding configured(Finding f) {
    Severity s = severities.get(f.id());
    return s == null ? f : f.withSeverity(s);
  }

  /**
   * Returns a linter whose tag rules (DF113 UntaggedImage, DF114 LatestTag) offer to pin the
   * image by digest as their fix, asking the resolver (a registry client) when the fix is
   * applied.
   *
   * @param resolver the resolver
   * @return a new linter
   */
  public Linter withResolver(io.github.dockerfiledsl.image.DigestResolver resolver) {
    Objects.requireNonNull(resolver, "resolver == null");
    List<Rule> replaced = new ArrayList<>();
    for (Rule r : rules) {
      if (r instanceof io.github.dockerfiledsl.lint.rules.LatestTag) {
        replaced.add(new io.github.dockerfiledsl.lint.rules.LatestTag(resolver));
      } else if (r instanceof io.github.dockerfiledsl.lint.rules.UntaggedImage) {
        replaced.add(new io.github.dockerfiledsl.lint.rules.UntaggedImage(resolver));
      } else {
        replaced.add(r);
      }
    }
    return new Linter(replaced, dockerignore, experimental, severities);
  }

  private boolean skipped(CheckDirective fileCheck, Rule rule) {
    return fileCheck.skips(rule) || rule.experimental() && !experimental && !fileCheck.enables(rule);
  }

  /**
   * Lints a Dockerfile without positions (a built model).
   *
   * @param dockerfile the Dockerfile
   * @return the report
   */
  public LintReport lint(Dockerfile dockerfile) {
    return lint(dockerfile, NO_POSITIONS);
  }

  /**
   * Lints a Dockerfile, taking the positions of its instructions from a lookup.
   *
   * @param dockerfile the Dockerfile
   * @param positions the position of each instruction, by identity (a parser's lookup)
   * @return the report
   */
  public LintReport lint(Dockerfile dockerfile, Function<Instruction, Optional<Position>> positions) {
    return lint(dockerfile, positions, (Ast) null);
  }

  /**
   * Parses Dockerfile text and lints it, with positions; rules about spelling that the model
   * normalises away (keyword casing, legacy {@code ENV k v}) read the text.
   *
   * <p>A duplicate stage name, which the model cannot hold, is reported as the error DF005 with
   * the other source findings; any other parse error is thrown.
   *
   * @param fileName the file name used in the report
   * @param text the Dockerfile text
   * @return the report
   * @throws DockerfileParseException when the text is not a valid Dockerfile
   */
  public LintReport lint(String fileName, String text) {
    Ast ast = AstParser.parse(fileName, text);
    AstValidator.validate(ast);
    Dockerfile dockerfile;
    try {
      dockerfile = DockerfileParser.toModel(ast);
    } catch (DockerfileParseException e) {
      List<Finding> sourceOnly = new ArrayList<>();
      CheckDirective fileCheck = Optional.ofNullable(ast.directive("check"))
          .map(CheckDirective::parse).orElse(CheckDirective.NONE);
      for (Rule rule : rules) {
        if (rule.needsSource() && !skipped(fileCheck, rule)) {
          LintContext context = new LintContext(placeholder(), NO_POSITIONS,
              Optional.of(ast), dockerignore);
          rule.check(context);
          context.reported().forEach(r -> sourceOnly.add(configured(r.finding())));
        }
      }
      if (sourceOnly.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
        return new LintReport(sourceOnly, rules, name(fileName));
      }
      throw e;
    }
    return lint(dockerfile, NO_POSITIONS, ast).withFileName(name(fileName));
  }

  /** Returns the positions of the AST's instructions paired with the model, or none. */
  private static Function<Instruction, Optional<Position>> astPositions(Dockerfile d, Ast ast) {
    List<Position> starts = new ArrayList<>();
    for (AstNode n : ast.nodes()) {
      starts.add(new Position(Math.max(1, n.startLine()), Math.max(1, n.column())));
    }
    try {
      return Positions.of(d, starts);
    } catch (IllegalArgumentException e) {
      return NO_POSITIONS;
    }
  }

  private static String name(String fileName) {
    return fileName == null ? "Dockerfile" : fileName;
  }

  private static Dockerfile placeholder() {
    return Dockerfile.of(Stage.of(io.github.dockerfiledsl.instruction.FromInstruction.of("scratch"),
        List.of()));
  }

  /**
   * Lints a Dockerfile parsed from the given text, with positions from a lookup; the rules that
   * read the source parse the text again. Prefer {@link #lint(String, String)}, which does all of
   * it in one call.
   *
   * @param dockerfile the Dockerfile parsed from {@code text}
   * @param positions the position of each instruction, by identity
   * @param text the source text, or null for a built model
   * @return the report
   */
  public LintReport lint(
      Dockerfile dockerfile, Function<Instruction, Optional<Position>> positions, String text) {
    Ast ast = null;
    if (text != null) {
      try {
        ast = AstParser.parse(null, text);
      } catch (DockerfileParseException e) {
        ast = null;
      }
    }
    return lint(dockerfile, positions, ast);
  }

  /**
   * Lints a Dockerfile with positions and, when it was parsed, the parser's AST (which also
   * supplies the positions the lookup does not know).
   *
   * @param dockerfile the Dockerfile
   * @param positions the position of each instruction, by identity
   * @param source the AST the Dockerfile was converted from, or null for a built model
   * @return the report
   */
  public LintReport lint(
      Dockerfile dockerfile, Function<Instruction, Optional<Position>> positions, Ast source) {
    Objects.requireNonNull(dockerfile, "dockerfile == null");
    Objects.requireNonNull(positions, "positions == null");
    if (source != null) {
      Function<Instruction, Optional<Position>> given = positions;
      Function<Instruction, Optional<Position>> fromAst = astPositions(dockerfile, source);
      positions = given == NO_POSITIONS ? fromAst : new Function<>() {
        @Override
        public Optional<Position> apply(Instruction i) {
          Optional<Position> p = given.apply(i);
          return p.isPresent() ? p : fromAst.apply(i);
        }
      };
    }
    Optional<String> check = dockerfile.directive("check");
    CheckDirective fileCheck = check.isPresent() ? CheckDirective.parse(check.get())
        : CheckDirective.NONE;
    Map<Instruction, CheckDirective> local = localChecks(dockerfile);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      if (skipped(fileCheck, rule)) {
        continue;
      }
      LintContext context =
          new LintContext(dockerfile, positions, Optional.ofNullable(source), dockerignore);
      try {
        rule.check(context);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "rule " + rule.id() + " (" + rule.name() + ") failed: " + e, e);
      }
      for (LintContext.Reported r : context.reported()) {
        CheckDirective here = r.subject() == null ? null : local.get(r.subject());
        if (here != null && here.skips(rule)) {
          continue;
        }
        Finding f = configured(r.finding());
        if (fileCheck.error() && f.severity() == Severity.WARNING) {
          f = f.withSeverity(Severity.ERROR);
        }
        findings.add(f);
      }
    }
    return new LintReport(findings, rules, "Dockerfile");
  }

  /**
   * Applies every available fix, linting again after each one, until no finding has a fix.
   *
   * @param dockerfile the Dockerfile
   * @return the fixed Dockerfile
   */
  public Dockerfile fix(Dockerfile dockerfile) {
    Dockerfile current = dockerfile;
    Set<String> stuck = new HashSet<>();
    for (int round = 0; round < MAX_FIXES; round++) {
      Finding next = null;
      for (Finding f : lint(current).findings()) {
        if (f.fixable() && !stuck.contains(f.id() + " " + f.message())) {
          next = f;
          break;
        }
      }
      if (next == null) {
        return current;
      }
      Dockerfile fixed;
      try {
        fixed = next.fix().get().apply(current);
      } catch (RuntimeException e) {
        fixed = current;
      }
      if (fixed.equals(current)) {
        stuck.add(next.id() + " " + next.message());
      }
      current = fixed;
    }
    return current;
  }

  /**
   * Parses Dockerfile text, applies every available fix and renders the result canonically, as
   * {@code lint --fix} does; the rules that read the source are fixed by the rendering itself.
   *
   * @param fileName the file name used in parse errors, or null
   * @param text the Dockerfile text
   * @return the fixed, canonical text
   * @throws DockerfileParseException when the text is not a valid Dockerfile
   */
  public String fix(String fileName, String text) {
    return fix(DockerfileParser.parse(fileName, text)).render();
  }

  /** Maps each instruction to the check directive in the comments directly above it. */
  private static Map<Instruction, CheckDirective> localChecks(Dockerfile d) {
    Map<Instruction, CheckDirective> out = new IdentityHashMap<>();
    scan(d.preamble(), null, out);
    for (int s = 0; s < d.stages().size(); s++) {
      Stage stage = d.stages().get(s);
      List<Instruction> above = new ArrayList<>(stage.leading());
      if (s == 0 && above.isEmpty()) {
        above.addAll(d.preamble());
      }
      scan(above, stage.from(), out);
      scan(stage.instructions(), null, out);
    }
    return out;
  }

  private static void scan(List<Instruction> elements, Instruction after, Map<Instruction, CheckDirective> out) {
    List<Instruction> all = new ArrayList<>(elements);
    if (after != null) {
      all.add(after);
    }
    for (int i = 0; i < all.size(); i++) {
      Instruction ins = all.get(i);
      if (ins.isTrivia() || (after != null && i < all.size() - 1)) {
        continue;
      }
      for (int j = i - 1; j >= 0 && !(all.get(j) instanceof BlankLine); j--) {
        if (all.get(j) instanceof Comment c) {
          Optional<CheckDirective> cd = CheckDirective.fromComment(c.text());
          if (cd.isPresent()) {
            out.put(ins, cd.get());
            break;
          }
        } else {
          break;
        }
      }
    }
  }
}
