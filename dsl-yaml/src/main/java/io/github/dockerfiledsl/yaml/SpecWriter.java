package io.github.dockerfiledsl.yaml;

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
import io.github.dockerfiledsl.render.Renderer;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes the model as a YAML spec, choosing the shortest form that reads back equal. */
final class SpecWriter {
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();
  private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

  private final JsonGenerator g;
  private final char escape;

  private SpecWriter(JsonGenerator g, char escape) {
    this.g = g;
    this.escape = escape;
  }

  static String write(Dockerfile d) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      new SpecWriter(g, d.escape()).dockerfile(d);
    }
    return out.toString();
  }

  private void dockerfile(Dockerfile d) {
    g.writeStartObject();
    if (!d.directives().isEmpty()) {
      g.writeName("directives");
      g.writeStartObject();
      for (Directive directive : d.directives()) {
        g.writeName(directive.name());
        g.writeString(directive.value());
      }
      g.writeEndObject();
    }
    if (!d.preamble().isEmpty()) {
      g.writeName("global");
      steps(d.preamble());
    }
    g.writeName("stages");
    g.writeStartArray();
    for (Stage s : d.stages()) {
      g.writeStartObject();
      if (!s.leading().isEmpty()) {
        g.writeName("leading");
        steps(s.leading());
      }
      g.writeName("from");
      g.writeString(s.from().image());
      if (s.name().isPresent()) {
        g.writeName("name");
        g.writeString(s.name().get());
      }
      if (s.from().platform().isPresent()) {
        g.writeName("platform");
        g.writeString(s.from().platform().get());
      }
      if (!s.instructions().isEmpty()) {
        g.writeName("steps");
        steps(s.instructions());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void steps(List<Instruction> elements) {
    g.writeStartArray();
    for (int i = 0; i < elements.size(); i++) {
      Instruction e = elements.get(i);
      if (e instanceof BlankLine) {
        g.writeString("blank");
      } else if (e instanceof Comment c) {
        boolean space = spaced(c.text());
        List<String> lines = new ArrayList<>();
        int j = i;
        while (j < elements.size() && elements.get(j) instanceof Comment cj
            && spaced(cj.text()) == space) {
          lines.add(space && !cj.text().isEmpty() ? cj.text().substring(1) : cj.text());
          j++;
        }
        i = j - 1;
        g.writeStartObject();
        g.writeName("comment");
        g.writeString(String.join("\n", lines));
        if (!space) {
          g.writeName("space");
          g.writeBoolean(false);
        }
        g.writeEndObject();
      } else {
        g.writeStartObject();
        instruction(e);
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  /** Whether a comment text is written {@code # text}: empty, or one space then more. */
  private static boolean spaced(String text) {
    return text.isEmpty() || text.length() > 1 && text.charAt(0) == ' ';
  }

  private void instruction(Instruction e) {
    g.writeName(e.keyword().toLowerCase(java.util.Locale.ROOT));
    if (e instanceof RunInstruction r) {
      run(r);
    } else if (e instanceof CmdInstruction c) {
      command(c.command());
    } else if (e instanceof EntrypointInstruction en) {
      command(en.command());
    } else if (e instanceof CopyInstruction c) {
      copy(c);
    } else if (e instanceof AddInstruction a) {
      add(a);
    } else if (e instanceof EnvInstruction en) {
      pairs(en.vars());
    } else if (e instanceof LabelInstruction l) {
      pairs(l.labels());
    } else if (e instanceof ArgInstruction a) {
      List<String> args = new ArrayList<>();
      for (ArgInstruction.Arg arg : a.args()) {
        args.add(arg.name() + arg.defaultValue().map(v -> "=" + v).orElse(""));
      }
      stringOrList(args);
    } else if (e instanceof WorkdirInstruction w) {
      g.writeString(w.path());
    } else if (e instanceof UserInstruction u) {
      g.writeString(u.user());
    } else if (e instanceof StopsignalInstruction s) {
      g.writeString(s.signal());
    } else if (e instanceof MaintainerInstruction m) {
      g.writeString(m.name());
    } else if (e instanceof ExposeInstruction x) {
      if (x.ports().size() == 1) {
        scalar(x.ports().get(0));
      } else {
        g.writeStartArray();
        x.ports().forEach(this::scalar);
        g.writeEndArray();
      }
    } else if (e instanceof VolumeInstruction v) {
      volume(v);
    } else if (e instanceof ShellInstruction s) {
      list(s.shell().args());
    } else if (e instanceof HealthcheckInstruction h) {
      healthcheck(h);
    } else if (e instanceof OnbuildInstruction o) {
      g.writeStartObject();
      instruction(o.trigger());
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("cannot write " + e.keyword() + " as a step");
    }
  }

  private void scalar(String s) {
    if (NUMBER.matcher(s).matches()) {
      g.writeNumber(s);
    } else {
      g.writeString(s);
    }
  }

  private void run(RunInstruction r) {
    boolean simple = r.heredocs().isEmpty() && r.mounts().isEmpty() && r.network().isEmpty()
        && r.security().isEmpty() && r.devices().isEmpty();
    Optional<List<String>> chain = r.command() instanceof Shell s ? chain(s) : Optional.empty();
    if (simple && chain.isEmpty()) {
      command(r.command());
      return;
    }
    g.writeStartObject();
    if (chain.isPresent()) {
      g.writeName("chain");
      list(chain.get());
    } else {
      g.writeName("command");
      command(r.command());
    }
    heredocs(r.heredocs());
    if (!r.mounts().isEmpty()) {
      g.writeName("mounts");
      g.writeStartArray();
      for (Mount m : r.mounts()) {
        mount(m);
      }
      g.writeEndArray();
    }
    if (r.network().isPresent()) {
      g.writeName("network");
      g.writeString(r.network().get().value());
    }
    if (r.security().isPresent()) {
      g.writeName("security");
      g.writeString(r.security().get().value());
    }
    if (!r.devices().isEmpty()) {
      g.writeName("devices");
      list(r.devices());
    }
    g.writeEndObject();
  }

  /** Returns the commands of a shell form that is exactly a {@link Shell#chain} of them. */
  private static Optional<List<String>> chain(Shell s) {
    List<String> lines = s.lines();
    if (lines.size() < 2) {
      return Optional.empty();
    }
    List<String> commands = new ArrayList<>();
    String prefix = Shell.INDENT + "&& ";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0) {
        if (!line.startsWith(prefix)) {
          return Optional.empty();
        }
        line = line.substring(prefix.length());
      }
      commands.add(line.strip());
    }
    try {
      return Shell.chain(commands).equals(s) ? Optional.of(commands) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void heredocs(List<Heredoc> heredocs) {
    if (heredocs.isEmpty()) {
      return;
    }
    g.writeName("heredocs");
    g.writeStartObject();
    for (Heredoc h : heredocs) {
      g.writeName(h.name());
      g.writeString(h.body());
    }
    g.writeEndObject();
  }

  private void mount(Mount m) {
    g.writeStartObject();
    if (m instanceof Mount.Expanded e) {
      g.writeName("options");
      list(e.fields());
      g.writeEndObject();
      return;
    }
    field("type", m.type());
    if (m instanceof Mount.Bind b) {
      opt("target", b.target());
      opt("source", b.source());
      opt("from", b.from());
      flag("rw", b.readWrite());
    } else if (m instanceof Mount.Cache c) {
      field("target", c.target());
      opt("id", c.id());
      opt("sharing", c.sharing().map(Mount.Sharing::value));
      opt("from", c.from());
      opt("source", c.source());
      flag("ro", c.readOnly());
      opt("mode", c.mode());
      opt("uid", c.uid());
      opt("gid", c.gid());
    } else if (m instanceof Mount.Tmpfs t) {
      field("target", t.target());
      opt("size", t.size());
    } else if (m instanceof Mount.Secret s) {
      opt("id", s.id());
      opt("target", s.target());
      opt("env", s.env());
      flag("required", s.required());
      opt("mode", s.mode());
      opt("uid", s.uid());
      opt("gid", s.gid());
    } else if (m instanceof Mount.Ssh s) {
      opt("id", s.id());
      opt("target", s.target());
      flag("required", s.required());
      opt("mode", s.mode());
      opt("uid", s.uid());
      opt("gid", s.gid());
    }
    g.writeEndObject();
  }

  private void command(Command c) {
    if (c instanceof Exec e) {
      list(e.args());
    } else {
      g.writeString(shellText((Shell) c));
    }
  }

  /** The shell form as in a Dockerfile: every line but the last and comments ends in escape. */
  private String shellText(Shell s) {
    StringBuilder sb = new StringBuilder();
    List<String> lines = s.lines();
    for (int i = 0; i < lines.size(); i++) {
      sb.append(lines.get(i));
      if (i < lines.size() - 1) {
        if (!s.isComment(i)) {
          sb.append(escape);
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private void copy(CopyInstruction c) {
    boolean flags = c.from().isPresent() || c.chown().isPresent() || c.chmod().isPresent()
        || c.link() || c.parents() || !c.excludes().isEmpty() || !c.heredocs().isEmpty();
    if (!flags && shortPaths(c.sources(), c.destination(), c.json())) {
      return;
    }
    g.writeStartObject();
    paths(c.sources(), c.destination());
    opt("from", c.from());
    opt("chown", c.chown());
    opt("chmod", c.chmod());
    flag("link", c.link());
    flag("parents", c.parents());
    if (!c.excludes().isEmpty()) {
      g.writeName("exclude");
      stringOrList(c.excludes());
    }
    flag("json", c.json());
    heredocs(c.heredocs());
    g.writeEndObject();
  }

  private void add(AddInstruction a) {
    boolean flags = a.chown().isPresent() || a.chmod().isPresent() || a.link() || a.keepGitDir()
        || a.checksum().isPresent() || a.unpack().isPresent() || !a.excludes().isEmpty()
        || !a.heredocs().isEmpty();
    if (!flags && shortPaths(a.sources(), a.destination(), a.json())) {
      return;
    }
    g.writeStartObject();
    paths(a.sources(), a.destination());
    opt("chown", a.chown());
    opt("chmod", a.chmod());
    flag("link", a.link());
    flag("keep-git-dir", a.keepGitDir());
    opt("checksum", a.checksum());
    if (a.unpack().isPresent()) {
      g.writeName("unpack");
      g.writeBoolean(a.unpack().get());
    }
    if (!a.excludes().isEmpty()) {
      g.writeName("exclude");
      stringOrList(a.excludes());
    }
    flag("json", a.json());
    heredocs(a.heredocs());
    g.writeEndObject();
  }

  /** Writes the string or list short form of COPY/ADD paths when it reads back equal. */
  private boolean shortPaths(List<String> sources, String dest, boolean json) {
    List<String> all = new ArrayList<>(sources);
    all.add(dest);
    if (json) {
      list(all);
      return true;
    }
    for (String p : all) {
      if (p.isEmpty() || p.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
    }
    g.writeString(String.join(" ", all));
    return true;
  }

  private void paths(List<String> sources, String dest) {
    g.writeName("src");
    stringOrList(sources);
    field("dest", dest);
  }

  private void pairs(List<KeyValue> pairs) {
    Set<String> keys = new HashSet<>();
    boolean unique = pairs.stream().allMatch(kv -> keys.add(kv.key()));
    if (unique) {
      g.writeStartObject();
      for (KeyValue kv : pairs) {
        g.writeName(kv.key());
        g.writeString(kv.value());
      }
      g.writeEndObject();
    } else {
      List<String> l = new ArrayList<>();
      pairs.forEach(kv -> l.add(kv.key() + "=" + kv.value()));
      list(l);
    }
  }

  private void volume(VolumeInstruction v) {
    if (v.json()) {
      list(v.paths());
      return;
    }
    boolean plain = v.paths().stream().noneMatch(p -> p.chars().anyMatch(Character::isWhitespace));
    if (plain) {
      g.writeString(String.join(" ", v.paths()));
      return;
    }
    g.writeStartObject();
    g.writeName("paths");
    list(v.paths());
    g.writeEndObject();
  }

  private void healthcheck(HealthcheckInstruction h) {
    if (h.isNone()) {
      g.writeString("NONE");
      return;
    }
    Command c = h.command().get();
    boolean options = h.interval().isPresent() || h.timeout().isPresent()
        || h.startPeriod().isPresent() || h.startInterval().isPresent() || h.retries().isPresent();
    boolean ambiguous = c instanceof Shell s && s.lines().size() == 1
        && s.lines().get(0).equals("NONE");
    if (!options && !ambiguous) {
      command(c);
      return;
    }
    g.writeStartObject();
    g.writeName("command");
    command(c);
    h.interval().ifPresent(d -> field("interval", Renderer.duration(d)));
    h.timeout().ifPresent(d -> field("timeout", Renderer.duration(d)));
    h.startPeriod().ifPresent(d -> field("start-period", Renderer.duration(d)));
    h.startInterval().ifPresent(d -> field("start-interval", Renderer.duration(d)));
    if (h.retries().isPresent()) {
      g.writeName("retries");
      g.writeNumber(h.retries().getAsInt());
    }
    g.writeEndObject();
  }

  private void stringOrList(List<String> values) {
    if (values.size() == 1) {
      g.writeString(values.get(0));
    } else {
      list(values);
    }
  }

  private void list(List<String> values) {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private void field(String name, String value) {
    g.writeName(name);
    g.writeString(value);
  }

  private void opt(String name, Optional<String> value) {
    if (value.isPresent()) {
      field(name, value.get());
    }
  }

  private void flag(String name, boolean value) {
    if (value) {
      g.writeName(name);
      g.writeBoolean(true);
    }
  }
}
