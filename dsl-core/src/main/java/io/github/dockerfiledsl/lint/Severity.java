package io.github.dockerfiledsl.lint;

import java.util.Locale;

/** How serious a {@link Finding} is: errors fail the {@code lint} command, the rest do not. */
public enum Severity {
  /** The build fails or the image is certainly wrong. */
  ERROR,
  /** The build works but the image is likely larger, slower or less safe than intended. */
  WARNING,
  /** A suggestion or a caveat worth knowing. */
  INFO;

  /**
   * Returns the name written in reports.
   *
   * @return {@code error}, {@code warning} or {@code info}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the SARIF 2.1.0 {@code level} of this severity.
   *
   * @return {@code error}, {@code warning} or {@code note}
   */
  public String sarifLevel() {
    return this == INFO ? "note" : label();
  }
}
