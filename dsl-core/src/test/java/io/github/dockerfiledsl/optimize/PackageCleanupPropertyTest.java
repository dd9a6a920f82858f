package io.github.dockerfiledsl.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.StageStep;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The cleanup of the package helpers and of {@link PackageCleanup}, run for real: fake package
 * managers (test resources {@code fakepm/}) keep real package lists and caches and record what
 * is installed; the RUNs run in a private mount namespace whose {@code /var/cache}, {@code
 * /var/lib/apt}, {@code /root} and {@code /usr/local/share} are empty temporary folders. After
 * the RUNs, every RUN succeeded, the lists and caches are gone, every package asked for is
 * installed and no build dependency remains.
 *
 * <p>Each try runs a batch of cases in one namespace. Needs root (for {@code unshare -m}),
 * which CI has; skipped otherwise.
 */
class PackageCleanupPropertyTest {
  static final List<String> FAKES = List.of("apt-get", "apk", "pip", "pip3", "python3", "npm",
      "yarn", "dnf", "yum", "microdnf", "zypper");
  static final List<String> MOUNTS = List.of("/var/cache", "/var/lib/apt", "/root",
      "/usr/local/share");
  static Path root;
  static boolean usable;

  /** One step: a builder run step or a RUN line of a parsed Dockerfile, and what it installs. */
  record Step(Run run, String text, Set<String> installs, Set<String> buildDeps) {}

  /** A case: the RUN commands to run and what must and must not be installed after them. */
  record Case(String description, List<String> runs, Set<String> installed, Set<String> gone) {}

  @BeforeContainer
  static void setUp() throws Exception {
    root = Files.createTempDirectory("fakepm");
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String f : FAKES) {
      try (InputStream in = PackageCleanupPropertyTest.class.getResourceAsStream("/fakepm/" + f)) {
        Files.copy(in, bin.resolve(f));
      }
      bin.resolve(f).toFile().setExecutable(true);
    }
    Process p = new ProcessBuilder("unshare", "-m", "sh", "-c",
        "mount --make-rprivate / && mount --bind " + bin + " /var/cache && test -x /var/cache/apk")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    usable = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @AfterContainer
  static void tearDown() throws IOException {
    delete(root);
  }

  static Arbitrary<Step> step() {
    Arbitrary<String> apt = Arbitraries.of("curl", "git", "wget");
    Arbitrary<String> aptBuild = Arbitraries.of("gcc", "make", "libc-dev");
    Arbitrary<String> apkP = Arbitraries.of("ca-certificates", "tzdata", "bash");
    Arbitrary<String> apkBuild = Arbitraries.of("musl-dev", "g++", "linux-headers");
    Arbitrary<String> py = Arbitraries.of("flask", "requests", "pyyaml");
    Arbitrary<String> js = Arbitraries.of("left-pad", "lodash");
    Arbitrary<String> rpm = Arbitraries.of("vim", "tar", "unzip");
    return Arbitraries.oneOf(
        apt.map(p -> new Step(Apt.install(p), null, Set.of(p), Set.of())),
        aptBuild.map(p -> new Step(Apt.buildDeps(p), null, Set.of(), Set.of(p))),
        apkP.map(p -> new Step(Apk.add(p), null, Set.of(p), Set.of())),
        apkBuild.map(p -> new Step(Apk.buildDeps(p), null, Set.of(), Set.of(p))),
        py.map(p -> new Step(Pip.install(p), null, Set.of(p), Set.of())),
        js.map(p -> new Step(Npm.install(p), null, Set.of(p), Set.of())),
        js.map(p -> new Step(Yarn.add(p), null, Set.of(p), Set.of())),
        rpm.map(p -> new Step(Dnf.install(p), null, Set.of(p), Set.of())),
        rpm.map(p -> new Step(Yum.install(p), null, Set.of(p), Set.of())),
        rpm.map(p -> new Step(Microdnf.install(p), null, Set.of(p), Set.of())),
        rpm.map(p -> new Step(Zypper.install(p), null, Set.of(p), Set.of())),
        Arbitraries.of("echo built > /srv/out", "test -d /var/cache").map(
            c -> new Step(Run.of(c), null, Set.of(), Set.of())),
        // RUN lines a person writes, for the cleanup pass
        Combinators.combine(Arbitraries.of(
            "apt-get update && apt-get install -y %s",
            "apt-get -q update && DEBIAN_FRONTEND=noninteractive apt-get -y install %s",
            "apt-get update \\\n    && apt-get install -y --no-install-recommends %s",
            "apk -U add %s", "apk --update add %s", "apk update && apk add %s",
            "pip install %s", "pip3 --quiet install %s", "python3 -m pip install %s",
            "npm install %s", "yarn add %s", "dnf install -y %s", "dnf -y install %s",
            "yum -y install %s", "microdnf install -y %s", "zypper --non-interactive install %s",
            "zypper -n in %s", "cd /srv && pip install %s", "echo 'pip install %s' > /srv/README"),
            Arbitraries.of("curl", "flask", "vim")).as((t, p) -> new Step(null, String.format(t, p),
                t.contains("README") ? Set.of() : Set.of(p), Set.of())));
  }

