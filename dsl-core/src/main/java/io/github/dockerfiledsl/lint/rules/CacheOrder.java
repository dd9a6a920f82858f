package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DF213: the whole build context is copied ({@code COPY . .}) before the dependencies are
 * installed. A rebuild reruns every step after the first one whose input changed, so any source
 * change reinstalls every dependency; copying the dependency manifests first, installing, then
 * copying the rest keeps the install in the cache until a manifest changes. Covers pip, npm,
 * yarn, pnpm, Maven, Gradle, Go modules, Cargo, Bundler and Composer.
 *
 * <p>The fix (copy the manifests, install, copy the rest) is offered only where the install
 * reads nothing but its manifests and directly follows the COPY: {@code pip install -r FILE},
 * {@code npm ci|install}, {@code yarn [install]}, {@code pnpm install}, {@code go mod download},
 * {@code bundle install}. Lock files are copied with a wildcard, which BuildKit allows to match
 * nothing.
 */
public final class CacheOrder extends AbstractRule {

  /** Creates the rule. */
  public CacheOrder() {
    super("DF213", "CacheOrder", Severity.WARNING,
        "copy the dependency manifests and install the dependencies before copying the sources",
        null, null);
  }

  /**
   * Returns the message.
   *
   * @param install the install command
   * @param manifests the manifests to copy first
   * @return the message
   */
  public static String message(String install, String manifests) {
    return "'" + install + "' runs after the whole context is copied, so every source change"
        + " reinstalls the dependencies; copy " + manifests + " first, install, then copy the rest";
  }

