package io.github.dockerfiledsl.lint;

import io.github.dockerfiledsl.internal.Checks;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.render.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings of one {@link Linter} run over one Dockerfile, with writers for text, JSON and
 * SARIF 2.1.0.
 *
 * <p>Text is one line per finding, {@code file:line:col: severity id message}; without a position
 * (a built model) it is {@code file: severity id message}. The {@link #exitCode() exit code} of
 * the {@code lint} command is 1 if any finding is an error and 0 otherwise.
 */
public final class LintReport {
  private static final String SARIF_SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The rule id of the result a file that is not a valid Dockerfile gets: {@value}. */
  public static final String PARSE_ERROR_ID = "DF000";

  /** The pseudo-rule of parse errors: it checks nothing, it names the result in reports. */
  private static final Rule PARSE_ERROR = new Rule() {
    @Override
    public String id() {
      return PARSE_ERROR_ID;
    }

    @Override
    public String name() {
      return "ParseError";
    }

    @Override
    public Severity severity() {
      return Severity.ERROR;
    }

    @Override
    public String summary() {
      return "the file must be a valid Dockerfile";
    }

    @Override
    public void check(LintContext context) {
      // parse errors are found by the parser, not by a rule
    }
  };

  /**
   * Orders findings by line, then column (0 without a position); a plain class, not comparator
   * lambdas: Comparator.comparing's serializable lambdas are spun at run time, outside the CDS
   * archive and the AOT cache.
   */
  private static final Comparator<Finding> BY_POSITION = new Comparator<>() {
    @Override
    public int compare(Finding a, Finding b) {
      int c = Integer.compare(line(a), line(b));
      return c != 0 ? c : Integer.compare(column(a), column(b));
    }

    private int line(Finding f) {
      return f.position().isPresent() ? f.position().get().line() : 0;
    }

    private int column(Finding f) {
      return f.position().isPresent() ? f.position().get().column() : 0;
    }
  };

  private final List<Finding> findings;
  private final List<Rule> rules;
  private final String fileName;

  LintReport(List<Finding> findings, List<Rule> rules, String fileName) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(BY_POSITION);
    this.findings = List.copyOf(sorted);
    this.rules = List.copyOf(rules);
    this.fileName = Objects.requireNonNull(fileName, "fileName == null");
  }

  /**
   * Returns the report of a file that could not be linted because it is not a valid Dockerfile:
   * one error {@value #PARSE_ERROR_ID} (ParseError) at the parser's position, with the parser's
   * reason (and what it expected) as the message, so that JSON and SARIF consumers see the file.
   *
   * @param fileName the file name written in reports
   * @param error the parser's error
   * @return the report
   */
  public static LintReport parseError(String fileName, DockerfileParseException error) {
    String message = error.reason()
        + error.expected().map(e -> " (expected " + e + ")").orElse("");
    Finding f = new Finding(PARSE_ERROR_ID, Severity.ERROR,
        Optional.of(new Position(error.line(), error.column())), message, Optional.empty());
    return new LintReport(List.of(f), List.of(PARSE_ERROR), fileName);
  }

  /**
   * Returns the findings, by position (unpositioned ones first, in rule order).
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * Returns the file name used in the reports.
   *
   * @return the file name, {@code Dockerfile} unless set
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns this report with another file name.
   *
   * @param newFileName the name written in reports, e.g. a relative path
   * @return a new report
   */
  public LintReport withFileName(String newFileName) {
    return new LintReport(findings, rules, newFileName);
  }

  /**
   * Returns the findings of one rule.
   *
   * @param id the rule id
   * @return the findings with that id
   */
  public List<Finding> findings(String id) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.id().equals(id)) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns whether any finding is an error.
   *
   * @return true if the {@code lint} command should fail
   */
  public boolean hasErrors() {
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether there are no findings.
   *
   * @return true if clean
   */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /**
   * Returns the exit code of the {@code lint} command for this report.
   *
   * @return 1 if there are errors, otherwise 0
   */
  public int exitCode() {
    return hasErrors() ? 1 : 0;
  }

  /**
   * Returns the number of findings per rule id, in rule order, rules without findings left out.
   *
   * @return the counts
   */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Rule r : rules) {
      int n = findings(r.id()).size();
      if (n > 0) {
        out.put(r.id(), n);
      }
    }
    return out;
  }

  /**
   * Writes the text report with this report's file name.
   *
   * @return one line per finding, each ending with a line break
   */
  public String text() {
    return text(fileName);
  }

  /**
   * Writes the text report: {@code file:line:col: severity id message} per finding.
   *
   * @param file the file name to write
   * @return one line per finding, each ending with a line break
   */
  public String text(String file) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append(Checks.escapeControls(file, false)).append(':');
      if (f.position().isPresent()) {
        Position p = f.position().get();
        sb.append(p.line()).append(':').append(p.column()).append(':');
      }
      sb.append(' ').append(f.severity().label()).append(' ').append(f.id()).append(' ')
          .append(Checks.escapeControls(f.message(), false)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Writes the JSON report: an object with the file name and an array of findings, each with
   * {@code id}, {@code name}, {@code severity}, {@code line} and {@code column} (when known),
   * {@code message}, and {@code fix} (the fix description, when there is one).
   *
   * @return the JSON text, one line, ending with a line break
   */
  public String json() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"file\":").append(Json.string(fileName)).append(",\"findings\":[");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":").append(Json.string(f.id()));
      sb.append(",\"name\":").append(Json.string(ruleName(f.id())));
      sb.append(",\"severity\":").append(Json.string(f.severity().label()));
      if (f.position().isPresent()) {
        Position p = f.position().get();
        sb.append(",\"line\":").append(p.line()).append(",\"column\":").append(p.column());
      }
      sb.append(",\"message\":").append(Json.string(f.message()));
      if (f.fix().isPresent()) {
        sb.append(",\"fix\":").append(Json.string(f.fix().get().description()));
      }
      sb.append('}');
    }
    sb.append("]}\n");
    return sb.toString();
  }

  /**
   * Writes a SARIF 2.1.0 log of this report.
   *
   * @return the SARIF JSON text
   */
  public String sarif() {
    return sarif(List.of(this));
  }

  /**
   * Writes one SARIF 2.1.0 log for several reports (one run, one artifact per file); the
   * driver lists the rules of all reports, each once, in the order they first appear.
   *
   * @param reports the reports, each with its file name
   * @return the SARIF JSON text, ending with a line break
   */
  public static String sarif(List<LintReport> reports) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (LintReport r : reports) {
      r.rules.forEach(rule -> byId.putIfAbsent(rule.id(), rule));
    }
    List<Rule> rules = new ArrayList<>(byId.values());
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder();
    sb.append("{\"$schema\":").append(Json.string(SARIF_SCHEMA));
    sb.append(",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{");
    sb.append("\"name\":\"dockerfile-dsl\"");
    sb.append(",\"rules\":[");
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      ruleIndex.put(r.id(), i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":").append(Json.string(r.id()));
      sb.append(",\"name\":").append(Json.string(r.name()));
      sb.append(",\"shortDescription\":{\"text\":").append(Json.string(r.summary())).append('}');
      sb.append(",\"defaultConfiguration\":{\"level\":")
          .append(Json.string(r.severity().sarifLevel())).append('}');
      sb.append(",\"properties\":{");
      StringBuilder props = new StringBuilder();
      r.buildkit().ifPresent(b -> props.append("\"buildkit\":").append(Json.string(b)));
      r.hadolint().ifPresent(h -> props.append(props.length() > 0 ? "," : "")
          .append("\"hadolint\":").append(Json.string(h)));
      sb.append(props).append("}}");
    }
    sb.append("]}}");
    sb.append(",\"artifacts\":[");
    for (int i = 0; i < reports.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"location\":{\"uri\":").append(Json.string(reports.get(i).fileName)).append("}}");
    }
    sb.append("],\"results\":[");
    boolean first = true;
    for (int i = 0; i < reports.size(); i++) {
      LintReport report = reports.get(i);
      for (Finding f : report.findings) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append("{\"ruleId\":").append(Json.string(f.id()));
        Integer idx = ruleIndex.get(f.id());
        if (idx != null) {
          sb.append(",\"ruleIndex\":").append(idx);
        }
        sb.append(",\"level\":").append(Json.string(f.severity().sarifLevel()));
        sb.append(",\"message\":{\"text\":").append(Json.string(f.message())).append('}');
        sb.append(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
            .append(Json.string(report.fileName)).append(",\"index\":").append(i).append('}');
        f.position().ifPresent(p -> sb.append(",\"region\":{\"startLine\":").append(p.line())
            .append(",\"startColumn\":").append(p.column()).append('}'));
        sb.append("}}]");
        f.fix().ifPresent(x -> sb.append(",\"properties\":{\"fix\":")
            .append(Json.string(x.description())).append('}'));
        sb.append('}');
      }
    }
    sb.append("]}]}\n");
    return sb.toString();
  }

  private String ruleName(String id) {
    for (Rule r : rules) {
      if (r.id().equals(id)) {
        return r.name();
      }
    }
    return id;
  }

  @Override
  public String toString() {
    return text();
  }
}
