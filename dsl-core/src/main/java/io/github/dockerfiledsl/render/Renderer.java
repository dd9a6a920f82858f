package io.github.dockerfiledsl.render;

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
import io.github.dockerfiledsl.internal.Checks;
import io.github.dockerfiledsl.internal.HeredocMarkers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical renderer: one switch over the sealed instruction type. See
 * docs/canonical-format.md for the format.
 *
 * <p>Every value is quoted or escaped so that BuildKit reads back exactly the model; a value that
 * cannot be written safely is rejected with an {@link IllegalArgumentException} naming the field
 * and the value.
 */
public final class Renderer {
  private static final Pattern DIRECTIVE_LIKE =
      Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=.*$");

  private final char escape;
  private final int columnLimit;
  private final String indent;
  private final StringBuilder out = new StringBuilder(4096);

  private Renderer(char escape, RenderOptions options) {
    this.escape = escape;
    this.columnLimit = options.columnLimit();
    this.indent = " ".repeat(options.continuationIndent());
  }

  /**
   * Renders a Dockerfile.
   *
   * @param dockerfile the model
   * @param options the options
   * @return the canonical text, ending with a line break
   */
  public static String render(Dockerfile dockerfile, RenderOptions options) {
    Checks.notNull(dockerfile, "dockerfile");
    Checks.notNull(options, "options");
    List<Directive> directives = new ArrayList<>(dockerfile.directives());
    char esc = dockerfile.escape();
    if (options.escapeOverride() != 0) {
      esc = options.escapeOverride();
      directives.removeIf(d -> d.name().equals("escape"));
      if (esc != '\\') {
        directives.add(Directive.escape(esc));
      }
    }
    Renderer r = new Renderer(esc, options);
    r.dockerfile(directives, dockerfile);
    return r.out.toString();
  }

  /**
   * Renders one instruction (with its heredoc bodies) as it would appear in a Dockerfile.
   *
   * @param instruction the instruction
   * @param options the options; the escape character is the override or {@code \}
   * @return the text, ending with a line break
   */
  public static String render(Instruction instruction, RenderOptions options) {
    char esc = options.escapeOverride() == 0 ? '\\' : options.escapeOverride();
    Renderer r = new Renderer(esc, options);
    r.element(instruction);
    return r.out.toString();
  }

  private void dockerfile(List<Directive> directives, Dockerfile d) {
    for (Directive directive : directives) {
      out.append("# ").append(directive.name()).append('=').append(directive.value()).append('\n');
    }
    if (!directives.isEmpty()) {
      out.append('\n');
    }
    List<Instruction> preamble = d.preamble();
    List<Stage> stages = d.stages();
    Instruction first = !preamble.isEmpty() ? preamble.get(0)
        : !stages.get(0).leading().isEmpty() ? stages.get(0).leading().get(0) : null;
    if (directives.isEmpty() && first instanceof Comment c) {
      var m = DIRECTIVE_LIKE.matcher(c.text());
      if (m.matches() && Directive.NAMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        // a blank first line ends the directive section, so the comment stays a comment
        out.append('\n');
      }
    }
    for (Instruction i : preamble) {
      element(i);
    }
    for (int s = 0; s < stages.size(); s++) {
      Stage stage = stages.get(s);
      if (s > 0) {
        out.append('\n');
      }
      for (Instruction i : stage.leading()) {
        element(i);
      }
      element(stage.from());
      for (Instruction i : stage.instructions()) {
        element(i);
      }
    }
  }

  private void element(Instruction instruction) {
    if (instruction instanceof BlankLine b) {
      out.append('\n');
    } else if (instruction instanceof Comment c) {
      out.append('#').append(c.text()).append('\n');
    } else {
      instruction(instruction, "");
    }
  }

