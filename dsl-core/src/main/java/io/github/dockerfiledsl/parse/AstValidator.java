package io.github.dockerfiledsl.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of BuildKit's instruction stage, applied to an {@link Ast}: known instructions,
 * argument counts, flags, stage names, HEALTHCHECK options, RUN mount/network/security values,
 * ONBUILD triggers, the place of FROM, and COPY {@code --from} references.
 *
 * <pre>{@code
 * AstValidator.validate(AstParser.parse("FROM alpine\nWRONG x\n"));
 * // DockerfileParseException: 2:1: unknown instruction: WRONG (expected one of ADD, ARG, ...)
 * }</pre>
 */
public final class AstValidator {
  /** The instruction keywords, upper case, in alphabetical order. */
  public static final List<String> INSTRUCTIONS =
      List.of(
          "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
          "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
          "WORKDIR");

  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Pattern DURATION =
      Pattern.compile("^[-+]?(([0-9]*(\\.[0-9]*)?)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$");
  private static final Pattern DURATION_PART =
      Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");

  private enum FlagType {
    BOOL,
    STRING,
    STRINGS
  }

  private final Ast ast;

  private AstValidator(Ast ast) {
    this.ast = ast;
  }

  /**
   * Checks an AST the way BuildKit's instruction parser does.
   *
   * @param ast the AST
   * @throws DockerfileParseException for the first problem found
   */
  public static void validate(Ast ast) {
    new AstValidator(ast).run();
  }

  private DockerfileParseException error(AstNode node, String message, String expected) {
    return error(node, node.column(), message, expected);
  }

  private DockerfileParseException error(
      AstNode node, int column, String message, String expected) {
    return new DockerfileParseException(
        ast.fileName(), node.startLine(), column, message, ast.line(node.startLine()), expected);
  }

  private int columnOf(AstNode node, String needle) {
    String line = ast.line(node.startLine());
    int idx = line.indexOf(needle, Math.max(0, node.column() - 1));
    return idx < 0 ? node.column() : idx + 1;
  }

  private void run() {
    List<String> stageNames = new ArrayList<>();
    for (AstNode node : ast.nodes()) {
      String kw = node.keyword();
      instruction(node, node);
      if (kw.equals("FROM")) {
        List<String> args = node.args();
        stageNames.add(args.size() == 3 ? args.get(2).toLowerCase(Locale.ROOT) : "");
        continue;
      }
      if (stageNames.isEmpty()) {
        if (kw.equals("ARG")) {
          continue;
        }
        throw error(node, "no build stage in current context", "FROM before " + node.value());
      }
      // a stage named before its definition, or a cycle, is a build error in BuildKit (only for
      // the stages it builds), not a parse error: the linter reports it (DF208)
    }
    if (stageNames.isEmpty()) {
      AstNode last = ast.nodes().get(ast.nodes().size() - 1);
      throw error(last, "dockerfile contains no stages to build", "a FROM instruction");
    }
  }

