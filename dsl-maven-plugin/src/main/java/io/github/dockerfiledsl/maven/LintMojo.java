package io.github.dockerfiledsl.maven;

import io.github.dockerfiledsl.lint.Finding;
import io.github.dockerfiledsl.lint.LintReport;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Severity;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.render.UnifiedDiff;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lints the project's Dockerfiles (what {@code render} writes, as it would write it, and the
 * hand-written ones) with the configured severities, logs every finding, writes a SARIF 2.1.0 log
 * and fails the build when a finding is at or above {@link #failOn}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LintMojo extends AbstractDockerfileMojo {
  /**
   * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or
   * {@code none}.
   */
  @Parameter(property = "dockerfile-dsl.failOn", defaultValue = "error")
  protected String failOn;

  /**
   * Severities by rule, overriding the defaults: the key is a rule's id, name, BuildKit name or
   * hadolint code ({@code <DL3007>error</DL3007>}), the value {@code error}, {@code warning},
   * {@code info} or {@code off} (the rule does not run).
   */
  @Parameter
  protected Map<String, String> severities;

  /** Also runs the experimental rules. */
  @Parameter(property = "dockerfile-dsl.experimental", defaultValue = "false")
  protected boolean experimental;

  /** Where the SARIF 2.1.0 log is written (file names in it are relative to the base directory). */
  @Parameter(property = "dockerfile-dsl.sarifFile",
      defaultValue = "${project.build.directory}/dockerfile-dsl/lint.sarif")
  protected File sarifFile;

  /** Creates the goal; Maven sets its parameters. */
  public LintMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("dockerfile-dsl: skipped");
      return;
    }
    Severity threshold = threshold();
    Linter linter = linter();
    List<Rendered> rendered = renderAll();
    Map<String, String> inputs = new LinkedHashMap<>();
    rendered.forEach(r -> inputs.put(display(r.output()), r.text()));
    List<String> problems = new ArrayList<>();
    for (Path p : handWritten(rendered)) {
      try {
        inputs.put(display(p), read(p));
      } catch (SourceException e) {
        problems.add(e.getMessage());
      }
    }
    List<LintReport> reports = new ArrayList<>();
    for (Map.Entry<String, String> in : inputs.entrySet()) {
      try {
        reports.add(linter.lint(in.getKey(), in.getValue()));
      } catch (DockerfileParseException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new MojoFailureException(String.join("\n", problems));
    }
    int failing = 0;
    int total = 0;
    for (LintReport report : reports) {
      for (Finding f : report.findings()) {
        total++;
        String line = report.fileName() + f.position().map(p -> ":" + p.line() + ":" + p.column())
            .orElse("") + ": " + f.severity().label() + " " + f.id() + " " + f.message();
        switch (f.severity()) {
          case ERROR -> getLog().error(line);
          case WARNING -> getLog().warn(line);
          default -> getLog().info(line);
        }
        if (threshold != null && f.severity().compareTo(threshold) <= 0) {
          failing++;
        }
      }
    }
    Path sarif = resolve(sarifFile);
    RenderMojo.write(sarif, LintReport.sarif(reports));
    getLog().info("dockerfile-dsl: linted " + reports.size() + " Dockerfile"
        + (reports.size() == 1 ? "" : "s") + ", " + total + " finding" + (total == 1 ? "" : "s")
        + "; SARIF in " + display(sarif));
    if (failing > 0) {
      throw new MojoFailureException(failing + " lint finding" + (failing == 1 ? "" : "s")
          + " at or above " + threshold.label() + " (failOn); see the log above or "
          + display(sarif));
    }
  }

  private Severity threshold() throws MojoExecutionException {
    String v = failOn == null ? "error" : failOn.strip().toLowerCase(Locale.ROOT);
    switch (v) {
      case "none":
        return null;
      case "error":
      case "warning":
      case "info":
        return Severity.valueOf(v.toUpperCase(Locale.ROOT));
      default:
        throw new MojoExecutionException("failOn: '" + UnifiedDiff.escapeControls(failOn)
            + "' is not one of error, warning, info, none");
    }
  }

  private Linter linter() throws MojoExecutionException {
    Linter linter = Linter.defaults();
    if (experimental) {
      linter = linter.withExperimental();
    }
    if (severities != null) {
      List<String> off = new ArrayList<>();
      for (Map.Entry<String, String> e : severities.entrySet()) {
        String rule = e.getKey();
        if (linter.rule(rule).isEmpty()) {
          throw new MojoExecutionException("severities: no lint rule named '"
              + UnifiedDiff.escapeControls(rule) + "' (an id like DF114, a name like LatestTag, a"
              + " BuildKit check name or a hadolint code like DL3007)");
        }
        String v = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
        switch (v) {
          case "off" -> off.add(rule);
          case "error", "warning", "info" ->
              linter = linter.withSeverity(rule, Severity.valueOf(v.toUpperCase(Locale.ROOT)));
          default -> throw new MojoExecutionException("severities: "
              + UnifiedDiff.escapeControls(rule) + ": '"
              + UnifiedDiff.escapeControls(String.valueOf(e.getValue()))
              + "' is not one of error, warning, info, off");
        }
      }
      linter = linter.without(off.toArray(String[]::new));
    }
    Path ignore = project.getBasedir().toPath().resolve(".dockerignore");
    if (Files.isRegularFile(ignore)) {
      try {
        linter = linter.withDockerignore(Files.readAllLines(ignore));
      } catch (IOException e) {
        throw new MojoExecutionException(".dockerignore: cannot read: " + e.getMessage(), e);
      }
    }
    return linter;
  }
}