  /** Renders an instruction with the given prefix (used by ONBUILD) and its heredoc bodies. */
  private void instruction(Instruction instruction, String prefix) {
    int start = out.length();
    List<Heredoc> heredocs = List.of();
    String head = prefix + instruction.keyword();
    if (instruction instanceof FromInstruction f) {
      List<String> words = new ArrayList<>();
      if (f.platform().isPresent()) {
        words.add("--platform=" + flagTemplate(f.platform().get(), "FROM --platform"));
      }
      words.add(Words.word(f.image(), escape, "FROM image"));
      if (f.name().isPresent()) {
        words.add("AS");
        words.add(f.name().get());
      }
      line(head, words, false);
    } else if (instruction instanceof RunInstruction r) {
      List<String> flags = new ArrayList<>();
      for (Mount m : r.mounts()) {
        flags.add("--mount=" + mount(m));
      }
      if (r.network().isPresent()) {
        flags.add("--network=" + r.network().get().value());
      }
      if (r.security().isPresent()) {
        flags.add("--security=" + r.security().get().value());
      }
      for (String dev : r.devices()) {
        flags.add("--device="
            + ascii(Words.bare(dev, escape, "RUN --device", ""), "RUN --device"));
      }
      command(head, flags, r.command(), "RUN", r.heredocs());
      heredocs = r.heredocs();
    } else if (instruction instanceof CmdInstruction c) {
      command(head, List.of(), c.command(), "CMD", List.of());
    } else if (instruction instanceof EntrypointInstruction e) {
      command(head, List.of(), e.command(), "ENTRYPOINT", List.of());
    } else if (instruction instanceof LabelInstruction l) {
      line(head, pairs(l.labels(), "LABEL"), true);
    } else if (instruction instanceof EnvInstruction e) {
      line(head, pairs(e.vars(), "ENV"), true);
    } else if (instruction instanceof MaintainerInstruction m) {
      String name = m.name();
      checkNoTrailingEscape(name, "MAINTAINER");
      out.append(head).append(' ').append(name).append('\n');
    } else if (instruction instanceof ExposeInstruction e) {
      List<String> words = new ArrayList<>();
      for (String p : e.ports()) {
        words.add(Words.word(p, escape, "EXPOSE port"));
      }
      line(head, words, true);
    } else if (instruction instanceof AddInstruction a) {
      List<String> flags = new ArrayList<>();
      a.chown().ifPresent(v -> flags.add("--chown=" + flagTemplate(v, "ADD --chown")));
      a.chmod().ifPresent(v -> flags.add("--chmod=" + flagTemplate(v, "ADD --chmod")));
      if (a.link()) {
        flags.add("--link");
      }
      if (a.keepGitDir()) {
        flags.add("--keep-git-dir");
      }
      a.checksum().ifPresent(v -> flags.add("--checksum=" + flagTemplate(v, "ADD --checksum")));
      a.unpack().ifPresent(v -> flags.add("--unpack=" + v));
      for (String x : a.excludes()) {
        flags.add("--exclude="
            + ascii(Words.bare(x, escape, "ADD --exclude", ""), "ADD --exclude"));
      }
      paths(head, flags, a.sources(), a.destination(), a.heredocs(), a.json(), "ADD");
      heredocs = a.heredocs();
    } else if (instruction instanceof CopyInstruction c) {
      List<String> flags = new ArrayList<>();
      c.from().ifPresent(v -> flags.add("--from=" + ascii(Words.bare(v, escape, "COPY --from", ""),
          "COPY --from")));
      c.chown().ifPresent(v -> flags.add("--chown=" + flagTemplate(v, "COPY --chown")));
      c.chmod().ifPresent(v -> flags.add("--chmod=" + flagTemplate(v, "COPY --chmod")));
      if (c.link()) {
        flags.add("--link");
      }
      if (c.parents()) {
        flags.add("--parents");
      }
      for (String x : c.excludes()) {
        flags.add("--exclude="
            + ascii(Words.bare(x, escape, "COPY --exclude", ""), "COPY --exclude"));
      }
      paths(head, flags, c.sources(), c.destination(), c.heredocs(), c.json(), "COPY");
      heredocs = c.heredocs();
    } else if (instruction instanceof VolumeInstruction v) {
      // like COPY: the form as written, JSON when a path has white space
      boolean json = v.json() || v.paths().stream().anyMatch(p -> p.chars().anyMatch(
          Renderer::isBlank));
      List<String> words = new ArrayList<>();
      for (String p : v.paths()) {
        words.add(json ? Words.jsonWord(p, escape, "VOLUME path")
            : Words.word(p, escape, "VOLUME path"));
      }
      if (json) {
        out.append(head).append(' ').append(Json.array(words)).append('\n');
      } else {
        line(head, words, true);
      }
    } else if (instruction instanceof UserInstruction u) {
      single(head, u.user(), "USER");
    } else if (instruction instanceof WorkdirInstruction w) {
      single(head, w.path(), "WORKDIR");
    } else if (instruction instanceof StopsignalInstruction s) {
      single(head, s.signal(), "STOPSIGNAL");
    } else if (instruction instanceof ArgInstruction a) {
      List<String> words = new ArrayList<>();
      for (ArgInstruction.Arg arg : a.args()) {
        String name = Words.bare(arg.name(), escape, "ARG name", "=$");
        words.add(arg.defaultValue()
            .map(v -> name + "="
                + Words.word(v, escape, "default of ARG " + Checks.quote(arg.name())))
            .orElse(name));
      }
      line(head, words, true);
    } else if (instruction instanceof OnbuildInstruction o) {
      instruction(o.trigger(), head + " ");
      return;
    } else if (instruction instanceof HealthcheckInstruction h) {
      if (h.isNone()) {
        out.append(head).append(" NONE\n");
      } else {
        List<String> flags = new ArrayList<>();
        h.interval().ifPresent(d -> flags.add("--interval=" + duration(d)));
        h.timeout().ifPresent(d -> flags.add("--timeout=" + duration(d)));
        h.startPeriod().ifPresent(d -> flags.add("--start-period=" + duration(d)));
        h.startInterval().ifPresent(d -> flags.add("--start-interval=" + duration(d)));
        h.retries().ifPresent(n -> flags.add("--retries=" + n));
        flags.add("CMD");
        command(head, flags, h.command().orElseThrow(), "HEALTHCHECK CMD", List.of());
      }
    } else if (instruction instanceof ShellInstruction s) {
      out.append(head).append(' ').append(Json.array(s.shell().args())).append('\n');
    } else if (instruction instanceof Comment c) {
      throw new IllegalArgumentException("a comment cannot be an ONBUILD trigger");
    } else if (instruction instanceof BlankLine b) {
      throw new IllegalArgumentException("a blank line cannot be an ONBUILD trigger");
    }
    splitLongLines(start);
    for (Heredoc h : heredocs) {
      out.append(h.body()).append(h.name()).append('\n');
    }
  }