  private void instruction(AstNode node, AstNode top) {
    String kw = node.keyword();
    List<String> args = args(node);
    switch (kw) {
      case "ENV":
      case "LABEL":
        flags(node, top, Map.of());
        if (args.isEmpty()) {
          throw atLeastOne(top, kw);
        }
        for (int i = 0; i + 2 < args.size() + 1 && i < args.size(); i += 3) {
          if (args.get(i).isEmpty()) {
            throw error(top, kw + " names can not be blank", "name=value");
          }
        }
        break;
      case "MAINTAINER":
      case "WORKDIR":
      case "USER":
        if (args.size() != 1) {
          throw exactlyOne(top, kw);
        }
        flags(node, top, Map.of());
        break;
      case "STOPSIGNAL":
        if (args.size() != 1) {
          throw exactlyOne(top, kw);
        }
        break;
      case "ADD":
      case "COPY":
        {
          if (args.size() < 2) {
            throw error(
                top,
                kw + " requires at least two arguments, but only one was provided. Destination"
                    + " could not be determined",
                "source(s) and a destination");
          }
          Map<String, FlagType> known = new LinkedHashMap<>();
          known.put("chown", FlagType.STRING);
          known.put("chmod", FlagType.STRING);
          known.put("link", FlagType.BOOL);
          known.put("exclude", FlagType.STRINGS);
          if (kw.equals("ADD")) {
            known.put("keep-git-dir", FlagType.BOOL);
            known.put("checksum", FlagType.STRING);
            known.put("unpack", FlagType.BOOL);
          } else {
            known.put("from", FlagType.STRING);
            known.put("parents", FlagType.BOOL);
          }
          flags(node, top, known);
          String dest = args.get(args.size() - 1);
          if (!node.json() && AstParser.parseHeredocQuietly(dest) != null) {
            throw error(
                top,
                columnOf(top, dest),
                kw + " cannot accept a heredoc as a destination",
                "a destination path");
          }
          break;
        }
      case "FROM":
        {
          if (args.size() == 3) {
            if (!args.get(1).equalsIgnoreCase("as")) {
              throw error(
                  top,
                  columnOf(top, args.get(1)),
                  "FROM requires either one or three arguments",
                  "'FROM image AS name'");
            }
            String name = args.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(name).matches()) {
              throw error(
                  top,
                  columnOf(top, args.get(2)),
                  "invalid name for build stage: \""
                      + args.get(2)
                      + "\", name can't start with a number or contain symbols",
                  "a name matching ^[a-z][a-z0-9-_.]*$");
            }
          } else if (args.size() != 1) {
            throw error(top, "FROM requires either one or three arguments", "'FROM image [AS name]'");
          }
          flags(node, top, Map.of("platform", FlagType.STRING));
          break;
        }
      case "ONBUILD":
        {
          if (args.isEmpty()) {
            throw atLeastOne(top, kw);
          }
          flags(node, top, Map.of());
          AstNode trigger = node.trigger();
          String t = trigger == null ? "" : trigger.keyword().strip();
          if (t.equals("ONBUILD")) {
            throw error(
                top,
                columnOf(top, trigger.value()),
                "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                "a trigger other than ONBUILD, FROM or MAINTAINER");
          }
          if (t.equals("MAINTAINER") || t.equals("FROM")) {
            throw error(
                top,
                columnOf(top, trigger.value()),
                t + " isn't allowed as an ONBUILD trigger",
                "a trigger other than ONBUILD, FROM or MAINTAINER");
          }
          break;
        }
      case "RUN":
        {
          Map<String, FlagType> known = new LinkedHashMap<>();
          known.put("mount", FlagType.STRINGS);
          known.put("network", FlagType.STRING);
          known.put("security", FlagType.STRING);
          known.put("device", FlagType.STRINGS);
          Map<String, List<String>> values = flags(node, top, known);
          for (String mount : values.getOrDefault("mount", List.of())) {
            String problem = MountSyntax.check(mount);
            if (problem != null) {
              throw error(top, columnOf(top, "--mount"), problem, MountSyntax.EXPECTED);
            }
          }
          for (String net : values.getOrDefault("network", List.of())) {
            if (!Set.of("default", "none", "host").contains(net)) {
              throw error(
                  top,
                  columnOf(top, "--network"),
                  "unsupported network mode \"" + net + "\"",
                  "default, none or host");
            }
          }
          for (String sec : values.getOrDefault("security", List.of())) {
            if (!Set.of("sandbox", "insecure").contains(sec)) {
              throw error(
                  top,
                  columnOf(top, "--security"),
                  "unsupported security mode \"" + sec + "\"",
                  "sandbox or insecure");
            }
          }
          break;
        }
      case "CMD":
      case "ENTRYPOINT":
        flags(node, top, Map.of());
        break;
      case "HEALTHCHECK":
        healthcheck(node, top, args);
        break;
      case "EXPOSE":
        if (args.isEmpty()) {
          throw atLeastOne(top, kw);
        }
        flags(node, top, Map.of());
        break;
      case "VOLUME":
        if (args.isEmpty()) {
          throw atLeastOne(top, kw);
        }
        flags(node, top, Map.of());
        for (String v : args) {
          if (GoText.trim(v).isEmpty()) {
            throw error(top, "VOLUME specified can not be an empty string", "a path");
          }
        }
        break;
      case "ARG":
        if (args.isEmpty()) {
          throw atLeastOne(top, kw);
        }
        for (String a : args) {
          if (a.startsWith("=")) {
            throw error(top, columnOf(top, a), "ARG names can not be blank", "name[=default]");
          }
        }
        break;
      case "SHELL":
        flags(node, top, Map.of());
        if (args.isEmpty()) {
          throw atLeastOne(top, kw);
        }
        if (!node.json()) {
          throw error(
              top,
              "SHELL requires the arguments to be in JSON form",
              "a JSON array such as [\"/bin/sh\", \"-c\"]");
        }
        break;
      default:
        throw error(
            top,
            "unknown instruction: " + node.value(),
            "one of " + String.join(", ", INSTRUCTIONS));
    }
  }

  /** BuildKit's argument list: next values, and for ONBUILD the trigger keyword and its args. */
  private static List<String> args(AstNode node) {
    List<String> out = new ArrayList<>();
    for (AstWord w : node.next()) {
      if (w.children().isEmpty()) {
        out.add(w.value());
      } else if (w.children().size() == 1) {
        AstNode child = w.children().get(0);
        out.add(child.value());
        out.addAll(args(child));
      }
    }
    return out;
  }

  private DockerfileParseException atLeastOne(AstNode node, String kw) {
    return error(node, kw + " requires at least one argument", "an argument after " + kw);
  }

  private DockerfileParseException exactlyOne(AstNode node, String kw) {
    return error(node, kw + " requires exactly one argument", "one argument after " + kw);
  }

