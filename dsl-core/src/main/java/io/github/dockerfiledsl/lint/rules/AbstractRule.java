package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.lint.Rule;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Optional;

/** The metadata part of a built-in rule: id, name, severity, summary and equivalents. */
public abstract class AbstractRule implements Rule {
  private final String id;
  private final String name;
  private final Severity severity;
  private final String summary;
  private final Optional<String> buildkit;
  private final Optional<String> hadolint;

  /**
   * Creates the metadata.
   *
   * @param id the stable id
   * @param name the name
   * @param severity the severity
   * @param summary the summary
   * @param buildkit the BuildKit check name, or null
   * @param hadolint the hadolint code, or null
   */
  protected AbstractRule(
      String id, String name, Severity severity, String summary, String buildkit, String hadolint) {
    this.id = id;
    this.name = name;
    this.severity = severity;
    this.summary = summary;
    this.buildkit = Optional.ofNullable(buildkit);
    this.hadolint = Optional.ofNullable(hadolint);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final Optional<String> buildkit() {
    return buildkit;
  }

  @Override
  public final Optional<String> hadolint() {
    return hadolint;
  }

  @Override
  public String toString() {
    return id + " " + name;
  }
}
