package io.github.dockerfiledsl.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code dockerfile-dsl} command: formats, parses, imports, renders and lints Dockerfiles
 * and YAML specs.
 *
 * <pre>
 * dockerfile-dsl fmt -w Dockerfile
 * dockerfile-dsl import Dockerfile &gt; app.yaml
 * dockerfile-dsl render app.yaml -o Dockerfile
 * </pre>
 *
 * <p>Exit status: 0 success, 1 findings ({@code fmt --check} found a file to reformat, {@code
 * lint} found errors), 2 bad input or usage, with {@code file:line:column: message} on standard
 * error and no output file written, 3 internal error (a bug in the tool, never a user mistake).
 */
@Command(
    name = "dockerfile-dsl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Formats, parses, imports, renders and lints Dockerfiles and YAML specs.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  success",
      "  1  fmt --check found a file to reformat; lint found errors; pin --check or"
          + " rewrite --check found a reference to change",
      "  2  bad input or usage (file:line:column: message on stderr; no file written)",
      "  3  internal error (a bug: please report it with the input)"
    })
public final class Main implements Callable<Integer> {
  /** Exit status of success. */
  public static final int EXIT_OK = 0;
  /** Exit status when {@code fmt --check} or {@code lint} found something. */
  public static final int EXIT_FINDINGS = 1;
  /** Exit status for bad input or usage. */
  public static final int EXIT_BAD_INPUT = 2;
  /** Exit status for an internal error (a bug, never a user mistake). */
  public static final int EXIT_INTERNAL = 3;

  static InputStream stdin = System.in;

  @Spec CommandSpec spec;

  private Main() {}

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.err.flush();
    if (status != EXIT_OK) {
      // halt, not exit: System.exit starts the platform logger to log the exit (JDK 17+), which
      // costs more start-up time than a run of fmt; there are no shutdown hooks to run
      Runtime.getRuntime().halt(status);
    }
  }

  /**
   * Runs the tool without exiting.
   *
   * @param args the command line
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    stdin = in;
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
        true);
    // every message on standard error goes through the escaping writer (control characters from
    // file names or file contents never reach the terminal)
    PrintWriter e = new PrintWriter(Terminal.escaping(
        new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8)),
        true);
    Integer fast = FastPath.run(args, o, e);
    if (fast != null) {
      o.flush();
      e.flush();
      return fast;
    }
    CommandLine cl = commandLine(o, e, args.length == 0 ? null : args[0]);
    int status;
    try {
      status = cl.execute(args);
    } catch (VirtualMachineError ex) {
      // out of memory or stack: a bug (inputs are bounded), reported without a stack trace
      e.println("dockerfile-dsl: internal error: " + ex);
      status = EXIT_INTERNAL;
    }
    o.flush();
    e.flush();
    return status;
  }

  /**
   * Builds the command line. Only the subcommand about to run is registered when {@code first}
   * names one, since picocli inspects every registered command up front; help and mistakes get
   * them all.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
    CommandLine cl = new CommandLine(new Main());
    Object only = subcommand(first);
    if (only != null) {
      cl.addSubcommand(only);
    } else {
      for (String name : NAMES) {
        cl.addSubcommand(subcommand(name));
      }
      cl.addSubcommand(new CommandLine.HelpCommand());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("dockerfile-dsl: " + Terminal.safe(ex.getMessage()));
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more"
          + " information.");
      return EXIT_BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof Failure) {
        c.getErr().println(Terminal.safe(ex.getMessage()));
        return EXIT_BAD_INPUT;
      }
      c.getErr().println("dockerfile-dsl: internal error: " + Terminal.safe(String.valueOf(ex)));
      return EXIT_INTERNAL;
    });
    return cl;
  }

  private static final String[] NAMES = {"fmt", "parse", "import", "render", "lint", "to-java",
      "pin", "rewrite"};

  private static Object subcommand(String name) {
    if (name == null) {
      return null;
    }
    switch (name) {
      case "fmt":
        return new FmtCommand();
      case "parse":
        return new ParseCommand();
      case "import":
        return new ImportCommand();
      case "render":
        return new RenderCommand();
      case "lint":
        return new LintCommand();
      case "to-java":
        return new ToJavaCommand();
      case "pin":
        return new PinCommand();
      case "rewrite":
        return new RewriteCommand();
      default:
        return null;
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_BAD_INPUT;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"dockerfile-dsl " + (v == null ? "(development build)" : v)};
    }
  }
}