  /** An install command: the manifests it reads, and the sources a safe fix copies first. */
  record Install(String command, String manifests, Optional<List<String>> fixSources) {}

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      Instruction wholeCopy = null;
      Instruction previous = null;
      for (Instruction i : s.instructions()) {
        if (i.isTrivia()) {
          continue;
        }
        if (wholeCopy == null && copiesWholeContext(i)) {
          wholeCopy = i;
        } else if (wholeCopy != null && i instanceof RunInstruction r) {
          Optional<Install> install = install(r);
          if (install.isPresent()) {
            Install in = install.get();
            Fix fix = null;
            if (previous == wholeCopy && in.fixSources().isPresent()
                && wholeCopy instanceof CopyInstruction c) {
              CopyInstruction manifests = new CopyInstruction(in.fixSources().get(),
                  manifestDestination(c.destination()), List.of(), Optional.empty(), c.chown(),
                  c.chmod(), c.link(), false, List.of(), false);
              Instruction copyAll = wholeCopy;
              fix = new Fix("copy " + String.join(" ", in.fixSources().get())
                  + " and install before copying the rest",
                  d -> Edit.replace(Edit.remove(d, r), copyAll, List.of(manifests, r, copyAll)));
            }
            context.report(this, r, message(in.command(), in.manifests()), fix);
            wholeCopy = null; // one finding per copy
          }
        }
        previous = i;
      }
    }
  }

  private static String manifestDestination(String destination) {
    if (destination.equals(".") || destination.equals("./")) {
      return "./";
    }
    return destination.endsWith("/") ? destination : destination + "/";
  }

  /** A COPY or ADD of the whole build context: source {@code .} or {@code ./}, no --from. */
  static boolean copiesWholeContext(Instruction i) {
    List<String> sources = i instanceof CopyInstruction c && c.from().isEmpty() && c.heredocs().isEmpty()
        ? c.sources()
        : i instanceof AddInstruction a ? a.sources() : List.of();
    for (String src : sources) {
      if (src.equals(".") || src.equals("./")) {
        return true;
      }
    }
    return false;
  }

  /** The dependency install of a RUN, if it has one. */
  static Optional<Install> install(RunInstruction r) {
    Script script = Script.of(r);
    boolean onlyCommand = script.commands().size() == 1;
    for (Script.Simple c : script.commands()) {
      String p = c.program();
      String sub = c.subcommand();
      List<String> ops = c.operands();
      if ((p.matches("pip[0-9.]*") || isPythonPip(c)) && pipSub(c).equals("install")) {
        List<String> reqs = requirements(c);
        boolean onlyReqs = !reqs.isEmpty() && pipOperands(c).isEmpty()
            && reqs.stream().noneMatch(f -> f.contains("$") || f.startsWith("/") || f.contains(".."));
        if (!reqs.isEmpty() || pipOperands(c).contains(".") || c.hasOption("-e|--editable")) {
          return Optional.of(new Install(c.toString(),
              reqs.isEmpty() ? "requirements.txt (or pyproject.toml)" : String.join(" ", reqs),
              onlyReqs && onlyCommand ? Optional.of(reqs) : Optional.empty()));
        }
      } else if (p.equals("npm") && (sub.equals("ci") || sub.equals("install") || sub.equals("i"))
          && ops.isEmpty()) {
        return Optional.of(new Install(c.toString(), "package.json and package-lock.json",
            onlyCommand ? Optional.of(List.of("package*.json")) : Optional.empty()));
      } else if (p.equals("yarn") && (sub.isEmpty() || sub.equals("install")) && ops.isEmpty()) {
        return Optional.of(new Install(c.toString(), "package.json and yarn.lock",
            onlyCommand ? Optional.of(List.of("package.json", "yarn.lock*")) : Optional.empty()));
      } else if (p.equals("pnpm") && (sub.equals("install") || sub.equals("i")) && ops.isEmpty()) {
        return Optional.of(new Install(c.toString(), "package.json and pnpm-lock.yaml",
            onlyCommand ? Optional.of(List.of("package.json", "pnpm-lock.yaml*"))
                : Optional.empty()));
      } else if (p.equals("go") && sub.equals("mod") && ops.equals(List.of("download"))) {
        return Optional.of(new Install(c.toString(), "go.mod and go.sum",
            onlyCommand ? Optional.of(List.of("go.mod", "go.sum*")) : Optional.empty()));
      } else if (p.equals("go") && (sub.equals("build") || sub.equals("install"))) {
        return Optional.of(new Install(c.toString(), "go.mod and go.sum (then go mod download)",
            Optional.empty()));
      } else if ((p.equals("mvn") || p.equals("mvnw")) && c.args().stream().anyMatch(
          a -> a.matches("package|install|verify|compile|dependency:.*"))) {
        return Optional.of(new Install(c.toString(),
            "pom.xml (then mvn dependency:go-offline)", Optional.empty()));
      } else if ((p.equals("gradle") || p.equals("gradlew")) && c.args().stream().anyMatch(
          a -> a.matches("build|assemble|dependencies|installDist|bootJar|jar|shadowJar"))) {
        return Optional.of(new Install(c.toString(),
            "build.gradle(.kts), settings.gradle(.kts) and gradle/ (then gradle dependencies)",
            Optional.empty()));
      } else if (p.equals("cargo") && (sub.equals("build") || sub.equals("fetch")
          || sub.equals("install"))) {
        return Optional.of(new Install(c.toString(), "Cargo.toml and Cargo.lock (then cargo fetch)",
            Optional.empty()));
      } else if (p.equals("bundle") && (sub.equals("install") || sub.isEmpty()) && ops.isEmpty()) {
        return Optional.of(new Install(c.toString(), "Gemfile and Gemfile.lock",
            onlyCommand ? Optional.of(List.of("Gemfile", "Gemfile.lock*")) : Optional.empty()));
      } else if (p.equals("composer") && sub.equals("install")) {
        return Optional.of(new Install(c.toString(),
            "composer.json and composer.lock (install with --no-scripts --no-autoloader)",
            Optional.empty()));
      }
    }
    return Optional.empty();
  }

  private static boolean isPythonPip(Script.Simple c) {
    List<String> a = c.args();
    return c.program().matches("python[0-9.]*") && a.size() >= 2 && a.get(0).equals("-m")
        && a.get(1).equals("pip");
  }

  /** The pip words after the program ({@code pip} or {@code python -m pip}). */
  private static List<String> pipArgs(Script.Simple c) {
    List<String> a = c.args();
    return isPythonPip(c) ? a.subList(2, a.size()) : a;
  }

  private static String pipSub(Script.Simple c) {
    for (String a : pipArgs(c)) {
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return "";
  }

  private static List<String> requirements(Script.Simple c) {
    List<String> out = new ArrayList<>();
    List<String> a = pipArgs(c);
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if ((w.equals("-r") || w.equals("--requirement")) && i + 1 < a.size()) {
        out.add(a.get(++i));
      } else if (w.startsWith("--requirement=")) {
        out.add(w.substring("--requirement=".length()));
      } else if (w.startsWith("-r") && w.length() > 2) {
        out.add(w.substring(2));
      }
    }
    return out;
  }

  /** Package operands of pip install (not option values). */
  private static List<String> pipOperands(Script.Simple c) {
    List<String> out = new ArrayList<>();
    List<String> a = pipArgs(c);
    boolean sub = false;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (w.matches("-r|--requirement|-c|--constraint|-i|--index-url|--extra-index-url|-f"
          + "|--find-links|-t|--target|--prefix|--root|--trusted-host|--platform|--python-version"
          + "|--only-binary|--no-binary|--progress-bar|--cache-dir|--src|-e|--editable")) {
        i++;
      } else if (w.startsWith("-")) {
        continue;
      } else if (!sub) {
        sub = true;
      } else {
        out.add(w);
      }
    }
    return out;
  }
}
