package io.github.dockerfiledsl.image;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mirror rule: references whose normalized name is {@code from} or lies below it move to
 * {@code to}. {@code docker.io=127.0.0.1:5000/hub} sends {@code alpine:3.20} (that is
 * {@code docker.io/library/alpine:3.20}) to {@code 127.0.0.1:5000/hub/library/alpine:3.20}.
 *
 * <p>Both sides are a registry ({@code host[:port]}, {@code localhost[:port]}) optionally followed
 * by a repository path prefix; a prefix matches whole path components only ({@code docker.io/lib}
 * does not match {@code docker.io/library/alpine}). Tags and digests are kept: a mirror serves the
 * same manifests. Docker Hub is matched as the engine names it ({@code docker.io}; the legacy
 * {@code index.docker.io} is the same registry).
 *
 * @param from the registry and optional path prefix to match, normalized
 * @param to the registry and optional path prefix to move matching references to
 */
public record Mirror(String from, String to) {

  /**
   * Creates a rule, validating both sides.
   *
   * @param from the registry and optional path prefix to match
   * @param to the replacement registry and optional path prefix
   * @throws IllegalArgumentException naming the side and the value when one is not a registry
   *     with an optional path
   */
  public Mirror {
    Checks.notNull(from, "mirror source");
    Checks.notNull(to, "mirror target");
    from = normalizePrefix(from, "mirror source");
    to = checkPrefix(to, "mirror target");
  }

  /**
   * Parses {@code FROM=TO}, as the command line's {@code --mirror} takes it.
   *
   * @param rule the rule, e.g. {@code docker.io=127.0.0.1:5000/hub}
   * @return the rule
   * @throws IllegalArgumentException when there is no {@code =} or a side is invalid
   */
  public static Mirror parse(String rule) {
    Checks.notNull(rule, "mirror rule");
    int eq = rule.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("mirror rule " + Checks.quote(rule)
          + " must be FROM=TO, e.g. docker.io=127.0.0.1:5000/hub");
    }
    return new Mirror(rule.substring(0, eq), rule.substring(eq + 1));
  }

  /**
   * Returns the reference moved to the mirror, when this rule matches it.
   *
   * @param reference the reference
   * @return the rewritten reference, or empty when the rule does not match
   */
  public Optional<ImageRef> apply(ImageRef reference) {
    Objects.requireNonNull(reference, "reference == null");
    String name = normalizedName(reference);
    if (!matches(name)) {
      return Optional.empty();
    }
    String moved = to + name.substring(from.length());
    String full = moved + reference.tag().map(t -> ":" + t).orElse("")
        + reference.digest().map(d -> "@" + d).orElse("");
    ImageRef result;
    try {
      result = ImageRef.parse(full);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mirror rule " + this + " turns " + Checks.quote(
          reference.toString()) + " into an invalid reference: " + e.getMessage(), e);
    }
    if (result.domain().isEmpty()) {
      throw new IllegalArgumentException("mirror rule " + this + " turns "
          + Checks.quote(reference.toString()) + " into " + Checks.quote(full)
          + ", which names no registry");
    }
    return Optional.of(ImageRef.DEFAULT_DOMAIN.equals(result.domain().get())
        ? result.shortForm() : result);
  }

  /**
   * Returns whether the rule matches a reference.
   *
   * @param reference the reference
   * @return true if {@link #apply} would rewrite it
   */
  public boolean matches(ImageRef reference) {
    return matches(normalizedName(reference));
  }

  private boolean matches(String normalizedName) {
    return normalizedName.equals(from) || normalizedName.startsWith(from + "/");
  }

  /**
   * Applies the most specific matching rule (the longest {@code from}) of a list.
   *
   * @param rules the rules
   * @param reference the reference
   * @return the rewritten reference, or empty when no rule matches
   */
  public static Optional<ImageRef> applyFirst(Collection<Mirror> rules, ImageRef reference) {
    Mirror best = null;
    for (Mirror m : rules) {
      if (m.matches(reference) && (best == null || m.from.length() > best.from.length())) {
        best = m;
      }
    }
    return best == null ? Optional.empty() : best.apply(reference);
  }

  /**
   * Checks that no two rules share a {@code from}.
   *
   * @param rules the rules
   * @return the rules, as an immutable list
   * @throws IllegalArgumentException naming the duplicate
   */
  public static List<Mirror> checkDistinct(Collection<Mirror> rules) {
    List<Mirror> out = new ArrayList<>();
    for (Mirror m : rules) {
      for (Mirror o : out) {
        if (o.from.equals(m.from)) {
          throw new IllegalArgumentException("two mirror rules for " + Checks.quote(m.from)
              + ": " + o + " and " + m);
        }
      }
      out.add(m);
    }
    return List.copyOf(out);
  }

  private static String normalizedName(ImageRef reference) {
    ImageRef n = reference.normalized();
    return n.domain().orElseThrow() + "/" + n.path();
  }

  private static String checkPrefix(String value, String what) {
    String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    ImageRef probe;
    try {
      probe = ImageRef.parse(v.contains("/") ? v : v + "/x");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " " + Checks.quote(value)
          + " must be a registry (host[:port]) optionally followed by a repository path", e);
    }
    if (probe.domain().isEmpty() || probe.tag().isPresent() || probe.digest().isPresent()) {
      throw new IllegalArgumentException(what + " " + Checks.quote(value)
          + " must be a registry (host[:port], with a '.' or ':' in it, or localhost)"
          + " optionally followed by a repository path, without tag or digest");
    }
    return v;
  }

  private static String normalizePrefix(String value, String what) {
    String v = checkPrefix(value, what);
    int slash = v.indexOf('/');
    String host = slash < 0 ? v : v.substring(0, slash);
    if (host.equals("index.docker.io")) {
      v = ImageRef.DEFAULT_DOMAIN + (slash < 0 ? "" : v.substring(slash));
    }
    return v;
  }

  /**
   * Returns the rule as {@code FROM=TO}.
   *
   * @return the rule text
   */
  @Override
  public String toString() {
    return from + "=" + to;
  }
}
