package io.github.dockerfiledsl.parse;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.OnbuildInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;

/**
 * Parses Dockerfile text into the typed, lossless {@link Dockerfile} model, with BuildKit's
 * syntax and checks.
 *
 * <pre>{@code
 * Dockerfile d = DockerfileParser.parse("FROM alpine:3.20\nRUN apk add --no-cache curl\n");
 * d.stages().get(0).from().image();   // "alpine:3.20"
 * }</pre>
 *
 * <p>Comments and blank lines are kept as trivia: comments directly above a FROM (after the last
 * blank line) lead that stage; comments inside a continued RUN, CMD or ENTRYPOINT shell form stay
 * in its command lines; comments inside other continued instructions are placed just before the
 * instruction. Values BuildKit expands become templates (see {@link Instruction}).
 *
 * <p>Every problem, syntactic or a model constraint, is a {@link DockerfileParseException} with
 * the instruction's position.
 */
public final class DockerfileParser {
  private final Ast ast;
  private final char escape;

  private DockerfileParser(Ast ast) {
    this.ast = ast;
    this.escape = ast.escapeToken();
  }

  /**
   * Parses Dockerfile text.
   *
   * @param text the text
   * @return the model
   * @throws DockerfileParseException when BuildKit would reject the text or the model cannot hold
   *     it
   */
  public static Dockerfile parse(String text) {
    return parse(null, text);
  }

  /**
   * Parses Dockerfile text, naming the file in error messages.
   *
   * @param fileName the file name, or {@code null}
   * @param text the text
   * @return the model
   * @throws DockerfileParseException when BuildKit would reject the text or the model cannot hold
   *     it
   */
  public static Dockerfile parse(String fileName, String text) {
    Objects.requireNonNull(text, "text == null");
    Ast ast = AstParser.parse(fileName, text);
    AstValidator.validate(ast);
    return new DockerfileParser(ast).convert();
  }

  /**
   * Reads and parses a Dockerfile (UTF-8).
   *
   * @param file the file
   * @return the model
   * @throws DockerfileParseException when BuildKit would reject the file or the model cannot
   *     hold it
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Dockerfile parse(Path file) {
    Objects.requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /**
   * Converts an already parsed and validated AST into the model.
   *
   * @param ast the AST
   * @return the model
   * @throws DockerfileParseException when the model cannot hold the AST
   */
  public static Dockerfile toModel(Ast ast) {
    return new DockerfileParser(ast).convert();
  }

  private DockerfileParseException error(AstNode node, String message) {
    return new DockerfileParseException(
        ast.fileName(), node.startLine(), node.column(), message, ast.line(node.startLine()), null);
  }

  private Dockerfile convert() {
    List<Directive> directives = new ArrayList<>();
    for (AstEntry.Directive d : ast.directives()) {
      directives.add(new Directive(d.name(), d.value()));
    }
    // Flatten entries into model elements, remembering which are FROM.
    List<Instruction> preamble = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = preamble;
    FromInstruction from = null;
    List<Instruction> leading = List.of();
    AstNode fromNode = null;
    for (AstEntry e : ast.entries()) {
      if (e instanceof AstEntry.Directive) {
        continue;
      }
      if (e instanceof AstEntry.Comment c) {
        if (!c.insideInstruction()) {
          current.add(comment(c.text()));
        }
        continue;
      }
      if (e instanceof AstEntry.BlankLine b) {
        if (!b.insideInstruction()) {
          current.add(BlankLine.INSTANCE);
        }
        continue;
      }
      AstNode node = (AstNode) e;
      if (node.keyword().equals("FROM")) {
        current.addAll(innerComments(node)); // comments inside a continued FROM lead its stage
        List<Instruction> lead = takeLeading(current);
        if (from != null) {
          stages.add(stage(fromNode, leading, from, current));
        }
        fromNode = node;
        leading = lead;
        try {
          from = (FromInstruction) instruction(node, node);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException iae) {
          throw error(node, iae.getMessage());
        }
        current = new ArrayList<>();
        continue;
      }
      try {
        displaced = new ArrayList<>();
        Instruction instruction = instruction(node, node);
        current.addAll(innerComments(node));
        current.addAll(displaced); // e.g. comments between RUN flags and the command
        current.add(instruction);
      } catch (IllegalArgumentException | NullPointerException | IllegalStateException iae) {
        throw error(node, iae.getMessage());
      }
    }
    stages.add(stage(fromNode, leading, from, current));
    try {
      return Dockerfile.model(directives, preamble, stages);
    } catch (IllegalArgumentException | NullPointerException | IllegalStateException iae) {
      AstNode node = ast.nodes().get(0);
      for (AstNode n : ast.nodes()) {
        if (n.keyword().equals("FROM") && iae.getMessage().contains("stage name")) {
          node = n;
        }
      }
      throw error(node, iae.getMessage());
    }
  }

