package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random Dockerfiles written through the builder, over every instruction, flag, form, heredoc,
 * comment and both escape characters, with hostile strings in every String parameter: whatever
 * the builder accepts renders, reads back as the same model, and formats to the same text.
 *
 * <p>Each try is one seed; a failure names the seed and the calls that led to it. Values the
 * builder rejects must be rejected with an {@link IllegalArgumentException} whose message shows
 * control characters escaped; any other exception fails the property.
 */
class BuilderRoundTripPropertiesTest {

  /** Pieces of hostile strings: quoting, escapes, variables, heredoc markers, odd white space. */
  private static final String[] PIECES = {
    "a", "app", "/usr/src/app", "x.txt", "b/c", "1.0", "EOF", "$", "$A", "${A}", "${A:-x y}",
    "${A:+\"q\"}", "$(id)", "$$", "$1", "\\", "\\$", "\\\\", "`", "\"", "'", " ", "  ", "\t",
    "\u00a0", "\u2028", "\u001c", "\u0085", "\u3000", "\u200b", "#", "# x", "=", ",", ";", "|",
    "&", "&&", "<<EOF", "<<-'E'", "<<\"X\"", "[\"a\"]", "[]", "--x", "--", "-", "\n", "\r",
    "\r\n", "\u0000", "\u0007", "\u007f", "é", "😀", "\ud800", "{", "}", "*", "?", "~", "%",
    "C:\\", "C:\\app", "AS", "from", "FROM x", "ONBUILD", "scratch", "context", ":", "@", "+",
  };

  /** A generator of the values one try uses, with the calls made so far for the report. */
  private static final class Gen {
    final Random random;
    final List<String> trace = new ArrayList<>();
    int rejected;

    Gen(long seed) {
      random = new Random(seed);
    }

    int below(int n) {
      return random.nextInt(n);
    }

    boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }

    String plain() {
      return PIECES[below(7)];
    }

    /** A string that is plain most of the time and hostile otherwise. */
    String str() {
      int k = below(100);
      if (k < 35) {
        return plain();
      }
      if (k == 99 && below(40) == 0) {
        return "x".repeat(64 * 1024 + below(10)); // beyond BuildKit's line limit
      }
      if (k >= 95) {
        return "v".repeat(1 + below(300));
      }
      StringBuilder sb = new StringBuilder();
      int n = 1 + below(5);
      for (int i = 0; i < n; i++) {
        sb.append(PIECES[below(PIECES.length)]);
      }
      return sb.toString();
    }

    String[] strs(int max) {
      String[] out = new String[below(max + 1)];
      for (int i = 0; i < out.length; i++) {
        out[i] = str();
      }
      return out;
    }

    Duration duration() {
      return switch (below(5)) {
        case 0 -> Duration.ZERO;
        case 1 -> Duration.ofNanos(1 + below(1_000_000));
        case 2 -> Duration.ofMillis(1 + below(5000));
        case 3 -> Duration.ofSeconds(1 + below(100_000));
        default -> Duration.ofMinutes(1 + below(90)).plusMillis(below(3));
      };
    }

    Command command() {
      return chance(50) ? exec() : Shell.of(str());
    }

    Exec exec() {
      return chance(10) ? Exec.empty() : Exec.of(str(), strs(3));
    }

    Heredoc heredoc(String name) {
      String body = chance(70) ? str() + "\n" + str() : str();
      return chance(50) ? Heredoc.of(name, body) : Heredoc.literal(name, body);
    }

    Chmod chmod() {
      return switch (below(4)) {
        case 0 -> Chmod.of(below(5000) - 100);
        case 1 -> Chmod.octal(str());
        case 2 -> Chmod.symbolic(str());
        default -> Chmod.variable(str());
      };
    }

    Mount mount() {
      return switch (below(6)) {
        case 0 -> Mount.cache(str());
        case 1 -> Mount.cache(str()).withId(str()).withSharing(Mount.Sharing.values()[below(3)]);
        case 2 -> Mount.secret(str()).withEnv(str()).withRequired(chance(50));
        case 3 -> Mount.tmpfs(str());
        case 4 -> Mount.bind(str());
        default -> Mount.ssh();
      };
    }

    Run run() {
      Run r = chance(30) ? Run.chain(str(), strs(2)) : Run.of(str());
      return flags(r);
    }