  private Map<String, List<String>> flags(AstNode node, AstNode top, Map<String, FlagType> known) {
    Map<String, List<String>> values = new HashMap<>();
    for (String arg : node.flags()) {
      int col = columnOf(top, arg);
      if (!arg.startsWith("--")) {
        throw error(top, col, "arg should start with -- : " + arg, "--name=value");
      }
      if (arg.equals("--")) {
        break;
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? "" : body.substring(eq + 1);
      boolean hasValue = eq >= 0;
      FlagType type = known.get(name);
      if (type == null) {
        throw error(
            top,
            col,
            "unknown flag: " + name,
            known.isEmpty()
                ? "no flags on " + node.keyword()
                : "one of --" + String.join(", --", new java.util.TreeSet<>(known.keySet())));
      }
      if (values.containsKey(name) && type != FlagType.STRINGS) {
        throw error(top, col, "duplicate flag specified: " + name, "--" + name + " at most once");
      }
      switch (type) {
        case BOOL:
          if (hasValue && value.isEmpty()) {
            throw error(top, col, "missing a value on flag: " + name, "--" + name + "=true|false");
          }
          String lower = value.toLowerCase(Locale.ROOT);
          if (!lower.equals("true") && !lower.equals("false") && !lower.isEmpty()) {
            throw error(
                top,
                col,
                "expecting boolean value for flag " + name + ", not: " + value,
                "true or false");
          }
          values.computeIfAbsent(name, k -> new ArrayList<>()).add(lower.isEmpty() ? "true" : lower);
          break;
        default:
          if (!hasValue) {
            throw error(top, col, "missing a value on flag: " + name, "--" + name + "=value");
          }
          values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return values;
  }

  private void healthcheck(AstNode node, AstNode top, List<String> args) {
    if (args.isEmpty()) {
      throw atLeastOne(top, "HEALTHCHECK");
    }
    String typ = args.get(0).toUpperCase(Locale.ROOT);
    List<String> rest = args.subList(1, args.size());
    if (typ.equals("NONE")) {
      if (!rest.isEmpty()) {
        throw error(top, "HEALTHCHECK NONE takes no arguments", "nothing after NONE");
      }
      return;
    }
    Map<String, FlagType> known = new LinkedHashMap<>();
    for (String f : List.of("interval", "timeout", "start-period", "start-interval", "retries")) {
      known.put(f, FlagType.STRING);
    }
    Map<String, List<String>> values = flags(node, top, known);
    if (!typ.equals("CMD")) {
      throw error(
          top,
          columnOf(top, args.get(0)),
          "unknown type \"" + typ + "\" in HEALTHCHECK (try CMD)",
          "CMD or NONE");
    }
    if (rest.isEmpty()) {
      throw error(top, "missing command after HEALTHCHECK CMD", "a command");
    }
    for (String f : List.of("interval", "timeout", "start-period", "start-interval")) {
      for (String v : values.getOrDefault(f, List.of())) {
        if (v.isEmpty()) {
          continue;
        }
        Double nanos = durationNanos(v);
        if (nanos == null) {
          throw error(
              top,
              columnOf(top, "--" + f),
              "time: invalid duration \"" + v + "\"",
              "a duration such as 30s, 1m30s or 500ms");
        }
        if (nanos < 1_000_000) {
          throw error(
              top,
              columnOf(top, "--" + f),
              "interval \"" + f + "\" cannot be less than 1ms",
              "a duration of at least 1ms");
        }
      }
    }
    for (String v : values.getOrDefault("retries", List.of())) {
      if (v.isEmpty()) {
        continue;
      }
      long retries;
      try {
        retries = Long.parseLong(v);
        if (retries > Integer.MAX_VALUE || retries < Integer.MIN_VALUE) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw error(
            top,
            columnOf(top, "--retries"),
            "strconv.ParseInt: parsing \"" + v + "\": invalid syntax",
            "a whole number");
      }
      if (retries < 0) {
        throw error(
            top,
            columnOf(top, "--retries"),
            "--retries cannot be negative (" + retries + ")",
            "a number of at least 0");
      }
    }
  }

  /** Go's time.ParseDuration, returning nanoseconds or null. */
  static Double durationNanos(String s) {
    if (s.equals("0")) {
      return 0.0;
    }
    if (!DURATION.matcher(s).matches()) {
      return null;
    }
    boolean negative = s.startsWith("-");
    String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    var m = DURATION_PART.matcher(body);
    double total = 0;
    while (m.find()) {
      String num = m.group(1);
      if (num.isEmpty() || num.equals(".")) {
        return null;
      }
      double v = Double.parseDouble(num.endsWith(".") ? num + "0" : num.startsWith(".") ? "0" + num : num);
      double unit;
      switch (m.group(2)) {
        case "ns":
          unit = 1;
          break;
        case "us":
        case "\u00b5s":
        case "\u03bcs":
          unit = 1e3;
          break;
        case "ms":
          unit = 1e6;
          break;
        case "s":
          unit = 1e9;
          break;
        case "m":
          unit = 60e9;
          break;
        default:
          unit = 3600e9;
      }
      total += v * unit;
    }
    return negative ? -total : total;
  }
}
