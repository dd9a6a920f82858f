package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.internal.RunChains;
import io.github.dockerfiledsl.internal.ShellScan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Adds the cleanup a package manager needs in the same RUN, unless the RUN already cleans up or
 * keeps the cache in a {@code cache} or {@code tmpfs} mount.
 *
 * <table>
 * <caption>What is added</caption>
 * <tr><th>command</th><th>added</th><th>hadolint</th></tr>
 * <tr><td>{@code apt-get update} then {@code install}</td><td>{@code && rm -rf /var/lib/apt/lists/*}</td><td>DL3009</td></tr>
 * <tr><td>{@code apk add}</td><td>{@code --no-cache}</td><td>DL3019</td></tr>
 * <tr><td>{@code apk update}</td><td>{@code && rm -rf /var/cache/apk/*}</td><td></td></tr>
 * <tr><td>{@code dnf install}</td><td>{@code && dnf clean all}</td><td>DL3040</td></tr>
 * <tr><td>{@code microdnf install}</td><td>{@code && microdnf clean all}</td><td>DL3040</td></tr>
 * <tr><td>{@code yum install}</td><td>{@code && yum clean all}</td><td>DL3032</td></tr>
 * <tr><td>{@code zypper install}</td><td>{@code && zypper clean --all}</td><td>DL3036</td></tr>
 * <tr><td>{@code pip install}</td><td>{@code --no-cache-dir}</td><td>DL3042</td></tr>
 * <tr><td>{@code npm install}/{@code ci}</td><td>{@code && npm cache clean --force}</td><td></td></tr>
 * <tr><td>{@code yarn}/{@code yarn install}/{@code add}</td><td>{@code && yarn cache clean}</td><td>DL3060</td></tr>
 * </table>
 *
 * <p>Commands are recognised by the words the shell sees ({@link ShellScan}), after global
 * options ({@code apk -U add}, {@code pip3 --quiet install}, {@code zypper -n in}), prefix
 * assignments, {@code sudo} and {@code env}; text inside quotes is never a command and is never
 * rewritten. The apt lists are removed only in a RUN that updates them and installs after the
 * update, and only when no later RUN of the stage (or of a stage built on it) installs without
 * an update of its own: an update-only RUN is left alone. Exec-form and heredoc RUNs, RUNs
 * whose command has a comment, a background job or unbalanced quotes, and RUNs under a SHELL
 * that is not a POSIX shell (inherited through {@code FROM <stage>} too) are left alone.
 */
public final class PackageCleanup implements Pass {
  private static final Set<String> APT_INSTALL = Set.of("install", "upgrade", "dist-upgrade",
      "full-upgrade", "build-dep", "source", "satisfy", "reinstall");
  private static final Set<String> APT_ARGS = Set.of("-c", "--config-file", "-o", "--option",
      "-t", "--target-release", "--default-release", "-a", "--host-architecture", "-P",
      "--build-profiles");
  private static final Set<String> APK_ARGS = Set.of("-X", "--repository", "-p", "--root",
      "--cache-dir", "--arch", "--keys-dir", "--repositories-file", "--cache-max-age",
      "--timeout", "--progress-fd", "-i");
  private static final Set<String> PIP_ARGS = Set.of("--log", "--proxy", "--retries",
      "--timeout", "--exists-action", "--trusted-host", "--cert", "--client-cert", "--cache-dir",
      "--python", "--keyring-provider", "--use-feature", "--use-deprecated", "--log-file",
      "--local-log");
  private static final Set<String> NPM_ARGS = Set.of("--prefix", "-w", "--workspace",
      "--registry", "--cache", "--userconfig", "--globalconfig", "-C", "--loglevel");
  private static final Set<String> NPM_INSTALL = Set.of("install", "i", "in", "ins", "inst",
      "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "ci", "clean-install",
      "ic", "install-clean", "isntall-clean", "install-ci-test", "cit", "install-test", "it");
  private static final Set<String> YARN_ARGS = Set.of("--cwd", "--cache-folder",
      "--modules-folder", "--mutex", "--network-timeout", "--registry", "--global-folder",
      "--link-folder", "--use-yarnrc");
  private static final Set<String> DNF_ARGS = Set.of("-c", "--config", "--installroot",
      "--releasever", "-x", "--exclude", "--enablerepo", "--disablerepo", "--repo", "--repoid",
      "--setopt", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--downloaddir",
      "--destdir", "--comment", "--color", "--rpmverbosity", "-R", "--randomwait",
      "--repofrompath", "--nodocs");
  private static final Set<String> DNF_INSTALL = Set.of("install", "in", "localinstall",
      "groupinstall", "reinstall", "upgrade", "update", "up", "distro-sync", "dsync",
      "makecache", "group", "groups", "module", "builddep", "swap", "upgrade-minimal",
      "update-minimal", "downgrade", "install-n", "install-na", "install-nevra");
  private static final Set<String> ZYPPER_ARGS = Set.of("-c", "--config", "-R", "--root",
      "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir",
      "--pkg-cache-dir", "--userdata");
  private static final Set<String> ZYPPER_INSTALL = Set.of("install", "in", "update", "up",
      "dist-upgrade", "dup", "patch", "source-install", "si", "refresh", "ref",
      "install-new-recommends", "inr");
  private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

  /** What one RUN does with package managers. */
  private static final class Usage {
    /** apt operations in order: 'u' update, 'i' install, 'r' removal of the lists. */
    final StringBuilder apt = new StringBuilder();
    final List<Integer> apkAddEnds = new ArrayList<>();
    /** Whether an index was written to the apk cache after its last removal. */
    boolean apkDirty;
    final List<Integer> pipInstallEnds = new ArrayList<>();
    boolean pipNoCacheEnv;
    // whether the manager filled its cache after the last cleanup of it in this RUN
    boolean npmDirty;
    boolean yarnDirty;
    final Set<String> rpmDirty = new LinkedHashSet<>(); // dnf, yum, microdnf
    boolean zypperDirty;

    /** Whether an apt install runs before any update in this RUN. */
    boolean needsListsFromBefore() {
      int u = apt.indexOf("u");
      int i = apt.indexOf("i");
      return i >= 0 && (u < 0 || i < u);
    }

    /**
     * Whether the RUN updates the lists and installs after its last update, without removing
     * the lists after that update.
     */
    boolean needsListRemoval() {
      int u = apt.lastIndexOf("u");
      return u >= 0 && apt.indexOf("i", u) > u && apt.indexOf("r", u) < 0;
    }
  }

  /** Creates the pass. */
  public PackageCleanup() {}

  @Override
  public Dockerfile apply(Dockerfile dockerfile) {
    List<Stage> stages = dockerfile.stages();
    List<Optional<Exec>> shells = RunChains.initialShells(dockerfile);
    int n = stages.size();
    boolean[] needs = new boolean[n];
    for (int s = 0; s < n; s++) {
      for (Instruction i : stages.get(s).instructions()) {
        if (i instanceof RunInstruction r && usage(r).map(Usage::needsListsFromBefore).orElse(false)) {
          needs[s] = true;
        }
      }
    }
    boolean[] laterNeeds = new boolean[n]; // a stage built on s needs lists from s
    int[] bases = RunChains.baseIndexes(dockerfile);
    // from the last stage back: when t is reached, every later stage has told it already
    for (int t = n - 1; t >= 0; t--) {
      if (bases[t] >= 0 && (needs[t] || laterNeeds[t])) {
        laterNeeds[bases[t]] = true;
      }
    }
    List<Stage> out = new ArrayList<>();
    boolean changed = false;
    for (int s = 0; s < n; s++) {
      Stage stage = stages.get(s);
      List<Instruction> body = new ArrayList<>(stage.instructions());
      boolean[] suffix = new boolean[body.size() + 1];
      suffix[body.size()] = laterNeeds[s];
      for (int k = body.size() - 1; k >= 0; k--) {
        suffix[k] = suffix[k + 1] || body.get(k) instanceof RunInstruction r
            && usage(r).map(Usage::needsListsFromBefore).orElse(false);
      }
      Optional<Exec> shell = shells.get(s);
      boolean pipEnv = false;
      for (int k = 0; k < body.size(); k++) {
        Instruction i = body.get(k);
        if (i instanceof ShellInstruction sh) {
          shell = Optional.of(sh.shell());
        }
        if (i instanceof EnvInstruction e) {
          for (KeyValue kv : e.vars()) {
            pipEnv |= kv.key().equals("PIP_NO_CACHE_DIR");
          }
        }
        if (i instanceof RunInstruction r && RunChains.ShellInfo.of(shell).posix()) {
          RunInstruction c = cleanup(r, !suffix[k + 1], pipEnv, RunChains.ShellInfo.of(shell));
          if (c != r) {
            body.set(k, c);
          }
        }
      }
      if (body.equals(stage.instructions())) {
        out.add(stage);
      } else {
        out.add(stage.toBuilder().instructions(body).build());
        changed = true;
      }
    }
    return changed ? dockerfile.toBuilder().stages(out).build() : dockerfile;
  }

  /**
   * Returns the RUN with the cleanup its package managers need, or the RUN itself; the apt
   * lists are removed if the RUN updates them and installs after the update (the caller
   * decides whether a later RUN still needs them: see {@link #apply}).
   *
   * @param run the instruction
   * @return the instruction with cleanup
   */
  public static RunInstruction cleanup(RunInstruction run) {
    return cleanup(run, true, false, RunChains.ShellInfo.of(Optional.empty()));
  }

  private static Optional<Usage> usage(RunInstruction run) {
    if (!(run.command() instanceof Shell shell) || !run.heredocs().isEmpty()) {
      return Optional.empty();
    }
    ShellScan.Analysis a = ShellScan.analyze(shell.command());
    if (!a.chainable()) {
      return Optional.empty();
    }
    Usage u = new Usage();
    for (ShellScan.Command c : a.commands()) {
      scan(c, u);
    }
    return Optional.of(u);
  }

  private static RunInstruction cleanup(RunInstruction run, boolean listsFree, boolean pipEnv,
      RunChains.ShellInfo info) {
    Optional<Usage> found = usage(run);
    if (found.isEmpty()) {
      return run;
    }
    Usage u = found.get();
    Shell shell = (Shell) run.command();
    List<Mount> mounts = run.mounts();
    TreeMap<Integer, String> inserts = new TreeMap<>();
    List<String> appended = new ArrayList<>();
    if (listsFree && u.needsListRemoval()
        && !cached(mounts, "/var/lib/apt")) {
      appended.add("rm -rf /var/lib/apt/lists/*");
    }
    if (!cached(mounts, "/var/cache/apk", "/etc/apk/cache")) {
      u.apkAddEnds.forEach(e -> inserts.put(e, " --no-cache"));
      if (u.apkDirty) {
        appended.add("rm -rf /var/cache/apk/*");
      }
    }
    if (!u.rpmDirty.isEmpty()) {
      for (String p : List.of("microdnf", "dnf", "yum")) {
        if (u.rpmDirty.contains(p)
            && !cached(mounts, "/var/cache/" + (p.equals("microdnf") ? "yum" : p),
                p.equals("microdnf") ? "/var/cache/dnf" : "/var/cache/" + p)) {
          appended.add(p + " clean all");
        }
      }
    }
    if (u.zypperDirty && !cached(mounts, "/var/cache/zypp")) {
      appended.add("zypper clean --all");
    }
    if (!pipEnv && !u.pipNoCacheEnv && !cached(mounts, "/root/.cache/pip", ".cache/pip")) {
      u.pipInstallEnds.forEach(e -> inserts.put(e, " --no-cache-dir"));
    }
    if (u.npmDirty && !cached(mounts, "/root/.npm", ".npm")) {
      appended.add("npm cache clean --force");
    }
    if (u.yarnDirty
        && !cached(mounts, "/usr/local/share/.cache/yarn", ".cache/yarn", "/yarn")) {
      appended.add("yarn cache clean");
    }
    if (inserts.isEmpty() && appended.isEmpty()) {
      return run;
    }
    Shell result = insert(shell, inserts);
    if (!appended.isEmpty()) {
      Optional<Shell> longer = RunChains.append(result, appended, info);
      if (longer.isEmpty()) {
        return run;
      }
      result = longer.get();
    }
    return result.equals(shell) ? run : run.withCommand(result);
  }

  /** Inserts text at offsets of the command line, mapped back onto its physical lines. */
  private static Shell insert(Shell shell, TreeMap<Integer, String> inserts) {
    if (inserts.isEmpty()) {
      return shell;
    }
    List<String> lines = new ArrayList<>(shell.lines());
    int offset = 0;
    for (int k = 0; k < lines.size(); k++) {
      if (shell.isComment(k)) {
        continue;
      }
      String line = lines.get(k);
      int end = offset + line.length();
      StringBuilder sb = new StringBuilder(line);
      // insert from the right so earlier offsets stay valid
      for (var e : inserts.subMap(offset, false, end, true).descendingMap().entrySet()) {
        sb.insert(e.getKey() - offset, e.getValue());
      }
      lines.set(k, sb.toString());
      offset = end;
    }
    return new Shell(lines);
  }

  private static void scan(ShellScan.Command command, Usage u) {
    for (ShellScan.Word a : command.assignments()) {
      if (a.raw().startsWith("PIP_NO_CACHE_DIR=")) {
        u.pipNoCacheEnv = true;
      }
    }
    List<ShellScan.Word> w = unwrap(command.words(), u);
    if (w.isEmpty()) {
      return;
    }
    String name = base(w.get(0).text());
    switch (name) {
      case "apt-get", "apt" -> {
        int sub = subcommand(w, 1, APT_ARGS);
        String s = sub < 0 ? "" : w.get(sub).text();
        if (s.equals("update")) {
          u.apt.append('u');
        } else if (APT_INSTALL.contains(s)) {
          u.apt.append('i');
        }
      }
      case "rm" -> {
        for (ShellScan.Word x : w.subList(1, w.size())) {
          String raw = x.raw();
          if (raw.startsWith("/var/lib/apt/lists") || raw.equals("/var/lib/apt")) {
            u.apt.append('r');
          }
          if (raw.startsWith("/var/cache/apk")) {
            u.apkDirty = false;
          }
          if (raw.startsWith("/var/cache/dnf")) {
            u.rpmDirty.remove("dnf");
          }
          if (raw.startsWith("/var/cache/yum")) {
            u.rpmDirty.remove("yum");
            u.rpmDirty.remove("microdnf");
          }
          if (raw.startsWith("/var/cache/zypp")) {
            u.zypperDirty = false;
          }
        }
      }
      case "apk" -> {
        boolean noCache = w.stream().anyMatch(x -> x.text().equals("--no-cache"));
        int sub = subcommand(w, 1, APK_ARGS);
        String s = sub < 0 ? "" : w.get(sub).text();
        boolean updateFlag = w.subList(1, sub < 0 ? w.size() : sub).stream()
            .anyMatch(x -> x.text().equals("-U") || x.text().equals("--update-cache")
                || x.text().equals("--update"));
        if (s.equals("update")) {
          u.apkDirty = true;
        } else if ((s.equals("add") || s.equals("upgrade") || s.equals("fix")) && !noCache) {
          u.apkAddEnds.add(w.get(sub).end()); // --no-cache is inserted: no index is kept
        } else if (updateFlag && !noCache) {
          u.apkDirty = true;
        }
      }
      case "npm", "pnpm" -> {
        int sub = subcommand(w, 1, NPM_ARGS);
        String s = sub < 0 ? "" : w.get(sub).text();
        if (name.equals("npm") && NPM_INSTALL.contains(s)) {
          u.npmDirty = true;
        } else if (s.equals("cache") && sub + 1 < w.size()
            && w.get(sub + 1).text().equals("clean")) {
          u.npmDirty = false;
        }
      }
      case "yarn" -> {
        int sub = subcommand(w, 1, YARN_ARGS);
        String s = sub < 0 ? "install" : w.get(sub).text();
        if (s.equals("install") || s.equals("add")
            || s.equals("global") && sub + 1 < w.size() && w.get(sub + 1).text().equals("add")) {
          u.yarnDirty = true;
        } else if (s.equals("cache") && sub + 1 < w.size()
            && w.get(sub + 1).text().equals("clean")) {
          u.yarnDirty = false;
        }
      }
      case "dnf", "yum", "microdnf", "dnf5", "tdnf" -> {
        String p = name.equals("dnf5") || name.equals("tdnf") ? "dnf" : name;
        int sub = subcommand(w, 1, DNF_ARGS);
        String s = sub < 0 ? "" : w.get(sub).text();
        if (DNF_INSTALL.contains(s)) {
          u.rpmDirty.add(p);
        } else if (s.equals("clean") && sub + 1 < w.size() && w.get(sub + 1).text().equals("all")) {
          u.rpmDirty.remove(p);
          if (!p.equals("dnf")) {
            u.rpmDirty.remove(p.equals("yum") ? "microdnf" : "yum"); // one cache folder
          }
        }
      }
      case "zypper" -> {
        int sub = subcommand(w, 1, ZYPPER_ARGS);
        String s = sub < 0 ? "" : w.get(sub).text();
        if (ZYPPER_INSTALL.contains(s)) {
          u.zypperDirty = true;
        } else if (s.equals("clean") || s.equals("cc")) {
          u.zypperDirty = false;
        }
      }
      default -> {
        int from = -1;
        if (PIP.matcher(name).matches()) {
          from = 1;
        } else if (PYTHON.matcher(name).matches()) {
          for (int k = 1; k + 1 < w.size(); k++) {
            if (w.get(k).text().equals("-m") && PIP.matcher(w.get(k + 1).text()).matches()) {
              from = k + 2;
              break;
            }
            if (!w.get(k).text().startsWith("-")) {
              break;
            }
          }
        }
        if (from > 0) {
          int sub = subcommand(w, from, PIP_ARGS);
          if (sub >= 0 && w.get(sub).text().equals("install")
              && w.stream().noneMatch(x -> x.text().equals("--no-cache-dir")
                  || x.text().startsWith("--cache-dir"))) {
            u.pipInstallEnds.add(w.get(sub).end());
          }
        }
      }
    }
  }

  /** Drops {@code sudo}, {@code env} and their options and assignments. */
  private static List<ShellScan.Word> unwrap(List<ShellScan.Word> words, Usage u) {
    int k = 0;
    while (k < words.size()) {
      String n = base(words.get(k).text());
      if (n.equals("sudo") || n.equals("env") || n.equals("nice") || n.equals("nohup")) {
        k++;
        while (k < words.size() && (words.get(k).text().startsWith("-")
            || words.get(k).raw().matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
          if (words.get(k).raw().startsWith("PIP_NO_CACHE_DIR=")) {
            u.pipNoCacheEnv = true;
          }
          k++;
        }
        continue;
      }
      break;
    }
    return words.subList(k, words.size());
  }

  private static String base(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** Returns the index of the first operand at or after {@code from}, skipping options. */
  private static int subcommand(List<ShellScan.Word> w, int from, Set<String> argOptions) {
    for (int k = from; k < w.size(); k++) {
      String t = w.get(k).text();
      if (t.equals("--")) {
        return k + 1 < w.size() ? k + 1 : -1;
      }
      if (t.startsWith("-") && t.length() > 1) {
        if (argOptions.contains(t)) {
          k++;
        }
        continue;
      }
      return k;
    }
    return -1;
  }

  private static boolean cached(List<Mount> mounts, String... dirs) {
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
