package io.github.dockerfiledsl.instruction;

import java.util.regex.Pattern;

/** The formats BuildKit parses some mount options with (after variable expansion). */
final class MountFormats {
  /** Octal file mode, as {@code strconv.ParseUint(v, 8, 32)} reads it. */
  static final Pattern MODE = Pattern.compile("[0-7]{1,11}");

  /** Decimal user or group id. */
  static final Pattern ID = Pattern.compile("[0-9]{1,10}");

  /** A byte size as go-units reads it ({@code 64m}, {@code 1.5GiB}, {@code 100}). */
  static final Pattern SIZE = Pattern.compile("[0-9]+(?:\\.[0-9]+)? ?(?:[kKmMgGtTpP][iI]?)?[bB]?");

  private MountFormats() {}
}
