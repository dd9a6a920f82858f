package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The picocli-free parser of {@code fmt} and {@code lint} knows exactly the commands' options,
 * and for any command line it accepts, it sets the same fields as picocli.
 */
class FastPathTest {
  static Object fresh(String command) {
    return command.equals("fmt") ? new FmtCommand() : new LintCommand();
  }

  @Test
  void knowsEveryOptionOfTheCommands() {
    for (String command : List.of("fmt", "lint")) {
      CommandLine cl = new CommandLine(fresh(command));
      Set<String> flags = new TreeSet<>();
      Set<String> valued = new TreeSet<>();
      for (OptionSpec o : cl.getCommandSpec().options()) {
        if (o.usageHelp() || o.versionHelp()) {
          continue;
        }
        (o.arity().max() == 0 ? flags : valued).addAll(Arrays.asList(o.names()));
      }
      assertThat(new TreeSet<>(FastPath.FLAGS.get(command))).as(command).isEqualTo(flags);
      assertThat(new TreeSet<>(FastPath.VALUED.get(command))).as(command).isEqualTo(valued);
    }
  }

  /** The parsed state of a command, as a comparable string. */
  static String state(Object c) {
    if (c instanceof FmtCommand f) {
      return "fmt w=" + f.write + " check=" + f.check + " diff=" + f.diff + " col=" + f.columnLimit + " indent=" + f.continuationIndent
          + " " + state(f.options);
    }
    LintCommand l = (LintCommand) c;
    return "lint fix=" + l.fix + " format=" + l.format + " disable=" + l.disable + " "
        + state(l.options);
  }

  static String state(FileOptions o) {
    return "config=" + o.config + " noConfig=" + o.noConfig + " exclude=" + o.excludes
        + " stdin=" + o.stdinFilepath + " files=" + o.files;
  }

  static final List<String> WORDS = List.of("-w", "--write", "--check", "--diff", "--no-config",
      "--fix", "--column-limit", "--column-limit=7", "--continuation-indent",
      "--continuation-indent=2", "--config", "--config=c.yaml", "--exclude",
      "--exclude=a/", "--stdin-filepath", "--stdin-filepath=x/Dockerfile", "--format",
      "--format=json", "--disable", "--disable=DF111", "-", "--", "Dockerfile", "a b", "12",
      "json", "sarif", "xml", "-x", "--help", "-h", "--version", "-wv", "--check=true", "@args",
      "-1", "DF103");

  @Test
  void acceptedCommandLinesParseAsPicocliParsesThem() {
    Random random = new Random(16);
    int accepted = 0;
    for (int round = 0; round < 20_000; round++) {
      String command = random.nextBoolean() ? "fmt" : "lint";
      List<String> args = new ArrayList<>(List.of(command));
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        args.add(WORDS.get(random.nextInt(WORDS.size())));
      }
      String[] argv = args.toArray(String[]::new);
      Object fast = FastPath.parse(argv);
      if (fast == null) {
        continue;
      }
      accepted++;
      Object slow = fresh(command);
      CommandLine cl = new CommandLine(slow);
      try {
        cl.parseArgs(Arrays.copyOfRange(argv, 1, argv.length));
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError("the fast path accepted " + args + " but picocli says: "
            + e.getMessage());
      }
      assertThat(state(fast)).as("%s", args).isEqualTo(state(slow));
    }
    assertThat(accepted).as("command lines the fast path took").isGreaterThan(2_000);
  }
}
