package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.build.DockerIgnore;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * DF018: COPY or ADD of a build-context path that {@code .dockerignore} excludes, so the build
 * fails or copies less than intended. Needs the {@code .dockerignore} lines ({@code
 * Linter.withDockerignore}); sources with variables or wildcards are not checked.
 */
public final class CopyIgnoredFile extends AbstractRule {

  /** Creates the rule. */
  public CopyIgnoredFile() {
    super("DF018", "CopyIgnoredFile", Severity.WARNING,
        "COPY and ADD sources must not be excluded by .dockerignore", "CopyIgnoredFile", null);
  }

  /**
   * Returns the message.
   *
   * @param keyword COPY or ADD
   * @param source the source
   * @return the message
   */
  public static String message(String keyword, String source) {
    return keyword + " source (" + source + ") is excluded by .dockerignore";
  }

  @Override
  public void check(LintContext context) {
    if (context.dockerignore().isEmpty()) {
      return;
    }
    // BuildKit's matcher (moby/patternmatcher); a file it rejects fails every build, which is
    // not this rule's finding, so malformed patterns are left out
    List<String> patterns = new ArrayList<>();
    for (String p : DockerIgnore.readLines(String.join("\n", context.dockerignore()))) {
      try {
        DockerIgnore.of(List.of(p)).matches("x");
        patterns.add(p);
      } catch (IllegalArgumentException malformed) {
        // left out
      }
    }
    DockerIgnore ignore = DockerIgnore.of(patterns);
    context.dockerfile().stages().forEach(s -> s.steps().forEach(i -> {
      List<String> sources = sources(i);
      for (String src : sources) {
        if (src.contains("$") || src.matches(".*[*?\\[].*")) {
          continue;
        }
        String path = Paths.clean(src);
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.equals(".") && ignore.matches(path)) {
          context.report(this, i, message(i.keyword(), src));
        }
      }
    }));
  }

  private static List<String> sources(Instruction i) {
    if (i instanceof CopyInstruction c && c.from().isEmpty() && c.heredocs().isEmpty()) {
      return c.sources();
    }
    if (i instanceof AddInstruction a && a.heredocs().isEmpty() && !a.hasRemoteSource()) {
      return a.sources();
    }
    return List.of();
  }
}