  private Stage stage(AstNode node, List<Instruction> leading, FromInstruction from, List<Instruction> body) {
    try {
      return Stage.of(leading, from, body);
    } catch (IllegalArgumentException | NullPointerException | IllegalStateException iae) {
      throw error(node, iae.getMessage());
    }
  }

  /** Removes and returns the comments directly above a FROM (after the last blank line). */
  private static List<Instruction> takeLeading(List<Instruction> current) {
    int start = current.size();
    while (start > 0 && current.get(start - 1) instanceof Comment) {
      start--;
    }
    List<Instruction> lead = new ArrayList<>(current.subList(start, current.size()));
    current.subList(start, current.size()).clear();
    return lead;
  }

  private static Comment comment(String line) {
    String t = line.stripLeading();
    String text = t.startsWith("#") ? t.substring(1) : t;
    // a carriage return inside a comment line (not at its end) cannot be kept: it is dropped
    return new Comment(stripTrailingLineEnd(text).replace("\r", ""));
  }

  private static String stripTrailingLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Comments inside a continued instruction that is not a shell-form command. */
  private List<Instruction> innerComments(AstNode node) {
    if (node.startLine() == node.endLine() || keepsCommentsInCommand(node)) {
      return List.of();
    }
    List<Instruction> out = new ArrayList<>();
    for (Segment s : segments(node)) {
      if (s.comment) {
        out.add(comment(s.text));
      }
    }
    return out;
  }

  private static boolean keepsCommentsInCommand(AstNode node) {
    String kw = node.keyword();
    AstNode t = node;
    if (kw.equals("ONBUILD") && node.trigger() != null) {
      t = node.trigger();
      kw = t.keyword();
    }
    return (kw.equals("RUN") || kw.equals("CMD") || kw.equals("ENTRYPOINT")
        || kw.equals("HEALTHCHECK")) && !t.json();
  }

  /** One physical piece of a logical line: text without continuation, or a comment line. */
  private record Segment(String text, boolean comment) {}

  /** Re-reads the physical lines of an instruction (up to its heredoc bodies). */
  private List<Segment> segments(AstNode node) {
    List<Segment> out = new ArrayList<>();
    int line = node.startLine();
    boolean first = true;
    while (line <= ast.lines().size()) {
      String content = ast.line(line);
      line++;
      if (first) {
        content = GoText.trimLeft(content);
        first = false;
      } else {
        String left = GoText.trimLeft(content);
        if (!left.isEmpty() && left.charAt(0) == '#') {
          out.add(new Segment(content, true));
          continue;
        }
        if (left.isEmpty()) {
          continue;
        }
      }
      String cont = continuation(content);
      if (cont == null) {
        out.add(new Segment(content, false));
        break;
      }
      out.add(new Segment(cont, false));
    }
    return out;
  }

