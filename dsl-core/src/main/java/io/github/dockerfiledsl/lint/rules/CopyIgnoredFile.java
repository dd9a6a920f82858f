package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
    List<Object[]> patterns = new ArrayList<>();
    for (String line : context.dockerignore()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      boolean negate = l.startsWith("!");
      String p = Paths.clean(negate ? l.substring(1).strip() : l);
      p = p.startsWith("/") ? p.substring(1) : p;
      patterns.add(new Object[] {Pattern.compile(regex(p)), negate});
    }
    context.dockerfile().stages().forEach(s -> s.steps().forEach(i -> {
      List<String> sources = sources(i);
      for (String src : sources) {
        if (src.contains("$") || src.matches(".*[*?\\[].*")) {
          continue;
        }
        String path = Paths.clean(src);
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.equals(".") && ignored(path, patterns)) {
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

  private static boolean ignored(String path, List<Object[]> patterns) {
    boolean ignored = false;
    for (Object[] p : patterns) {
      Pattern pattern = (Pattern) p[0];
      boolean negate = (Boolean) p[1];
      String prefix = path;
      boolean match = false;
      while (true) {
        if (pattern.matcher(prefix).matches()) {
          match = true;
          break;
        }
        int slash = prefix.lastIndexOf('/');
        if (slash < 0) {
          break;
        }
        prefix = prefix.substring(0, slash);
      }
      if (match) {
        ignored = !negate;
      }
    }
    return ignored;
  }

  /** Translates a .dockerignore pattern (Go filepath.Match plus {@code **}) to a regex. */
  static String regex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        sb.append(".*");
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          sb.append("/?");
          i++;
        }
      } else if (c == '*') {
        sb.append("[^/]*");
      } else if (c == '?') {
        sb.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i);
        if (end < 0) {
          sb.append("\\[");
        } else {
          String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
          sb.append('[').append(cls.startsWith("^") ? cls : cls.replaceFirst("^!", "^")).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