  /**
   * The longest line, in UTF-8 bytes, that the renderer writes; BuildKit rejects lines of more
   * than 65,535 bytes, and joined JSON arrays or long word lists could exceed that.
   */
  static final int MAX_LINE_BYTES = 60_000;

  /**
   * Splits every line from {@code start} that is longer than {@link #MAX_LINE_BYTES} with
   * escape-newline continuations. BuildKit joins continuation lines by dropping the escape, so
   * the logical line is unchanged; a piece never ends with the escape character, and the next
   * never starts with a blank or {@code #} (a blank-only or comment line would be dropped).
   */
  private void splitLongLines(int start) {
    int lineStart = start;
    while (lineStart < out.length()) {
      int end = out.indexOf("\n", lineStart);
      if (end < 0) {
        end = out.length();
      }
      int bytes = 0;
      int cut = -1;
      int lastGood = -1;
      for (int i = lineStart; i < end; i++) {
        char c = out.charAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        if (bytes + 1 > MAX_LINE_BYTES) {
          cut = lastGood;
          break;
        }
        int next = i + 1;
        if (next < end && i > lineStart && out.charAt(i) != escape
            && !Character.isHighSurrogate(out.charAt(i))
            && !isBlank(out.charAt(next)) && out.charAt(next) != '#') {
          lastGood = next;
        }
      }
      if (cut < 0) {
        lineStart = end + 1;
        continue;
      }
      out.insert(cut, new char[] {escape, '\n'});
      lineStart = cut + 2;
    }
  }

  /** White space by Java's or by Go's definition: any of it splits or trims somewhere. */
  private static boolean isBlank(int c) {
    return Character.isWhitespace(c) || Checks.isSpace(c);
  }

