package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Shared code of the package-manager helpers. */
final class Packages {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._+:=~@/,%-]+|\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");

  /** A Python requirement with extras, {@code name[extra,...]} and an optional version. */
  private static final Pattern EXTRAS = Pattern.compile(
      "[A-Za-z0-9._-]+\\[[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*][^\\[\\]]*");

  private Packages() {}

  /** Returns the packages as shell words, single-quoting those with shell metacharacters. */
  static String words(String[] packages, boolean allowEmpty) {
    Checks.notNull(packages, "packages");
    Checks.check(allowEmpty || packages.length > 0, "at least one package must be named");
    List<String> out = new ArrayList<>();
    for (String p : packages) {
      Checks.word(p, "package");
      Checks.check(!p.startsWith("-"),
          "package (%s) looks like an option; pass options to the package manager in a command"
              + " of your own", Checks.quote(p));
      Checks.check(p.chars().noneMatch(c -> c == '*' || c == '?' || c == '{' || c == '}')
              && !p.startsWith("~")
              && (p.indexOf('[') < 0 && p.indexOf(']') < 0 || EXTRAS.matcher(p).matches()),
          "package (%s) is a pattern the shell or the package manager would expand; name the"
              + " packages", Checks.quote(p));
      if (PLAIN.matcher(p).matches()) {
        out.add(p);
      } else {
        Checks.check(
            p.indexOf('\'') < 0 && p.chars().noneMatch(Character::isWhitespace),
            "package (%s) must not contain quotes or white space",
            Checks.quote(p));
        out.add("'" + p + "'");
      }
    }
    return String.join(" ", out);
  }

  /** Returns a cache mount with sharing=locked, which package managers with a lock need. */
  static Mount locked(String target) {
    return Mount.cache(target).withSharing(Mount.Sharing.LOCKED);
  }

  /** Returns a step with its cache-cleanup and its cache-mount variant. */
  static Run withCleanup(Run plain, String cleanup, Run cached) {
    return plain.cleanupFirst(cleanup).cachedVariant(cached);
  }
}
