package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.internal.RunChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the cleanup a package manager needs in the same RUN, unless the RUN already cleans up or
 * keeps the cache in a {@code cache} or {@code tmpfs} mount.
 *
 * <table>
 * <caption>What is added</caption>
 * <tr><th>command</th><th>added</th><th>hadolint</th></tr>
 * <tr><td>{@code apt-get update}/{@code install}</td><td>{@code && rm -rf /var/lib/apt/lists/*}</td><td>DL3009</td></tr>
 * <tr><td>{@code apk add}</td><td>{@code --no-cache}</td><td>DL3019</td></tr>
 * <tr><td>{@code dnf install}</td><td>{@code && dnf clean all}</td><td>DL3040</td></tr>
 * <tr><td>{@code microdnf install}</td><td>{@code && microdnf clean all}</td><td>DL3040</td></tr>
 * <tr><td>{@code yum install}</td><td>{@code && yum clean all}</td><td>DL3032</td></tr>
 * <tr><td>{@code zypper install}</td><td>{@code && zypper clean --all}</td><td>DL3036</td></tr>
 * <tr><td>{@code pip install}</td><td>{@code --no-cache-dir}</td><td>DL3042</td></tr>
 * <tr><td>{@code npm install}/{@code ci}</td><td>{@code && npm cache clean --force}</td><td></td></tr>
 * <tr><td>{@code yarn install}/{@code add}</td><td>{@code && yarn cache clean}</td><td>DL3060</td></tr>
 * </table>
 *
 * <p>Commands are recognised by their words, so a mention inside a quoted string also counts;
 * the added cleanup is then merely redundant. A RUN whose command ends with a comment or a
 * background job, exec-form and heredoc RUNs, and RUNs after a SHELL that is not a POSIX shell
 * are left alone.
 */
public final class PackageCleanup implements Pass {
  private static final String B = "(?<![\\w./-])";

  private record Rule(Pattern trigger, Pattern done, List<String> cacheDirs,
      Optional<String> insertAfter, Optional<String> flag, Optional<String> cleanup) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile(B + "apt(-get)?\\s+(-\\S+\\s+)*(update|install|upgrade|dist-upgrade)\\b"),
          Pattern.compile("/var/lib/apt/lists"), List.of("/var/lib/apt"), Optional.empty(),
          Optional.empty(), Optional.of("rm -rf /var/lib/apt/lists/*")),
      new Rule(Pattern.compile(B + "apk\\s+(-\\S+\\s+)*add\\b"),
          Pattern.compile("--no-cache\\b|/var/cache/apk"), List.of("/var/cache/apk", "/etc/apk/cache"),
          Optional.of(B + "apk\\s+add(?=\\s)"), Optional.of("--no-cache"), Optional.empty()),
      new Rule(Pattern.compile(B + "microdnf\\s+(-\\S+\\s+)*install\\b"),
          Pattern.compile("microdnf\\s+clean\\s+all"), List.of("/var/cache/yum", "/var/cache/dnf"),
          Optional.empty(), Optional.empty(), Optional.of("microdnf clean all")),
      new Rule(Pattern.compile(B + "dnf\\s+(-\\S+\\s+)*install\\b"),
          Pattern.compile(B + "dnf\\s+clean\\s+all|rm\\s+-rf\\s+/var/cache/dnf"), List.of("/var/cache/dnf"),
          Optional.empty(), Optional.empty(), Optional.of("dnf clean all")),
      new Rule(Pattern.compile(B + "yum\\s+(-\\S+\\s+)*install\\b"),
          Pattern.compile("yum\\s+clean\\s+all|rm\\s+-rf\\s+/var/cache/yum"), List.of("/var/cache/yum"),
          Optional.empty(), Optional.empty(), Optional.of("yum clean all")),
      new Rule(Pattern.compile(B + "zypper\\s+(-\\S+\\s+)*(install|in)\\b"),
          Pattern.compile("zypper\\s+(-\\S+\\s+)*(clean|cc)\\b"), List.of("/var/cache/zypp"),
          Optional.empty(), Optional.empty(), Optional.of("zypper clean --all")),
      new Rule(Pattern.compile(B + "(pip3?|python3?\\s+-m\\s+pip)\\s+install\\b"),
          Pattern.compile("--no-cache-dir|PIP_NO_CACHE_DIR"), List.of("/root/.cache/pip", ".cache/pip"),
          Optional.of(B + "(pip3?|python3?\\s+-m\\s+pip)\\s+install(?=\\s)"),
          Optional.of("--no-cache-dir"), Optional.empty()),
      new Rule(Pattern.compile(B + "npm\\s+(-\\S+\\s+)*(install|i|ci)\\b"),
          Pattern.compile("npm\\s+cache\\s+clean"), List.of("/root/.npm", ".npm"),
          Optional.empty(), Optional.empty(), Optional.of("npm cache clean --force")),
      new Rule(Pattern.compile(B + "yarn\\s+(-\\S+\\s+)*(install|add)\\b"),
          Pattern.compile("yarn\\s+cache\\s+clean"), List.of("/usr/local/share/.cache/yarn", ".cache/yarn", "yarn"),
          Optional.empty(), Optional.empty(), Optional.of("yarn cache clean")));

  /** Creates the pass. */
  public PackageCleanup() {}

  @Override
  public Dockerfile apply(Dockerfile dockerfile) {
    return Passes.mapStages(dockerfile, (d, s) -> {
      List<Instruction> out = new ArrayList<>();
      boolean posix = true;
      for (Instruction i : s.instructions()) {
        if (i instanceof ShellInstruction sh) {
          posix = RunChains.ShellInfo.of(Optional.of(sh.shell())).posix();
        }
        out.add(i instanceof RunInstruction r && posix ? cleanup(r) : i);
      }
      return out;
    });
  }

  /**
   * Returns the RUN with the cleanup its package managers need, or the RUN itself.
   *
   * @param run the instruction
   * @return the instruction with cleanup
   */
  public static RunInstruction cleanup(RunInstruction run) {
    if (!(run.command() instanceof Shell shell) || !run.heredocs().isEmpty()
        || !RunChains.chainable(shell)) {
      return run;
    }
    List<String> lines = new ArrayList<>(shell.lines());
    List<String> appended = new ArrayList<>();
    for (Rule rule : RULES) {
      String command = new Shell(lines).command();
      if (!rule.trigger().matcher(command).find() || rule.done().matcher(command).find()
          || cached(run.mounts(), rule.cacheDirs())) {
        continue;
      }
      rule.cleanup().ifPresent(appended::add);
      if (rule.insertAfter().isPresent()) {
        Pattern p = Pattern.compile(rule.insertAfter().get());
        for (int k = 0; k < lines.size(); k++) {
          if (!shell.isComment(k)) {
            Matcher m = p.matcher(lines.get(k));
            lines.set(k, m.replaceAll(r -> Matcher.quoteReplacement(r.group() + " " + rule.flag().get())));
          }
        }
      }
    }
    Shell result = new Shell(lines);
    if (!appended.isEmpty()) {
      Optional<Shell> longer = RunChains.append(result, appended);
      if (longer.isEmpty()) {
        return run;
      }
      result = longer.get();
    }
    return result.equals(shell) ? run : run.withCommand(result);
  }

  private static boolean cached(List<Mount> mounts, List<String> dirs) {
    for (Mount m : mounts) {
      String target = m instanceof Mount.Cache c ? c.target() : m instanceof Mount.Tmpfs t ? t.target() : null;
      if (target != null) {
        for (String dir : dirs) {
          if (target.startsWith(dir) || target.contains(dir) || dir.startsWith(target + "/")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