  @Provide
  Arbitrary<List<List<Step>>> batches() {
    return step().list().ofMinSize(1).ofMaxSize(5).list().ofSize(30);
  }

  @Property(tries = 10, shrinking = ShrinkingMode.OFF)
  void cleanupLeavesNoCacheAndEveryPackage(@ForAll("batches") List<List<Step>> batch)
      throws Exception {
    if (!usable) {
      // no private mount namespace here (not root); CI runs as root and must run this test
      assertThat(System.getenv("CI")).as("unshare -m failed in CI").isNotEqualTo("true");
      return;
    }
    List<Case> cases = new ArrayList<>();
    for (List<Step> steps : batch) {
      cases.add(builderCase(steps));
      cases.add(passCase(steps));
    }
    run(cases);
  }

  /** The builder's rendering: helpers and raw lines as run steps, one run chain. */
  static Case builderCase(List<Step> steps) {
    StageStep s = Dockerfile.from("debian");
    Set<String> installed = new TreeSet<>();
    Set<String> gone = new TreeSet<>();
    for (Step step : steps) {
      s = step.run() != null ? s.run(step.run())
          : s.run(Shell.lines(step.text().split("\\\\\n", -1)));
      installed.addAll(step.installs());
      gone.addAll(step.buildDeps());
    }
    gone.removeAll(installed);
    return new Case("builder " + steps, runs(s.build()), installed, gone);
  }

  /** The pass's rendering: the same steps as RUN lines of a parsed file, one RUN each. */
  static Case passCase(List<Step> steps) {
    StringBuilder text = new StringBuilder("FROM debian\n");
    Set<String> installed = new TreeSet<>();
    for (Step step : steps) {
      if (step.text() != null) {
        text.append("RUN ").append(step.text()).append('\n');
        installed.addAll(step.installs());
      }
    }
    Dockerfile d = Passes.apply(DockerfileParser.parse("Dockerfile", text.toString()),
        Passes.defaults());
    return new Case("pass over\n" + text + "->\n" + d.render(), runs(d), installed, Set.of());
  }

  static List<String> runs(Dockerfile d) {
    List<String> out = new ArrayList<>();
    for (Instruction i : d.stages().get(0).instructions()) {
      if (i instanceof RunInstruction r) {
        out.add(((Shell) r.command()).command());
      }
    }
    return out;
  }

  static void run(List<Case> cases) throws Exception {
    Path dir = Files.createTempDirectory(root, "batch");
    StringBuilder script = new StringBuilder("set -u\nmount --make-rprivate / || exit 90\n");
    script.append("mount --bind '").append(Files.createDirectories(dir.resolve("srv")))
        .append("' /srv || exit 91\n");
    for (String m : MOUNTS) {
      Path src = Files.createDirectories(dir.resolve("mnt" + m));
      script.append("mount --bind '").append(src).append("' ").append(m).append(" || exit 91\n");
    }
    Files.writeString(dir.resolve("mnt/var/cache/.fake"), "");
    script.append("[ -f /var/cache/.fake ] || exit 92\n");
    script.append("export PATH='").append(root.resolve("bin")).append(":/usr/bin:/bin'\n");
    for (int c = 0; c < cases.size(); c++) {
      Path state = Files.createDirectories(dir.resolve("state" + c + "/installed"));
      script.append("for m in ").append(String.join(" ", MOUNTS))
          .append("; do find $m -mindepth 1 ! -name .fake -delete; done\n");
      script.append("export FAKE_STATE='").append(state.getParent()).append("'; st=0\n");
      for (String r : cases.get(c).runs()) {
        script.append("[ $st = 0 ] && { sh -c '").append(r.replace("'", "'\\''"))
            .append("' </dev/null >/dev/null 2>>\"$FAKE_STATE/err\"; st=$?; }\n");
      }
      script.append("echo $st >\"$FAKE_STATE/status\"\n");
      script.append("find ").append(String.join(" ", MOUNTS))
          .append(" -type f ! -name .fake >\"$FAKE_STATE/left\"\n");
    }
    Path file = dir.resolve("driver.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("unshare", "-m", "sh", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("driver.log"))).isZero();
    for (int c = 0; c < cases.size(); c++) {
      Case k = cases.get(c);
      Path state = dir.resolve("state" + c);
      String why = k.description() + "\nRUNs " + k.runs() + "\nstderr: "
          + (Files.exists(state.resolve("err")) ? Files.readString(state.resolve("err")) : "");
      assertThat(Files.readString(state.resolve("status")).strip()).as(why).isEqualTo("0");
      assertThat(Files.readString(state.resolve("left"))).as("caches left by " + why).isEmpty();
      Set<String> installed = new TreeSet<>();
      try (Stream<Path> list = Files.list(state.resolve("installed"))) {
        list.forEach(x -> installed.add(x.getFileName().toString()));
      }
      assertThat(installed).as("installed by " + why).containsAll(k.installed());
      for (String g : k.gone()) {
        assertThat(installed).as("build dependencies left by " + why).doesNotContain(g);
      }
    }
    delete(dir);
  }

  static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(x -> {
        try {
          Files.delete(x);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  static Set<String> set(String... s) {
    return new LinkedHashSet<>(List.of(s));
  }
}
