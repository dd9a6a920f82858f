package io.github.dockerfiledsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the everyday {@code fmt} and {@code lint} command lines without picocli, whose classes
 * (compiled for Java 5) cannot go into a class-data-sharing archive or an AOT cache and cost more
 * start-up time than formatting a file. It accepts only what picocli would parse the same way:
 * the commands' own options (also as {@code --name=value}), {@code --} and FILEs. Anything else
 * ({@code --help}, {@code --version}, a mistake, an unknown option or a bad value) returns null,
 * and picocli runs the command line as usual, with its messages. A test compares both parsers on
 * the commands' option lists.
 */
final class FastPath {
  /** The flags (options without a value) of each command, by name. */
  static final Map<String, Set<String>> FLAGS = Map.of(
      "fmt", Set.of("-w", "--write", "--check", "--diff", "--no-config"),
      "lint", Set.of("--fix", "--no-config"));

  /** The options with one value of each command. */
  static final Map<String, Set<String>> VALUED = Map.of(
      "fmt", Set.of("--column-limit", "--continuation-indent", "--config", "--exclude",
          "--stdin-filepath"),
      "lint", Set.of("--format", "--disable", "--config", "--exclude", "--stdin-filepath"));

  private FastPath() {}

  /**
   * Parses a command line into a command object, or returns null when picocli must do it.
   *
   * @param args the command line
   * @return the {@link FmtCommand} or {@link LintCommand} with its fields set, or null
   */
  static Object parse(String[] args) {
    if (args.length < 2 || !FLAGS.containsKey(args[0])) {
      return null;
    }
    String command = args[0];
    Set<String> flags = FLAGS.get(command);
    Set<String> valued = VALUED.get(command);
    FmtCommand fmt = command.equals("fmt") ? new FmtCommand() : null;
    LintCommand lint = fmt == null ? new LintCommand() : null;
    FileOptions options = new FileOptions();
    Set<String> seen = new java.util.HashSet<>();
    List<String> files = new ArrayList<>();
    boolean positionalOnly = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("@")) {
        return null; // picocli expands argument files
      }
      if (positionalOnly || a.equals("-") || !a.startsWith("-")) {
        files.add(a);
        continue;
      }
      if (a.equals("--")) {
        positionalOnly = true;
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (eq > 0 && a.startsWith("--")) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (flags.contains(name) && value == null) {
        String canonical = name.equals("-w") ? "--write" : name;
        if (!seen.add(canonical)) {
          return null; // picocli rejects a repeated flag
        }
        switch (canonical) {
          case "--write" -> fmt.write = true;
          case "--check" -> fmt.check = true;
          case "--diff" -> fmt.diff = true;
          case "--fix" -> lint.fix = true;
          case "--no-config" -> options.noConfig = true;
          default -> {
            return null;
          }
        }
        continue;
      }
      if (!valued.contains(name)) {
        return null;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          return null;
        }
        value = args[++i];
        if (value.startsWith("-") && !value.equals("-")) {
          return null; // picocli would read it as an option
        }
      }
      boolean repeatable = name.equals("--exclude") || name.equals("--disable");
      if (!repeatable && !seen.add(name)) {
        return null;
      }
      if (!set(name, value, fmt, lint, options)) {
        return null;
      }
    }
    options.files = files;
    if (fmt != null) {
      fmt.options = options;
      return fmt;
    }
    lint.options = options;
    return lint;
  }

  private static boolean set(String name, String value, FmtCommand fmt, LintCommand lint,
      FileOptions options) {
    switch (name) {
      case "--column-limit" -> {
        if (!value.matches("[0-9]{1,9}")) {
          return false;
        }
        fmt.columnLimit = Integer.valueOf(value);
      }
      case "--continuation-indent" -> {
        if (!value.matches("[0-9]{1,9}")) {
          return false;
        }
        fmt.continuationIndent = Integer.valueOf(value);
      }
      case "--config" -> options.config = Path.of(value);
      case "--exclude" -> options.excludes.add(value);
      case "--stdin-filepath" -> options.stdinFilepath = value;
      case "--disable" -> lint.disable.add(value);
      case "--format" -> {
        try {
          lint.format = LintCommand.Format.valueOf(value);
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs a command line if it is one of the everyday ones.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit status, or null when picocli must run it
   */
  static Integer run(String[] args, PrintWriter out, PrintWriter err) {
    Object command;
    try {
      command = parse(args);
    } catch (RuntimeException e) {
      return null; // e.g. an invalid path: picocli reports it
    }
    if (command == null) {
      return null;
    }
    try {
      if (command instanceof FmtCommand f) {
        if (f.options.files.isEmpty() && f.options.stdinFilepath == null) {
          return null;
        }
        f.out = out;
        f.err = err;
        return f.call();
      }
      LintCommand l = (LintCommand) command;
      if (l.options.files.isEmpty() && l.options.stdinFilepath == null) {
        return null;
      }
      l.out = out;
      l.err = err;
      return l.call();
    } catch (Failure e) {
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    } catch (RuntimeException e) {
      err.println("dockerfile-dsl: internal error: " + e);
      return 3;
    }
  }
}