    Run flags(Run r) {
      Run out = r;
      if (chance(30)) {
        out = out.mount(mount());
      }
      if (chance(10)) {
        out = out.network(RunInstruction.Network.values()[below(3)]);
      }
      if (chance(10)) {
        out = out.security(RunInstruction.Security.values()[below(2)]);
      }
      if (chance(10)) {
        out = out.device(str());
      }
      return out;
    }

    Run.Single flags(Run.Single r) {
      Run.Single out = r;
      if (chance(30)) {
        out = out.mount(mount());
      }
      if (chance(10)) {
        out = out.network(RunInstruction.Network.values()[below(3)]);
      }
      if (chance(10)) {
        out = out.security(RunInstruction.Security.values()[below(2)]);
      }
      if (chance(10)) {
        out = out.device(str());
      }
      return out;
    }

    Copy copy(List<StageRef> refs) {
      Copy c = chance(15) ? Copy.heredoc(heredoc(chance(50) ? "EOF" : str()), str())
          : chance(20) ? Copy.of(List.of(str(), str()), str()) : Copy.of(str(), str());
      if (chance(20)) {
        c = c.chown(str());
      }
      if (chance(15)) {
        c = c.chmod(chmod());
      }
      if (chance(10)) {
        c = c.link();
      }
      if (chance(10)) {
        c = c.parents();
      }
      if (chance(10)) {
        c = c.exclude(str());
      }
      if (chance(10)) {
        c = c.json();
      }
      if (chance(15) && !refs.isEmpty()) {
        c = c.from(refs.get(below(refs.size())));
      } else if (chance(10)) {
        c = c.from(ImageRef.parse(chance(50) ? "alpine:3.20" : str()));
      } else if (chance(5)) {
        c = c.fromContext(str());
      }
      return c;
    }

    Add add() {
      Add a = chance(15) ? Add.heredoc(heredoc("EOF"), str())
          : chance(15) ? Add.of(List.of(str(), str()), str()) : Add.of(str(), str());
      if (chance(15)) {
        a = a.chown(str());
      }
      if (chance(10)) {
        a = a.chmod(chmod());
      }
      if (chance(10)) {
        a = a.link();
      }
      if (chance(10)) {
        a = a.keepGitDir();
      }
      if (chance(15)) {
        a = a.checksum(chance(50) ? "sha256:" + "0".repeat(64) : str());
      }
      if (chance(10)) {
        a = a.unpack(chance(50));
      }
      if (chance(10)) {
        a = a.exclude(str());
      }
      if (chance(10)) {
        a = a.json();
      }
      return a;
    }

    Healthcheck healthcheck() {
      if (chance(15)) {
        return Healthcheck.none();
      }
      Healthcheck h = Healthcheck.of(command());
      if (chance(30)) {
        h = h.interval(duration());
      }
      if (chance(20)) {
        h = h.timeout(duration());
      }
      if (chance(20)) {
        h = h.startPeriod(duration());
      }
      if (chance(20)) {
        h = h.startInterval(duration());
      }
      if (chance(20)) {
        h = h.retries(below(12) - 2);
      }
      return h;
    }

    Port port() {
      return switch (below(6)) {
        case 0 -> Port.of(below(70000));
        case 1 -> Port.tcp(below(66000));
        case 2 -> Port.udp(below(66000));
        case 3 -> Port.sctp(below(66000));
        case 4 -> Port.range(below(66000), below(66000));
        default -> Port.variable(str());
      };
    }

    Signal signal() {
      return switch (below(3)) {
        case 0 -> Signal.named(chance(60) ? "SIGTERM" : str());
        case 1 -> Signal.of(below(80) - 5);
        default -> Signal.variable(str());
      };
    }

    Trigger trigger() {
      return switch (below(12)) {
        case 0 -> Trigger.run(str());
        case 1 -> Trigger.run(run());
        case 2 -> Trigger.copy(str(), str());
        case 3 -> Trigger.add(str(), str());
        case 4 -> Trigger.workdir(str());
        case 5 -> Trigger.env(str(), str());
        case 6 -> Trigger.label(str(), str());
        case 7 -> Trigger.user(str());
        case 8 -> Trigger.cmd(command());
        case 9 -> Trigger.arg(str(), str());
        case 10 -> Trigger.healthcheck(healthcheck());
        default -> Trigger.stopsignal(signal());
      };
    }