  private String continuation(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end == 0 || line.charAt(end - 1) != escape) {
      return null;
    }
    if (end > 1 && line.charAt(end - 2) == escape) {
      return null;
    }
    return line.substring(0, end - 1);
  }

  /**
   * Comment lines of a continued shell-form instruction that its command lines cannot hold
   * (before the command, after the flags): placed just above the instruction.
   */
  private List<Instruction> displaced = new ArrayList<>();

  /** The physical lines of the shell command that ends the logical line of {@code node}. */
  private Shell shellLines(AstNode node, String command) {
    if (node.startLine() == 0 || node.startLine() == node.endLine() && node.heredocs().isEmpty()) {
      return Shell.of(command);
    }
    List<Segment> segments = segments(node);
    // the logical line is the concatenation of the non-comment segments
    String trimmedEnd = GoText.trimRight(node.original());
    int start = trimmedEnd.length() - command.length();
    if (start < 0 || !trimmedEnd.startsWith(command, start)) {
      displaceAll(segments);
      return Shell.of(command);
    }
    List<String> lines = new ArrayList<>();
    List<Instruction> before = new ArrayList<>();
    int offset = 0;
    for (Segment s : segments) {
      if (s.comment) {
        if (!lines.isEmpty()) {
          lines.add(GoText.trim(s.text));
        } else {
          before.add(comment(s.text));
        }
        continue;
      }
      int segStart = offset;
      int segEnd = offset + s.text.length();
      offset = segEnd;
      if (segEnd <= start) {
        continue;
      }
      lines.add(s.text.substring(Math.max(0, start - segStart)));
    }
    List<Instruction> after = new ArrayList<>();
    while (lines.size() > 1 && lines.get(lines.size() - 1).stripLeading().startsWith("#")) {
      after.add(0, comment(lines.remove(lines.size() - 1)));
    }
    // blank as BuildKit (Go's unicode.IsSpace) sees it, not Java's isBlank (U+001C..U+001F)
    if (lines.isEmpty()
        || allSpace(lines.get(0))) {
      displaceAll(segments);
      return Shell.of(command);
    }
    displaced.addAll(before);
    displaced.addAll(after);
    return new Shell(lines);
  }

  private void displaceAll(List<Segment> segments) {
    for (Segment s : segments) {
      if (s.comment) {
        displaced.add(comment(s.text));
      }
    }
  }

  private Optional<String> templateFlag(AstNode node, String name) {
    Optional<String> v = flag(node, name);
    return v.isPresent() ? Optional.of(template(v.get())) : v;
  }

  private String template(String raw) {
    return TemplateText.of(raw, escape);
  }

  private List<String> templates(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String r : raw) {
      out.add(template(r));
    }
    return out;
  }

  private static Optional<String> flag(AstNode node, String name) {
    String prefix = "--" + name + "=";
    String found = null;
    for (String f : node.flags()) {
      if (f.startsWith(prefix)) {
        found = f.substring(prefix.length());
      } else if (f.equals("--" + name)) {
        found = "true";
      }
    }
    return Optional.ofNullable(found);
  }

  private static List<String> flags(AstNode node, String name) {
    String prefix = "--" + name + "=";
    List<String> out = new ArrayList<>();
    for (String f : node.flags()) {
      if (f.startsWith(prefix)) {
        out.add(f.substring(prefix.length()));
      }
    }
    return out;
  }

  private static boolean bool(AstNode node, String name) {
    Optional<String> v = flag(node, name);
    return v.isPresent() && v.get().equalsIgnoreCase("true");
  }

  private Command command(AstNode node, AstNode top, List<String> args) {
    if (node.json()) {
      return new Exec(args);
    }
    return shellLines(top, args.isEmpty() ? "" : args.get(0));
  }

  private Instruction instruction(AstNode node, AstNode top) {
    onbuildHeredocs = top.heredocs();
    List<String> args = node.args();
    switch (node.keyword()) {
      case "FROM":
        {
          Optional<String> platform = templateFlag(node, "platform");
          Optional<String> name =
              args.size() == 3 ? Optional.of(args.get(2).toLowerCase(Locale.ROOT)) : Optional.empty();
          return new FromInstruction(template(args.get(0)), platform, name);
        }
      case "ARG":
        {
          List<ArgInstruction.Arg> out = new ArrayList<>();
          for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
              out.add(new ArgInstruction.Arg(a, Optional.empty()));
            } else {
              out.add(new ArgInstruction.Arg(a.substring(0, eq), Optional.of(template(a.substring(eq + 1)))));
            }
          }
          return new ArgInstruction(out);
        }
      case "ENV":
      case "LABEL":
        {
          List<KeyValue> pairs = new ArrayList<>();
          for (int i = 0; i + 1 < args.size(); i += 3) {
            pairs.add(new KeyValue(template(args.get(i)), template(args.get(i + 1))));
          }
          return node.keyword().equals("ENV") ? new EnvInstruction(pairs) : new LabelInstruction(pairs);
        }
      case "MAINTAINER":
        return new MaintainerInstruction(args.get(0));
      case "WORKDIR":
        return new WorkdirInstruction(template(args.get(0)));
      case "USER":
        return new UserInstruction(template(args.get(0)));
      case "STOPSIGNAL":
        return new StopsignalInstruction(template(args.get(0)));
      case "EXPOSE":
        return new ExposeInstruction(templates(args));
      case "VOLUME":
        return new VolumeInstruction(templates(args), node.json());
      case "SHELL":
        return new ShellInstruction(new Exec(args));
      case "CMD":
        return new CmdInstruction(command(node, top, args));
      case "ENTRYPOINT":
        return new EntrypointInstruction(command(node, top, args));
      case "RUN":
        return run(node, top, args);
      case "COPY":
      case "ADD":
        return copyOrAdd(node, args);
      case "HEALTHCHECK":
        return healthcheck(node, top, args);
      case "ONBUILD":
        return new OnbuildInstruction(instruction(node.trigger(), top));
      default:
        throw new IllegalArgumentException("unknown instruction: " + node.value());
    }
  }

  private List<Heredoc> heredocs(AstNode node) {
    List<Heredoc> out = new ArrayList<>();
    for (io.github.dockerfiledsl.parse.Heredoc h : astHeredocs(node)) {
      String body = h.content().replace("\r\n", "\n");
      out.add(new Heredoc(h.name(), body, h.expand(), h.chomp(), h.fileDescriptor()));
    }
    return out;
  }

  private List<io.github.dockerfiledsl.parse.Heredoc> astHeredocs(AstNode node) {
    // heredocs hang on the top-level node (also for ONBUILD triggers)
    return node.startLine() == 0 ? onbuildHeredocs : node.heredocs();
  }

  private List<io.github.dockerfiledsl.parse.Heredoc> onbuildHeredocs = List.of();

  private Instruction run(AstNode node, AstNode top, List<String> args) {
    List<Mount> mounts = new ArrayList<>();
    for (String m : flags(node, "mount")) {
      mounts.add(mount(m));
    }
    Optional<String> n = flag(node, "network");
    Optional<RunInstruction.Network> network = n.isPresent()
        ? Optional.of(RunInstruction.Network.valueOf(n.get().toUpperCase(Locale.ROOT)))
        : Optional.empty();
    Optional<String> s = flag(node, "security");
    Optional<RunInstruction.Security> security = s.isPresent()
        ? Optional.of(RunInstruction.Security.valueOf(s.get().toUpperCase(Locale.ROOT)))
        : Optional.empty();
    Command command = command(node, top, args);
    return new RunInstruction(
        command, node.json() ? List.of() : heredocs(node), mounts, network, security, flags(node, "device"));
  }

  private Mount mount(String value) {
    List<String> fields = MountSyntax.fields(value);
    for (String field : fields) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq >= 0 && MountSyntax.hasVariable(field.substring(eq + 1)) && Set.of("type", "sharing",
          "ro", "readonly", "rw", "readwrite", "required").contains(key)) {
        // known at build time only: keep the options as written (values as templates)
        List<String> options = new ArrayList<>();
        for (String f : fields) {
          int e = f.indexOf('=');
          String k = (e < 0 ? f : f.substring(0, e)).toLowerCase(Locale.ROOT);
          options.add(e < 0 ? k : k + "=" + template(f.substring(e + 1)));
        }
        return new Mount.Expanded(options);
      }
    }
    String type = "bind";
    String target = null;
    String source = null;
    String from = null;
    String id = null;
    String sharing = null;
    String mode = null;
    String uid = null;
    String gid = null;
    String size = null;
    String env = null;
    Boolean readOnly = null;
    boolean required = false;
    for (String field : fields) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? null : field.substring(eq + 1);
      String t = v == null ? null : template(v);
      switch (key) {
        case "type":
          type = v.toLowerCase(Locale.ROOT);
          break;
        case "target":
        case "dst":
        case "destination":
          target = t;
          break;
        case "source":
        case "src":
          source = t;
          break;
        case "from":
          from = t;
          break;
        case "id":
          id = t;
          break;
        case "sharing":
          sharing = v.toUpperCase(Locale.ROOT);
          break;
        case "mode":
          mode = t;
          break;
        case "uid":
          uid = t;
          break;
        case "gid":
          gid = t;
          break;
        case "size":
          size = t;
          break;
        case "env":
          env = t;
          break;
        case "ro":
        case "readonly":
          readOnly = v == null || truthy(v);
          break;
        case "rw":
        case "readwrite":
          readOnly = !(v == null || truthy(v));
          break;
        case "required":
          required = v == null || truthy(v);
          break;
        default:
          throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
      }
    }
    if (target == null && (type.equals("cache") || type.equals("tmpfs"))) {
      throw new IllegalArgumentException("mount (" + value + ") of type " + type + " needs a target");
    }
    switch (type) {
      case "cache":
        return new Mount.Cache(
            target,
            Optional.ofNullable(id),
            Optional.ofNullable(sharing).map(Mount.Sharing::valueOf),
            Optional.ofNullable(from),
            Optional.ofNullable(source),
            readOnly != null && readOnly,
            Optional.ofNullable(mode),
            Optional.ofNullable(uid),
            Optional.ofNullable(gid));
      case "tmpfs":
        return new Mount.Tmpfs(target, Optional.ofNullable(size));
      case "secret":
        return new Mount.Secret(
            Optional.ofNullable(id),
            Optional.ofNullable(target),
            Optional.ofNullable(env),
            required,
            Optional.ofNullable(mode),
            Optional.ofNullable(uid),
            Optional.ofNullable(gid));
      case "ssh":
        return new Mount.Ssh(
            Optional.ofNullable(id),
            Optional.ofNullable(target),
            required,
            Optional.ofNullable(mode),
            Optional.ofNullable(uid),
            Optional.ofNullable(gid));
      default:
        return new Mount.Bind(
            Optional.ofNullable(target), Optional.ofNullable(source), Optional.ofNullable(from), readOnly != null && !readOnly);
    }
  }

  private static boolean truthy(String v) {
    return v.equals("1") || v.equalsIgnoreCase("true") || v.equals("t") || v.equals("T");
  }

  private Instruction copyOrAdd(AstNode node, List<String> args) {
    List<String> sources = new ArrayList<>();
    for (String s : args.subList(0, args.size() - 1)) {
      boolean marker = !node.json() && AstParser.parseHeredocQuietly(s) != null;
      sources.add(marker ? s : template(s));
    }
    String dest = template(args.get(args.size() - 1));
    List<Heredoc> heredocs = node.json() ? List.of() : heredocs(node);
    Optional<String> chown = templateFlag(node, "chown");
    Optional<String> chmod = templateFlag(node, "chmod");
    boolean link = bool(node, "link");
    List<String> excludes = flags(node, "exclude");
    if (node.keyword().equals("COPY")) {
      return new CopyInstruction(
          sources, dest, heredocs, flag(node, "from"), chown, chmod, link, bool(node, "parents"),
          excludes, node.json());
    }
    return new AddInstruction(
        sources, dest, heredocs, chown, chmod, link, bool(node, "keep-git-dir"),
        templateFlag(node, "checksum"),
        flag(node, "unpack").map(v -> v.equalsIgnoreCase("true")),
        excludes, node.json());
  }

  private Instruction healthcheck(AstNode node, AstNode top, List<String> args) {
    if (args.get(0).equalsIgnoreCase("NONE")) {
      return HealthcheckInstruction.none();
    }
    List<String> cmd = args.subList(1, args.size());
    Command command = node.json() ? new Exec(cmd) : shellLines(top, cmd.get(0));
    OptionalInt retries =
        flag(node, "retries").filter(v -> !v.isEmpty()).map(v -> OptionalInt.of(Integer.parseInt(v)))
            .orElse(OptionalInt.empty());
    return new HealthcheckInstruction(
        Optional.of(command),
        duration(node, "interval"),
        duration(node, "timeout"),
        duration(node, "start-period"),
        duration(node, "start-interval"),
        retries);
  }

  private static Optional<Duration> duration(AstNode node, String name) {
    return flag(node, name)
        .filter(v -> !v.isEmpty())
        .map(v -> Duration.ofNanos(Math.round(AstValidator.durationNanos(v))));
  }

  private static boolean allSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!io.github.dockerfiledsl.internal.Checks.isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
