package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DF119: FROM an image of a registry that is not in the configured list of trusted registries
 * (hadolint DL3026). Without a list, as in {@link io.github.dockerfiledsl.lint.Linter#defaults()},
 * every registry is trusted and the rule reports nothing; {@link
 * io.github.dockerfiledsl.lint.Linter#withTrustedRegistries(List)} sets the list.
 *
 * <p>An image without a registry comes from {@code docker.io}. A list entry is a registry host
 * (with port, if any), compared without regard to case, in which {@code *} stands for any run of
 * characters ({@code *.example.com}). Stages built on an earlier stage, {@code scratch} and
 * images with variables are not checked.
 */
public final class UntrustedRegistry extends AbstractRule {
  private final List<String> trusted;
  private final List<Pattern> patterns;

  /** Creates the rule with no list: every registry is trusted. */
  public UntrustedRegistry() {
    this(List.of());
  }

  /**
   * Creates the rule with a list of trusted registries.
   *
   * @param trusted registry hosts, {@code *} matching any characters; empty trusts all
   */
  public UntrustedRegistry(List<String> trusted) {
    super("DF119", "UntrustedRegistry", Severity.ERROR,
        "pull base images only from the trusted registries", null, "DL3026");
    this.trusted = List.copyOf(trusted);
    List<Pattern> p = new ArrayList<>();
    for (String t : this.trusted) {
      StringBuilder re = new StringBuilder();
      String[] parts = t.strip().toLowerCase(Locale.ROOT).split("\\*", -1);
      for (int i = 0; i < parts.length; i++) {
        re.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
      }
      p.add(Pattern.compile(re.toString()));
    }
    this.patterns = List.copyOf(p);
  }

  /**
   * Returns the trusted registries.
   *
   * @return the list; empty means every registry is trusted
   */
  public List<String> trusted() {
    return trusted;
  }

  /**
   * Returns whether a registry host is trusted.
   *
   * @param registry the registry host, e.g. {@code docker.io}
   * @return true if the list is empty or an entry matches
   */
  public boolean isTrusted(String registry) {
    String r = registry.toLowerCase(Locale.ROOT);
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(r).matches());
  }

  /**
   * Returns the message.
   *
   * @param image the image as written
   * @param registry its registry
   * @param trusted the trusted registries
   * @return the message
   */
  public static String message(String image, String registry, List<String> trusted) {
    return "FROM " + image + " pulls from " + registry + ", which is not a trusted registry"
        + " (trusted: " + String.join(", ", trusted) + ")";
  }

  @Override
  public void check(LintContext context) {
    if (trusted.isEmpty()) {
      return;
    }
    Dockerfile d = context.dockerfile();
    for (int s = 0; s < d.stages().size(); s++) {
      Stage stage = d.stages().get(s);
      if (Model.parentStage(d, s).isPresent()) {
        continue;
      }
      Optional<ImageRef> ref = Model.ref(stage.from().image());
      if (ref.isEmpty()) {
        continue;
      }
      String registry = ref.get().domain().orElse("docker.io");
      if (!isTrusted(registry)) {
        context.report(this, stage.from(), message(stage.from().image(), registry, trusted));
      }
    }
  }
}
