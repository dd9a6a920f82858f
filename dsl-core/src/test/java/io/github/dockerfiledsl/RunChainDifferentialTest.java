package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Differential test of run-chain merging: random sequences of 2 to 6 steps, drawn from a
 * grammar of shell snippets that includes every state-changing form we know of (cd and its
 * spellings, export/unset/readonly/set/shopt/alias/umask/ulimit/trap/read/let/printf -v/exec/
 * source, functions, here-strings, background jobs, exit and return, {@code ||}, {@code ;},
 * pipes, comments, quotes and escapes), run as separate RUNs (a fresh shell per step, stopping at
 * the first failure as a build does) and as the RUNs the builder renders, under dash
 * ({@code /bin/sh}), bash, bash under {@code SHELL ["/bin/bash", "-euo", "pipefail", "-c"]}
 * (errexit and nounset on from the start) and bash in POSIX mode (as {@code /bin/sh} of Fedora
 * and similar images). A last probe step prints the state a following step sees
 * (directory, variables, umask, ulimit, options, traps, aliases, functions, exported
 * variables). Exit status, stdout and the files written (with their modes) must be equal.
 *
 * <p>To be fast, each try runs a batch of cases: one driver script per shell runs every variant
 * of every case of the batch and leaves its results in files, and both shells run at once.
 * {@value #TRIES} tries of {@value #BATCH} cases make {@value #CASES} cases per run.
 */
class RunChainDifferentialTest {
  static final int BATCH = 500;
  static final int TRIES = 20;
  static final int CASES = BATCH * TRIES;

  /**
   * The shells under test: name, program, its options before {@code -c}, and whether a SHELL
   * instruction names it (dash is the default {@code /bin/sh}).
   */
  record Sh(String name, String program, List<String> options, boolean shellInstruction) {}

  static final List<Sh> SHELLS = List.of(new Sh("dash", "/bin/sh", List.of(), false),
      new Sh("bash", "/bin/bash", List.of(), true),
      // a SHELL that turns on errexit and nounset, as many real Dockerfiles do
      new Sh("bash-euo", "/bin/bash", List.of("-euo", "pipefail"), true),
      // bash as /bin/sh (Fedora, CentOS, ...): POSIX mode, where more errors stop the shell
      new Sh("bash-posix", "/bin/bash", List.of("--posix"), true));

  /** A state probe: a grouped step, so in a chain it sees what earlier steps leaked. */
  static final String PROBE = "( pwd; echo \"V1=${V1-unset} V2=${V2-unset} V3=${V3-unset}"
      + " args=$# opts=$-\"; umask; ulimit -n; trap; alias; command -v f1 f2 e1 || :;"
      + " export -p; true ) 2>/dev/null";

  static Path root;
  static long cases;
  static long merged;
  static long nanos;

  @BeforeContainer
  static void setUp() throws IOException {
    root = Files.createTempDirectory("runchain-diff");
  }

  @AfterContainer
  static void tearDown() throws IOException {
    delete(root);
    System.out.printf("RunChainDifferentialTest: %d cases (%d with merged steps) under %d shells"
        + " in %.1f s%n", cases, merged, SHELLS.size(), nanos / 1e9);
  }

  // ---- the grammar

  static Arbitrary<String> atom() {
    return Arbitraries.oneOf(
        // cd and its spellings
        Arbitraries.of("cd d1", "cd d1/d2", "cd ..", "cd", "cd -P d1", "cd -- d1",
            "command cd d1", "builtin cd d1", "'cd' d1", "\"cd\" d1", "\\cd d1", "c\\d d1",
            "c''d d1", "CDPATH=. cd d1 >/dev/null", "eval cd d1", "eval 'cd d1/d2'",
            "x=d1; cd $x", "pushd d1 >/dev/null", "popd", "chdir d1", ". ./lib.sh",
            "source ./lib.sh", ". ./cdscript", "f1() { cd d1; }", "cd d1 || true",
            "true && cd d1"),
        // variables
        Arbitraries.of("export V1=a", "V1=b", "export V1", "unset V1", "readonly V2=c",
            "declare -x V3=d", "typeset V3=e", "local V1=x", "read V1 < in.txt",
            "read V1 <<< here", "echo q | read V1", "let V1=5", "printf -v V1 %s w",
            ": ${V2:=f}", ": $((V3=7))", "set -- p q", "V1=g true", "V1=h env >/dev/null",
            "V2=i; export V2", "export V3=\"j k\""),
        // options, aliases, limits, traps, exec
        Arbitraries.of("set -e", "set -u", "set -f", "set +e", "set -o noclobber",
            "shopt -s nullglob", "set -o pipefail", "alias e1='echo ALIAS'", "e1", "unalias e1",
            "umask 077", "umask 0", "ulimit -n 256", "ulimit -c 0", "trap 'echo TRAP' EXIT",
            // errexit, ERR traps and shell errors: a subshell left of && ignores the first two,
            // and bash reports the last with status 1 in a subshell, 127 at the top level
            "set -e; false; echo E1", "set -eu; echo $V9", "echo ${V9:?V9 unset}",
            "echo $((1/0))", "((V3=7))", "trap 'echo ERR' ERR; false; echo E2",
            "x=$(set -e; false; echo y); echo \"[$x]\"", "readonly V2=c; V2=d", "echo ${V9:1:2}",
            "( set -e; false; echo E3 )", "f3() { set -e; false; echo F3; }; f3",
            "set -o errexit", "eval 'set -e'; false; echo E4", "echo ${1x}",
            // special builtin errors, which stop bash in POSIX mode at the top level only
            "set -o nosuch; echo E5", "return 2; echo E6", "set -h; echo E7",
            "trap 'echo INT' INT", "trap - EXIT", "exec >out.log", "exec 3>fd3.txt",
            "exec echo E", "exec true", "exec false", "hash -r", "shift", "wait"),
        // functions, here-strings, background jobs, exit and return
        Arbitraries.of("f1() { echo F1; }", "f2() { return 3; }", "f1", "f2", "cat <<< hs",
            "true &", ": &", "true & wait", "exit", "exit 0", "exit 3", "(exit 4)", "return",
            "return 0", "return 5", "false", "true", "! false", "! true"),
        // output and files
        Arbitraries.of("echo s1", "echo s2", "echo \"${V1-unset}\"", "echo $V2", "pwd",
            "echo w > f1", "echo a >> log", "pwd >> log", "echo \"$V1\" > v.txt",
            "mkdir -p d3", "touch t1", "ls", "echo *", "cat f1", "test -f f1",
            "[ -d d1 ] && echo yes", "yes | head -n 1", "echo p | cat", "false | true",
            "true | false", "printf '%s\\n' pf", "echo $(cd d1; pwd)", "echo `pwd`"),
        // comments, quotes and escapes
        Arbitraries.of("echo c # note", "echo 'a && b'", "echo \"x; y\"", "echo a\\ b",
            "echo \\#", "echo \"it's\"", "echo '$V1'", "echo \\$V1", "echo \"$(pwd)\"",
            "echo 'cd d1; export V1=z'"));
  }

  static Arbitrary<String> step() {
    Arbitrary<String> a = atom();
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, a),
        // not ending in a background job: `x && true &` puts x in the background, and its output
        // races with the next step's in any shell, merged or not
        net.jqwik.api.Tuple.of(3, Combinators.combine(a, a, Arbitraries.of(" && ", " || ", "; "))
            .as((x, y, op) -> x + op + y).filter(s -> !s.endsWith(" &"))),
        // a pipe into a filter only: two writers of the same files in one pipeline would race;
        // and one that reads all its input: under pipefail, a writer whose reader has gone gets
        // SIGPIPE or not by chance (merged or not)
        net.jqwik.api.Tuple.of(1, Combinators.combine(a, Arbitraries.of("cat", "sed -n 1p",
            "{ read V1; cat >/dev/null; }", "cat >/dev/null", "tr a-z A-Z",
            "{ cd d1; cat >/dev/null; }", "{ export V1=pipe; cat >/dev/null; }"))
            .as((x, y) -> x + " | " + y)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(a, a, Arbitraries.of(0, 1, 2, 3, 4, 5, 6))
            .as((x, y, k) -> switch (k) {
              case 0 -> "{ " + x + "; }";
              case 1 -> "( " + x + " )";
              case 2 -> "if " + x + "; then " + y + "; else echo else; fi";
              case 3 -> "for i in 1 2; do " + x + "; done";
              case 4 -> "while false; do " + x + "; done; " + y;
              case 5 -> "case x in x) " + x + ";; esac";
              default -> x + " && " + y + " || echo or";
            })));
  }

  @Provide
  Arbitrary<List<List<String>>> batches() {
    return step().list().ofMinSize(2).ofMaxSize(6).list().ofSize(BATCH);
  }

  // ---- the property

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, seed = "")
  void mergedRunsBehaveLikeSeparateRuns(@ForAll("batches") List<List<String>> batch)
      throws Exception {
    long start = System.nanoTime();
    Path dir = Files.createTempDirectory(root, "batch");
    Map<Sh, Process> running = new TreeMap<>(Comparator.comparing(Sh::name));
    Map<Sh, List<List<String>>> rendered = new TreeMap<>(Comparator.comparing(Sh::name));
    for (Sh sh : SHELLS) {
      List<List<String>> runs = new ArrayList<>();
      StringBuilder script = new StringBuilder("SH=" + sh.program() + "\nSHOPTS='"
          + String.join(" ", sh.options()) + "'\n");
      script.append("probe() { cd \"$1/w\" && unset OLDPWD && HOME=\"$1/w\" \"$SH\" $SHOPTS -c '"
          + q(PROBE)
          + "' </dev/null >\"$1/out\" 2>/dev/null; }\n");
      script.append("probe '" + dir + "/" + sh.name() + "-probe'\n");
      fixture(dir.resolve(sh.name() + "-probe"));
      for (int c = 0; c < batch.size(); c++) {
        List<String> steps = batch.get(c);
        List<String> separate = new ArrayList<>(steps);
        List<String> chained = render(steps, sh);
        runs.add(chained);
        variant(script, dir.resolve(sh.name() + "-" + c + "-s"), separate);
        variant(script, dir.resolve(sh.name() + "-" + c + "-m"), chained);
      }
      rendered.put(sh, runs);
      script.append("times >'" + dir + "/times-" + sh.name() + "'\n");
      Path file = dir.resolve(sh.name() + ".sh");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder("/bin/sh", file.toString()).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().clear();
      pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
      pb.environment().put("LC_ALL", "C");
      running.put(sh, pb.start());
    }
    for (Process p : running.values()) {
      assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("driver finished").isTrue();
    }
    for (Sh sh : SHELLS) {
      System.out.println("times " + sh.name() + ": "
          + Files.readString(dir.resolve("times-" + sh.name())).replace("\n", " "));
      Path probeDir = dir.resolve(sh.name() + "-probe");
      String probe = Files.readString(probeDir.resolve("out")).replace(probeDir.toString(), "<V>");
      for (int c = 0; c < batch.size(); c++) {
        Path s = dir.resolve(sh.name() + "-" + c + "-s");
        Path m = dir.resolve(sh.name() + "-" + c + "-m");
        Outcome separate = outcome(s, probe);
        Outcome chained = outcome(m, null);
        assertThat(chained).as("under %s, steps %s rendered as RUNs %s", sh.name(),
            batch.get(c), rendered.get(sh).get(c)).isEqualTo(separate);
      }
    }
    for (int c = 0; c < batch.size(); c++) {
      cases++;
      if (rendered.get(SHELLS.get(0)).get(c).size() < batch.get(c).size() + 1) {
        merged++;
      }
    }
    delete(dir);
    nanos += System.nanoTime() - start;
  }

  /** What a build sees: the exit status, stdout and the files under the variant's folder. */
  record Outcome(int status, String stdout, Map<String, String> files) {}

  static Outcome outcome(Path v, String separateProbe) throws IOException {
    int status = Integer.parseInt(Files.readString(v.resolve("status")).strip());
    String out = Files.readString(v.resolve("out"), StandardCharsets.ISO_8859_1);
    if (separateProbe != null && status == 0) {
      out += separateProbe; // a fresh shell runs the probe: its output is the same every time
    }
    out = out.replace(v.toString(), "<V>").replace(v.toString().toUpperCase(), "<V>");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(v)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = v.relativize(p).toString();
        if (rel.equals("out") || rel.equals("status")) {
          continue;
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        files.put(rel, mode + (Files.isRegularFile(p)
            ? " " + Files.readString(p, StandardCharsets.ISO_8859_1).replace(v.toString(), "<V>")
            : " dir"));
      }
    }
    return new Outcome(status, out, files);
  }

  /** Appends the commands of one variant to the driver: each RUN a fresh shell, in order. */
  static void variant(StringBuilder script, Path v, List<String> runs) throws IOException {
    fixture(v);
    script.append("V='").append(v)
        .append("'; st=0; cd \"$V/w\"; unset OLDPWD; export HOME=\"$V/w\"\n");
    for (String r : runs) {
      script.append("[ $st = 0 ] && { \"$SH\" $SHOPTS -c '").append(q(r))
          .append("' </dev/null >>\"$V/out\" 2>/dev/null; st=$?; }\n");
    }
    script.append("echo $st >\"$V/status\"\n");
  }

  static void fixture(Path v) throws IOException {
    Path w = v.resolve("w");
    Files.createDirectories(w.resolve("d1/d2"));
    Files.writeString(w.resolve("in.txt"), "from-file\n");
    Files.writeString(w.resolve("lib.sh"), "V1=lib; cd d1; f2() { echo F2; }\n");
    Files.writeString(w.resolve("cdscript"), "cd d1/d2\n");
    Files.writeString(v.resolve("out"), "");
  }

  static String q(String s) {
    return s.replace("'", "'\\''");
  }

  /** The RUN commands the builder renders for the steps plus the probe. */
  static List<String> render(List<String> steps, Sh sh) {
    StageStep s = Dockerfile.from("scratch");
    if (sh.shellInstruction()) {
      List<String> args = new ArrayList<>(sh.options());
      args.add("-c");
      s = s.shell(Exec.of(sh.program(), args.toArray(String[]::new)));
    }
    for (String step : steps) {
      s = s.run(step);
    }
    s = s.run(PROBE);
    List<String> runs = new ArrayList<>();
    for (Instruction i : s.build().stages().get(0).instructions()) {
      if (i instanceof RunInstruction r) {
        runs.add(((Shell) r.command()).command());
      }
    }
    return runs;
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          p.toFile().setWritable(true);
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