    /** Calls one builder method; a rejected value leaves the step as it was. */
    <T> T attempt(String call, Supplier<T> action, T unchanged) {
      trace.add(call);
      try {
        return action.get();
      } catch (IllegalArgumentException e) {
        rejected++;
        checkMessage(e);
        trace.set(trace.size() - 1, call + " -> rejected");
        return unchanged;
      }
    }
  }

  private static void checkMessage(IllegalArgumentException e) {
    String m = e.getMessage();
    assertThat(m).as("rejection message").isNotBlank();
    assertThat(m.chars().noneMatch(c -> c < 0x20 || c == 0x7f))
        .as("control characters are escaped in %s", m.replace("\n", "\\n")).isTrue();
  }

  @Property(tries = 10_000)
  @StatisticsReport(onFailureOnly = true)
  void everythingTheBuilderAcceptsRoundTripsExactly(@ForAll long seed) {
    Gen g = new Gen(seed);
    try {
      Optional<Dockerfile> d = check(g);
      Statistics.label("build").collect(d.isPresent() ? "built" : "rejected");
      d.ifPresent(x -> Statistics.label("stages").collect(Math.min(x.stages().size(), 3)));
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + seed + ", calls:\n  " + String.join("\n  ", g.trace), e);
    }
  }

  private static Optional<Dockerfile> check(Gen g) {
    DockerfileBuilder df = Dockerfile.builder();
    if (g.chance(40)) {
      df = g.attempt("escape('`')", () -> Dockerfile.builder().escape('`'), df);
    }
    DockerfileBuilder root = df;
    if (g.chance(20)) {
      g.attempt("syntax", () -> root.syntax(g.chance(70) ? "docker/dockerfile:1" : g.str()), root);
    }
    if (g.chance(10)) {
      g.attempt("check", () -> root.check(g.chance(70) ? "skip=all" : g.str()), root);
    }
    if (g.chance(15)) {
      g.attempt("verbatim", root::verbatim, root);
    }
    for (int i = g.below(3); i > 0; i--) {
      switch (g.below(4)) {
        case 0 -> g.attempt("global arg", () -> root.arg(g.str()), root);
        case 1 -> g.attempt("global arg=", () -> root.arg(g.str(), g.str()), root);
        case 2 -> g.attempt("root comment", () -> root.comment(g.str()), root);
        default -> root.blankLine();
      }
    }
    List<StageRef> refs = new ArrayList<>();
    InstructionStep cur = g.attempt("from", () -> root.from(g.str()), null);
    if (cur == null) {
      cur = root.from("alpine");
    }
    int ops = g.below(24);
    for (int i = 0; i < ops; i++) {
      cur = step(g, root, cur, refs);
    }
    if (g.chance(10)) {
      g.attempt("trailing root comment", () -> root.comment(g.str()), root);
    }
    InstructionStep last = cur;
    Dockerfile d;
    try {
      g.trace.add("build()");
      d = last.build();
    } catch (IllegalArgumentException e) {
      checkMessage(e);
      return Optional.empty();
    }
    String text = d.render();
    assertThat(d.toString()).isEqualTo(text);
    Dockerfile back = Dockerfile.parse(text);
    assertThat(back).as("parse(render(x)) for\n%s", text).isEqualTo(d);
    assertThat(back.render()).as("render(parse(render(x)))").isEqualTo(text);
    return Optional.of(d);
  }

  private static InstructionStep step(Gen g, DockerfileBuilder root, InstructionStep cur,
      List<StageRef> refs) {
    if (cur instanceof FromStep f && g.chance(30)) {
      return g.attempt("platform", () -> f.platform(g.chance(50) ? "linux/amd64" : g.str()), cur);
    }
    if (cur instanceof AsStep a && g.chance(40)) {
      return g.attempt("as", () -> a.as(g.chance(50) ? "s" + g.below(6) : g.str()), cur);
    }
    if (cur instanceof RunStep r && g.chance(25)) {
      return g.chance(70) ? g.attempt("cleanup", () -> r.cleanup(g.str(), g.strs(2)), cur)
          : r.layer();
    }
    if (cur instanceof CleanupStep c && g.chance(40)) {
      return g.chance(50) ? g.attempt("cleanup", () -> c.cleanup(g.str(), g.strs(1)), cur)
          : c.layer();
    }
    if (cur instanceof StageStep s && g.chance(35)) {
      return switch (g.below(7)) {
        case 0 -> g.attempt("run(String)", () -> s.run(g.str()), cur);
        case 1 -> g.attempt("run(Shell)", () -> s.run(Shell.lines(g.str(), g.str())), cur);
        case 2 -> g.attempt("run(Run)", () -> s.run(g.run()), cur);
        case 3 -> g.attempt("run(Exec)", () -> s.run(g.exec()), cur);
        case 4 -> g.attempt("run(script)", () -> s.run(g.flags(Run.script(g.str()))), cur);
        case 5 -> g.attempt("run(heredoc)", () -> {
          String name = g.chance(60) ? "EOF" : g.str();
          return s.run(g.flags(Run.heredoc(g.str() + " <<" + name, g.heredoc(name))));
        }, cur);
        default -> g.attempt("run(Exec Run)", () -> s.run(g.flags(Run.of(g.exec()))), cur);
      };
    }
    return switch (g.below(30)) {
      case 0 -> g.attempt("copy", () -> cur.copy(g.str(), g.str()), cur);
      case 1, 2 -> g.attempt("copy(Copy)", () -> cur.copy(g.copy(refs)), cur);
      case 3 -> g.attempt("add", () -> cur.add(g.str(), g.str()), cur);
      case 4 -> g.attempt("add(Add)", () -> cur.add(g.add()), cur);
      case 5 -> g.attempt("workdir", () -> cur.workdir(g.str()), cur);
      case 6 -> g.attempt("env", () -> cur.env(g.str(), g.str()), cur);
      case 7 -> g.attempt("env(list)", () -> cur.env(
          List.of(KeyValue.of(g.str(), g.str()), KeyValue.of(g.str(), g.str()))), cur);
      case 8 -> g.attempt("label", () -> cur.label(g.str(), g.str()), cur);
      case 9 -> g.attempt("label(list)", () -> cur.label(List.of(KeyValue.of(g.str(), g.str()))),
          cur);
      case 10 -> g.attempt("expose(int)", () -> cur.expose(g.below(70000)), cur);
      case 11 -> g.attempt("expose(Port)", () -> cur.expose(g.port(), g.port()), cur);
      case 12 -> g.attempt("cmd", () -> cur.cmd(g.command()), cur);
      case 13 -> g.attempt("entrypoint", () -> cur.entrypoint(g.command()), cur);
      case 14 -> g.attempt("healthcheck", () -> cur.healthcheck(g.healthcheck()), cur);
      case 15 -> g.attempt("user", () -> cur.user(g.str()), cur);
      case 16 -> g.attempt("user:group", () -> cur.user(g.str(), g.str()), cur);
      case 17 -> g.attempt("volume", () -> cur.volume(g.str(), g.strs(2)), cur);
      case 18 -> g.attempt("volumeJson", () -> cur.volumeJson(g.str(), g.strs(2)), cur);
      case 19 -> g.attempt("arg", () -> cur.arg(g.str()), cur);
      case 20 -> g.attempt("arg=", () -> cur.arg(g.str(), g.str()), cur);
      case 21 -> g.attempt("arg(list)", () -> cur.arg(List.of(
          new ArgInstruction.Arg(g.str(), Optional.empty()),
          new ArgInstruction.Arg(g.str(), Optional.of(g.str())))), cur);
      case 22 -> g.attempt("onbuild", () -> cur.onbuild(g.trigger()), cur);
      case 23 -> g.attempt("shell", () -> cur.shell(g.exec()), cur);
      case 24 -> g.attempt("stopsignal", () -> cur.stopsignal(g.signal()), cur);
      case 25 -> g.attempt("maintainer", () -> cur.maintainer(g.str()), cur);
      case 26 -> g.chance(50) ? g.attempt("comment", () -> cur.comment(g.str()), cur)
          : g.attempt("comment(Comment)", () -> cur.comment(new Comment(g.str())), cur);
      case 27 -> cur.blankLine();
      case 28 -> {
        StageRef ref = cur.end();
        refs.add(ref);
        g.trace.add("end()");
        yield g.chance(50) ? g.attempt("from(ref)", () -> root.from(ref), cur)
            : g.attempt("from(ref) on step", () -> cur.from(ref), cur);
      }
      default -> g.chance(50) ? g.attempt("from", () -> cur.from(g.str()), cur)
          : g.attempt("df.from", () -> {
            if (g.chance(50)) {
              root.comment(g.str());
            }
            return root.from(g.chance(50) ? "debian" : g.str());
          }, cur);
    };
  }
}