  private String flagTemplate(String template, String field) {
    // flag values are read up to the next blank; quotes would be kept, so only plain values
    if (!Words.isPlain(template) && !template.startsWith("-")) {
      throw new IllegalArgumentException(
          field + " (" + Checks.quote(template) + ") must be a single plain word: letters, digits and"
              + " _./:@%+,=~^{}$*?!-");
    }
    return ascii(Words.bare(template, escape, field, ""), field);
  }

  /**
   * Rejects a flag value with a character outside ASCII: BuildKit reads flag words byte by byte
   * and turns each byte of a multi-byte UTF-8 character into a character of its own, so such a
   * value would not read back as written.
   */
  private static String ascii(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7f) {
        throw new IllegalArgumentException(
            field + " (" + Checks.quote(value) + ") must be ASCII: BuildKit reads flag values byte"
                + " by byte and would garble " + Checks.quote(String.valueOf(value.charAt(i))));
      }
    }
    return value;
  }

  private String mount(Mount m) {
    List<String> parts = new ArrayList<>();
    if (m instanceof Mount.Expanded e) {
      for (String f : e.fields()) {
        int eq = f.indexOf('=');
        parts.add(eq < 0 ? f : f.substring(0, eq + 1) + mountValue(f.substring(eq + 1), f.substring(0, eq)));
      }
      return String.join(",", parts);
    }
    parts.add("type=" + m.type());
    if (m instanceof Mount.Bind b) {
      b.target().ifPresent(v -> parts.add("target=" + mountValue(v, "target")));
      b.source().ifPresent(v -> parts.add("source=" + mountValue(v, "source")));
      b.from().ifPresent(v -> parts.add("from=" + mountValue(v, "from")));
      if (b.readWrite()) {
        parts.add("rw");
      }
    } else if (m instanceof Mount.Cache c) {
      parts.add("target=" + mountValue(c.target(), "target"));
      c.id().ifPresent(v -> parts.add("id=" + mountValue(v, "id")));
      c.sharing().ifPresent(v -> parts.add("sharing=" + v.value()));
      c.from().ifPresent(v -> parts.add("from=" + mountValue(v, "from")));
      c.source().ifPresent(v -> parts.add("source=" + mountValue(v, "source")));
      if (c.readOnly()) {
        parts.add("ro");
      }
      c.mode().ifPresent(v -> parts.add("mode=" + mountValue(v, "mode")));
      c.uid().ifPresent(v -> parts.add("uid=" + mountValue(v, "uid")));
      c.gid().ifPresent(v -> parts.add("gid=" + mountValue(v, "gid")));
    } else if (m instanceof Mount.Tmpfs t) {
      parts.add("target=" + mountValue(t.target(), "target"));
      t.size().ifPresent(v -> parts.add("size=" + mountValue(v, "size")));
    } else if (m instanceof Mount.Secret s) {
      s.id().ifPresent(v -> parts.add("id=" + mountValue(v, "id")));
      s.target().ifPresent(v -> parts.add("target=" + mountValue(v, "target")));
      s.env().ifPresent(v -> parts.add("env=" + mountValue(v, "env")));
      if (s.required()) {
        parts.add("required");
      }
      s.mode().ifPresent(v -> parts.add("mode=" + mountValue(v, "mode")));
      s.uid().ifPresent(v -> parts.add("uid=" + mountValue(v, "uid")));
      s.gid().ifPresent(v -> parts.add("gid=" + mountValue(v, "gid")));
    } else if (m instanceof Mount.Ssh s) {
      s.id().ifPresent(v -> parts.add("id=" + mountValue(v, "id")));
      s.target().ifPresent(v -> parts.add("target=" + mountValue(v, "target")));
      if (s.required()) {
        parts.add("required");
      }
      s.mode().ifPresent(v -> parts.add("mode=" + mountValue(v, "mode")));
      s.uid().ifPresent(v -> parts.add("uid=" + mountValue(v, "uid")));
      s.gid().ifPresent(v -> parts.add("gid=" + mountValue(v, "gid")));
    }
    return String.join(",", parts);
  }

  private String mountValue(String value, String key) {
    return ascii(Words.bare(value, escape, "mount " + key, ",="), "mount " + key);
  }

  private List<String> pairs(List<KeyValue> pairs, String keyword) {
    List<String> words = new ArrayList<>(pairs.size());
    for (KeyValue kv : pairs) {
      Checks.check(
          kv.key().indexOf('=') < 0,
          "%s key (%s) must not contain '='",
          keyword,
          Checks.quote(kv.key()));
      words.add(Words.word(kv.key(), escape, keyword + " key") + "="
          + Words.word(kv.value(), escape, keyword + " value of " + Checks.quote(kv.key())));
    }
    return words;
  }

  private void single(String head, String template, String keyword) {
    out.append(head).append(' ').append(Words.word(template, escape, keyword)).append('\n');
  }

  private void checkNoTrailingEscape(String text, String field) {
    if (text.stripTrailing().endsWith(String.valueOf(escape))) {
      throw new IllegalArgumentException(
          field + " (" + Checks.quote(text) + ") must not end with the escape character " + escape
              + ", which would continue the instruction on the next line");
    }
  }

  private void paths(String head, List<String> flags, List<String> sources, String destination,
      List<Heredoc> heredocs, boolean json, String keyword) {
    List<String> all = new ArrayList<>(sources);
    all.add(destination);
    List<HeredocMarkers.Marker> markers = new ArrayList<>();
    for (String s : sources) {
      if (HeredocMarkers.isMarker(s)) {
        markers.addAll(HeredocMarkers.find(s));
      }
    }
    checkHeredocs(markers, heredocs, keyword + " sources (" + Checks.quote(String.join(" ", sources))
        + ")");
    boolean useJson = heredocs.isEmpty()
        && (json || all.stream().anyMatch(p -> !Words.isPlain(p) && !HeredocMarkers.isMarker(p)
            && p.chars().anyMatch(Renderer::isBlank)));
    if (useJson) {
      List<String> words = new ArrayList<>();
      for (String p : all) {
        words.add(Words.jsonWord(p, escape, keyword + " path"));
      }
      List<String> line = new ArrayList<>(flags);
      line.add(Json.array(words));
      line(head, line, false);
      return;
    }
    List<String> words = new ArrayList<>(flags);
    for (String s : sources) {
      if (HeredocMarkers.isMarker(s)) {
        words.add(s);
      } else {
        if (s.chars().anyMatch(Renderer::isBlank)) {
          throw new IllegalArgumentException(
              keyword + " source (" + Checks.quote(s) + ") with white space cannot be combined"
                  + " with heredocs");
        }
        words.add(Words.word(s, escape, keyword + " source"));
      }
    }
    if (destination.chars().anyMatch(Renderer::isBlank)) {
      throw new IllegalArgumentException(
          keyword + " destination (" + Checks.quote(destination) + ") with white space cannot be"
              + " combined with heredocs");
    }
    words.add(Words.word(destination, escape, keyword + " destination"));
    line(head, words, true);
  }

  private static void checkHeredocs(
      List<HeredocMarkers.Marker> markers, List<Heredoc> heredocs, String what) {
    if (markers.size() != heredocs.size()) {
      throw new IllegalArgumentException(
          what + " names " + markers.size() + " heredoc(s) but the instruction has " + heredocs.size()
              + " heredoc bod" + (heredocs.size() == 1 ? "y" : "ies"));
    }
    for (int i = 0; i < markers.size(); i++) {
      HeredocMarkers.Marker m = markers.get(i);
      Heredoc h = heredocs.get(i);
      if (!m.name().equals(h.name()) || m.expand() != h.expand() || m.chomp() != h.chomp()
          || m.fileDescriptor() != h.fileDescriptor()) {
        throw new IllegalArgumentException(
            what + ": heredoc " + (i + 1) + " is written " + Checks.quote(h.marker())
                + " in the model but the text names " + Checks.quote(m.name()));
      }
    }
  }

  private void command(String head, List<String> flags, Command command, String field,
      List<Heredoc> heredocs) {
    if (command instanceof Exec e) {
      List<String> words = new ArrayList<>(flags);
      words.add(Json.array(e.args()));
      line(head, words, false);
      return;
    }
    Shell shell = (Shell) command;
    List<String> lines = shell.lines(indent);
    String first = lines.get(0);
    if (first.startsWith("--")) {
      if (field.startsWith("HEALTHCHECK")) {
        // its flags come before CMD, where "--" would be part of the command
        throw new IllegalArgumentException(
            field + " shell command (" + Checks.quote(shell.command()) + ") must not start with"
                + " '--', which would be read as a flag");
      }
      // "--" ends the flags (BuildKit's bflag.go), so the command is not read as one
      flags = new ArrayList<>(flags);
      flags.add("--");
    }
    if (first.startsWith("[") && JsonArrays.isArray(shell.command().strip())) {
      throw new IllegalArgumentException(
          field + " shell command (" + Checks.quote(shell.command()) + ") is a JSON array and would"
              + " be read as exec form; use Exec");
    }
    String last = lines.get(lines.size() - 1);
    checkNoTrailingEscape(last, field + " shell command");
    for (int i = 0; i < lines.size() - 1; i++) {
      // the escape character written after this line would be escaped itself, and BuildKit
      // would end the instruction here
      if (!shell.isComment(i) && lines.get(i).endsWith(String.valueOf(escape))) {
        throw new IllegalArgumentException(
            field + " shell line " + (i + 1) + " (" + Checks.quote(lines.get(i)) + ") must not end"
                + " with the escape character " + escape + ", which would end the instruction"
                + " there");
      }
    }
    if (field.equals("RUN")) {
      // markers are found on the joined command, as BuildKit does
      checkHeredocs(HeredocMarkers.find(shell.command()), heredocs,
          "RUN shell command (" + Checks.quote(shell.command()) + ")");
    }
    StringBuilder firstLine = new StringBuilder(head);
    for (String f : flags) {
      firstLine.append(' ').append(f);
    }
    // a command line starting with '#' must stay on the instruction line: alone on a
    // continuation line it would be read as a comment and dropped
    boolean wrapFlags = columnLimit > 0 && flags.size() > 1
        && firstLine.length() + 1 + first.length() > columnLimit
        && !flags.get(flags.size() - 1).equals("CMD")
        && !first.startsWith("#");
    if (wrapFlags) {
      // RUN --mount=a \
      //     --mount=b \
      //     command
      out.append(head);
      for (int f = 0; f < flags.size(); f++) {
          out.append(f == 0 ? " " : indent).append(flags.get(f)).append(' ').append(escape)
            .append('\n');
      }
      out.append(indent).append(first);
    } else {
      out.append(firstLine).append(' ').append(first);
    }
    for (int i = 1; i < lines.size(); i++) {
      if (!shell.isComment(i - 1)) {
        out.append(escape);
      }
      out.append('\n').append(lines.get(i));
    }
    out.append('\n');
  }

  /**
   * Writes {@code head word word ...} on one line, or, when {@code wrappable} and the line is
   * longer than the column limit, one word per continuation line.
   */
  private void line(String head, List<String> words, boolean wrappable) {
    int length = head.length();
    for (String w : words) {
      length += 1 + w.length();
    }
    boolean wrap = wrappable && columnLimit > 0 && length > columnLimit && words.size() > 1;
    out.append(head);
    for (int i = 0; i < words.size(); i++) {
      // a word starting with '#' alone on a continuation line would be read as a comment
      if (wrap && i > 0 && !words.get(i).startsWith("#")) {
        out.append(' ').append(escape).append('\n').append(indent).append(words.get(i));
      } else {
        out.append(' ').append(words.get(i));
      }
    }
    out.append('\n');
  }

  /**
   * Writes a duration the way Go's {@code time.ParseDuration} reads it, compactly: {@code 30s},
   * {@code 1m30s}, {@code 500ms}, {@code 1h}.
   *
   * @param d the duration
   * @return the text
   */
  public static String duration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long nanos = d.toNanos();
    long[] units = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    String[] names = {"h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < units.length; i++) {
      long n = nanos / units[i];
      if (n > 0) {
        sb.append(n).append(names[i]);
        nanos -= n * units[i];
      }
    }
    return sb.toString();
  }
}
