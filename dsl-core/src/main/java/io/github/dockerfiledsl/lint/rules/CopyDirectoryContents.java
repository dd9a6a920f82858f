package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Set;

/**
 * DF204: {@code COPY dir ./} copies the <em>contents</em> of {@code dir}, not the directory, so
 * its files land directly in the destination. Reported for a single source that ends with
 * {@code /} or has a usual directory name ({@code src}, {@code lib}, ...), copied to {@code .} or
 * {@code ./} from the build context (a {@code COPY --from} of a directory's contents is usually
 * meant); write {@code COPY dir ./dir/} to keep the directory.
 */
public final class CopyDirectoryContents extends AbstractRule {
  private static final Set<String> DIRS = Set.of("src", "lib", "app", "bin", "config", "conf",
      "public", "static", "dist", "build", "scripts", "templates", "assets", "web", "www", "html",
      "docs", "pkg", "cmd", "internal", "vendor", "resources", "test", "tests", "etc", "data",
      "plugins", "modules", "packages", "tools", "include", "migrations", "site", "target");

  /** Creates the rule. */
  public CopyDirectoryContents() {
    super("DF204", "CopyDirectoryContents", Severity.INFO,
        "COPY dir dest copies the directory's contents, not the directory", null, null);
  }

  /**
   * Returns the message.
   *
   * @param source the directory
   * @param destination the destination
   * @return the message
   */
  public static String message(String source, String destination) {
    String name = Paths.baseName(source);
    return "COPY " + source + " " + destination + " copies the contents of directory '" + name
        + "', not the directory; write " + (destination.endsWith("/") ? destination : destination + "/")
        + name + "/ to keep it";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        check(context, i);
      }
    }
  }

  private void check(LintContext context, Instruction i) {
    if (!(i instanceof CopyInstruction c) || c.sources().size() != 1 || !c.heredocs().isEmpty()
        || c.parents() || c.from().isPresent()) {
      return;
    }
    String src = c.sources().get(0);
    if (src.contains("$") || src.matches(".*[*?\\[].*")) {
      return;
    }
    String name = Paths.baseName(src);
    boolean dir = src.endsWith("/") && !name.equals(".") && !name.isEmpty() && !name.equals("/")
        || DIRS.contains(name);
    String dest = c.destination();
    if (dir && (dest.equals(".") || dest.equals("./"))) {
      context.report(this, i, message(src, dest));
    }
  }
}
