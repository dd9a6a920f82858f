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
import io.github.dockerfiledsl.internal.HeredocMarkers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a YAML tree to the model, reporting every mistake at its node. */
final class SpecReader {
  static final List<String> INSTRUCTIONS = List.of("run", "cmd", "entrypoint", "copy", "add",
      "env", "label", "arg", "workdir", "user", "expose", "volume", "shell", "healthcheck",
      "stopsignal", "onbuild", "maintainer", "comment");
  private static final Set<String> TOP =
      Set.of("$schema", "directives", "global", "stages", "mirrors");
  private static final Set<String> STAGE = Set.of("name", "from", "platform", "leading", "steps");
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

  private final String file;
  private char escape = '\\';
  private final List<String> stageNames = new ArrayList<>();
  private final Map<String, Integer> allStageNames = new HashMap<>();
  private int allStageCount;

  private SpecReader(String file) {
    this.file = file;
  }

  static Dockerfile read(String file, YamlNode root) {
    return new SpecReader(file).dockerfile(root);
  }

  // ---------------------------------------------------------------- structure

  private Dockerfile dockerfile(YamlNode root) {
    Map<String, YamlNode> top = object(root, "the spec", TOP);
    List<Directive> directives = new ArrayList<>();
    YamlNode dn = top.get("directives");
    if (dn != null) {
      Map<String, YamlNode> d = object(dn, "directives", Set.of("syntax", "escape", "check"));
      for (Map.Entry<String, YamlNode> e : d.entrySet()) {
        String value = string(e.getValue(), "directive " + e.getKey());
        Directive directive = model(e.getValue(), () -> new Directive(e.getKey(), value));
        directives.add(directive);
        if (directive.name().equals("escape")) {
          escape = directive.value().charAt(0);
        }
      }
    }
    List<Instruction> preamble = new ArrayList<>();
    YamlNode gn = top.get("global");
    if (gn != null) {
      for (YamlNode s : list(gn, "global")) {
        preamble.addAll(step(s, Context.GLOBAL));
      }
    }
    YamlNode sn = top.get("stages");
    if (sn == null) {
      throw err(root, "missing key 'stages': a spec needs at least one stage with a 'from'");
    }
    List<YamlNode> stageNodes = list(sn, "stages");
    if (stageNodes.isEmpty()) {
      throw err(sn, "'stages' must not be empty: a spec needs at least one stage with a 'from'");
    }
    allStageCount = stageNodes.size();
    for (int i = 0; i < stageNodes.size(); i++) {
      YamlNode s = stageNodes.get(i);
      if (s.kind == YamlNode.Kind.MAP && s.map.get("name") != null && s.map.get("name").isScalar()) {
        allStageNames.putIfAbsent(s.map.get("name").text.toLowerCase(Locale.ROOT), i);
      }
    }
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < stageNodes.size(); i++) {
      stages.add(stage(stageNodes.get(i), i));
    }
    Dockerfile d = model(root, () -> Dockerfile.model(directives, preamble, stages));
    YamlNode mn = top.get("mirrors");
    if (mn != null) {
      d = mirrors(mn, d);
    }
    return d;
  }

  /** Applies the spec's {@code mirrors} (registry prefix to mirror) to its image references. */
  private Dockerfile mirrors(YamlNode node, Dockerfile d) {
    if (node.kind == YamlNode.Kind.NULL) {
      return d;
    }
    Map<String, YamlNode> m = object(node, "mirrors", null);
    List<io.github.dockerfiledsl.image.Mirror> rules = new ArrayList<>();
    for (Map.Entry<String, YamlNode> e : m.entrySet()) {
      String to = string(e.getValue(), "mirror of '" + e.getKey() + "'");
      try {
        rules.add(new io.github.dockerfiledsl.image.Mirror(e.getKey(), to));
      } catch (IllegalArgumentException ex) {
        throw err(e.getValue(), ex.getMessage());
      }
    }
    try {
      return io.github.dockerfiledsl.optimize.Passes.mirror(rules).apply(d);
    } catch (IllegalArgumentException ex) {
      throw err(node, ex.getMessage());
    }
  }

  private Stage stage(YamlNode node, int index) {
    String what = "stage " + (index + 1);
    Map<String, YamlNode> m = object(node, what, STAGE);
    YamlNode fromNode = m.get("from");
    if (fromNode == null) {
      throw err(node, "missing key 'from' in " + what + ": every stage starts with FROM");
    }
    String image = stageRef(fromNode, index, "from");
    Optional<String> name = Optional.empty();
    YamlNode nameNode = m.get("name");
    if (nameNode != null) {
      String n = string(nameNode, "stage name");
      if (!FromInstruction.isValidStageName(n)) {
        throw err(nameNode, "stage name '" + n + "' must match [a-z][a-z0-9-_.]*");
      }
      // a duplicate name is allowed, as BuildKit allows it (lint DF005 reports it)
      name = Optional.of(n.toLowerCase(Locale.ROOT));
    }
    Optional<String> platform = Optional.empty();
    if (m.get("platform") != null) {
      platform = Optional.of(string(m.get("platform"), "platform"));
    }
    Optional<String> stageName = name;
    Optional<String> stagePlatform = platform;
    FromInstruction from =
        model(fromNode, () -> new FromInstruction(image, stagePlatform, stageName));
    List<Instruction> leading = new ArrayList<>();
    if (m.get("leading") != null) {
      for (YamlNode s : list(m.get("leading"), "leading")) {
        leading.addAll(step(s, Context.LEADING));
      }
    }
    stageNames.add(name.orElse(null));
    List<Instruction> body = new ArrayList<>();
    if (m.get("steps") != null) {
      for (YamlNode s : list(m.get("steps"), "steps")) {
        body.addAll(step(s, Context.STAGE));
      }
    }
    return model(node, () -> Stage.of(leading, from, body));
  }

  /** Reads an image or stage reference: a string, or {@code {stage: name}}. */
  private String stageRef(YamlNode node, int index, String what) {
    if (node.kind == YamlNode.Kind.MAP) {
      Map<String, YamlNode> m = object(node, what, Set.of("stage"));
      YamlNode s = m.get("stage");
      if (s == null) {
        throw err(node, "missing key 'stage' in " + what);
      }
      String name = string(s, "stage").toLowerCase(Locale.ROOT);
      List<String> earlier = stageNames.subList(0, Math.min(index, stageNames.size()));
      if (!earlier.contains(name)) {
        Integer later = allStageNames.get(name);
        if (later != null && later >= index) {
          throw err(s, "stage '" + name + "' is defined later (stage " + (later + 1)
              + "); only earlier stages can be used here");
        }
        List<String> known = new ArrayList<>();
        earlier.forEach(n -> {
          if (n != null) {
            known.add(n);
          }
        });
        throw err(s, "undefined stage '" + name + "'" + Suggest.hint(name, known)
            + (known.isEmpty() ? "; no earlier stage has a name" : ""));
      }
      return name;
    }
    String image = string(node, what);
    if (what.equals("from") && !image.contains("$")) {
      Integer later = allStageNames.get(image);
      if (later != null && later >= index) {
        throw err(node, "stage '" + image + "' is defined later (stage " + (later + 1)
            + "); FROM can only build on earlier stages");
      }
      // an invalid image reference is read as BuildKit's parser reads it; the build fails on it
      // and lint reports it (DF209)
    }
    return image;
  }

  private enum Context {
    GLOBAL,
    LEADING,
    STAGE,
    ONBUILD
  }

  private List<Instruction> step(YamlNode node, Context context) {
    if (node.kind == YamlNode.Kind.STRING && node.text.equals("blank")) {
      if (context == Context.ONBUILD) {
        throw err(node, "ONBUILD takes an instruction, not a blank line");
      }
      return List.of(BlankLine.INSTANCE);
    }
    if (node.kind != YamlNode.Kind.MAP) {
      throw err(node, "a step must be a mapping with one instruction key (for example 'run:'),"
          + " or 'blank'; found " + node.describe());
    }
    List<String> allowed = allowedInstructions(context);
    Set<String> keys = new LinkedHashSet<>(allowed);
    if (allowed.contains("comment")) {
      keys.add("space");
    }
    String key = null;
    for (Map.Entry<String, YamlNode> e : node.map.entrySet()) {
      String k = e.getKey();
      if (k.equals("from") && context == Context.STAGE) {
        throw errKey(node, k, "FROM starts a new stage: add an item to 'stages' instead of a step");
      }
      if (!keys.contains(k)) {
        if (INSTRUCTIONS.contains(k) || k.equals("from")) {
          throw errKey(node, k, k.toUpperCase(Locale.ROOT) + " is not allowed " + where(context));
        }
        throw errKey(node, k, "unknown key '" + k + "' in a step" + Suggest.hint(k, keys));
      }
      if (!k.equals("space")) {
        if (key != null) {
          throw errKey(node, k, "a step holds one instruction; '" + key + "' and '" + k
              + "' must be two steps");
        }
        key = k;
      }
    }
    if (key == null) {
      throw err(node, "a step needs an instruction key such as 'run' or 'copy'");
    }
    if (node.map.containsKey("space") && !key.equals("comment")) {
      throw errKey(node, "space", "'space' only applies to 'comment'");
    }
    YamlNode v = node.map.get(key);
    switch (key) {
      case "comment":
        return comments(v, node.map.get("space"));
      case "run":
        return List.of(run(v));
      case "cmd":
        return List.of(model(v, () -> new CmdInstruction(command(v, "cmd", true))));
      case "entrypoint":
        return List.of(model(v, () -> new EntrypointInstruction(command(v, "entrypoint", true))));
      case "copy":
      case "add":
        return List.of(copyOrAdd(v, key));
      case "env":
        return List.of(model(v, () -> new EnvInstruction(pairs(v, "env"))));
      case "label":
        return List.of(model(v, () -> new LabelInstruction(pairs(v, "label"))));
      case "arg":
        return List.of(arg(v));
      case "workdir":
        return List.of(model(v, () -> new WorkdirInstruction(string(v, "workdir"))));
      case "user":
        return List.of(model(v, () -> new UserInstruction(string(v, "user"))));
      case "stopsignal":
        return List.of(model(v, () -> new StopsignalInstruction(string(v, "stopsignal"))));
      case "maintainer":
        return List.of(model(v, () -> new MaintainerInstruction(string(v, "maintainer"))));
      case "expose":
        return List.of(model(v, () -> new ExposeInstruction(stringOrList(v, "expose"))));
      case "volume":
        return List.of(volume(v));
      case "shell":
        if (v.kind != YamlNode.Kind.SEQ) {
          throw err(v, "shell must be a list (exec form), such as [\"/bin/bash\", \"-c\"]; found "
              + v.describe());
        }
        return List.of(model(v, () -> new ShellInstruction(new Exec(strings(v, "shell")))));
      case "healthcheck":
        return List.of(healthcheck(v));
      case "onbuild": {
        List<Instruction> t = step(v, Context.ONBUILD);
        return List.of(model(v, () -> new OnbuildInstruction(t.get(0))));
      }
      default:
        throw err(v, "unknown instruction " + key);
    }
  }

  private static List<String> allowedInstructions(Context context) {
    switch (context) {
      case GLOBAL:
        return List.of("arg", "comment");
      case LEADING:
        return List.of("comment");
      case ONBUILD: {
        List<String> l = new ArrayList<>(INSTRUCTIONS);
        l.removeAll(List.of("onbuild", "maintainer", "comment"));
        return l;
      }
      default:
        return INSTRUCTIONS;
    }
  }

  private static String where(Context context) {
    switch (context) {
      case GLOBAL:
        return "before the first stage: 'global' holds ARGs, comments and blank lines";
      case LEADING:
        return "in 'leading', which holds comments and blank lines above FROM";
      default:
        return "as an ONBUILD trigger";
    }
  }

  // ---------------------------------------------------------------- instructions

  private List<Instruction> comments(YamlNode v, YamlNode spaceNode) {
    boolean space = spaceNode == null || bool(spaceNode, "space");
    String text = v.kind == YamlNode.Kind.NULL ? "" : string(v, "comment");
    List<Instruction> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String t = !space || line.isEmpty() ? line : " " + line;
      out.add(model(v, () -> new Comment(t)));
    }
    return out;
  }

  private RunInstruction run(YamlNode v) {
    if (v.kind != YamlNode.Kind.MAP) {
      Command c = command(v, "run", false);
      List<Heredoc> heredocs = List.of();
      if (c instanceof Shell s && !HeredocMarkers.find(s.command()).isEmpty()) {
        throw err(v, "the command names heredoc(s) " + markers(HeredocMarkers.find(s.command()))
            + "; use the object form with 'command' and 'heredocs'");
      }
      return model(v, () -> new RunInstruction(c, heredocs, List.of(), Optional.empty(),
          Optional.empty(), List.of()));
    }
    Set<String> runKeys = new LinkedHashSet<>(List.of("command", "chain", "cleanup",
        "cache-mounts", "heredocs", "mounts", "network", "security", "devices"));
    runKeys.addAll(RunHelpers.MANAGERS);
    Map<String, YamlNode> m = object(v, "run", runKeys);
    List<String> forms = new ArrayList<>();
    for (String k : runKeys) {
      if ((k.equals("command") || k.equals("chain") || RunHelpers.MANAGERS.contains(k))
          && m.containsKey(k)) {
        forms.add(k);
      }
    }
    if (forms.size() != 1) {
      throw err(v, forms.isEmpty()
          ? "run needs one of 'command', 'chain' or a package manager ("
              + String.join(", ", RunHelpers.MANAGERS) + ")"
          : "run takes only one of 'command', 'chain' and the package managers, not " + forms);
    }
    String form = forms.get(0);
    YamlNode cn = m.get(form);
    List<String> cleanup =
        m.get("cleanup") == null ? List.of() : nonEmpty(m.get("cleanup"),
            stringOrList(m.get("cleanup"), "cleanup"), "cleanup");
    boolean cacheMounts = flag(m, "cache-mounts");
    if (cacheMounts && !RunHelpers.MANAGERS.contains(form)) {
      throw errKey(v, "cache-mounts", "cache-mounts applies to package managers ("
          + String.join(", ", RunHelpers.MANAGERS) + "), not to '" + form + "'");
    }
    Command command;
    List<Mount> helperMounts = List.of();
    if (form.equals("command") && cleanup.isEmpty()) {
      command = command(cn, "run command", false);
    } else if (form.equals("chain") && cleanup.isEmpty()) {
      command = model(cn, () -> Shell.chain(nonEmpty(cn, strings(cn, "chain"), "chain")));
    } else {
      io.github.dockerfiledsl.Run step;
      if (form.equals("command")) {
        Command c = command(cn, "run command", false);
        step = RunHelpers.of(c);
      } else if (form.equals("chain")) {
        List<String> chain = nonEmpty(cn, strings(cn, "chain"), "chain");
        step = model(cn, () -> io.github.dockerfiledsl.Run.chain(chain.get(0),
            chain.subList(1, chain.size()).toArray(new String[0])));
      } else {
        List<String> packages = nonEmpty(cn, strings(cn, form), form);
        step = model(cn, () -> RunHelpers.install(form, packages));
        if (cacheMounts) {
          step = step.withCacheMounts();
        }
      }
      if (!cleanup.isEmpty()) {
        io.github.dockerfiledsl.Run s0 = step;
        step = model(m.get("cleanup"), () -> s0.cleanup(cleanup.get(0),
            cleanup.subList(1, cleanup.size()).toArray(new String[0])));
      }
      io.github.dockerfiledsl.Run s1 = step;
      RunInstruction built = model(v, () -> RunHelpers.instruction(s1));
      command = built.command();
      helperMounts = built.mounts();
    }
    List<Heredoc> heredocs = List.of();
    if (command instanceof Shell s) {
      heredocs = heredocs(m.get("heredocs"), HeredocMarkers.find(s.command()), v);
    } else if (m.containsKey("heredocs")) {
      throw err(m.get("heredocs"), "heredocs need a shell-form command, not exec form");
    }
    List<Mount> mounts = new ArrayList<>(helperMounts);
    if (m.get("mounts") != null) {
      for (YamlNode mn : list(m.get("mounts"), "mounts")) {
        mounts.add(mount(mn));
      }
    }
    Optional<RunInstruction.Network> network = Optional.empty();
    if (m.get("network") != null) {
      network = Optional.of(enumValue(m.get("network"), "network", RunInstruction.Network.class));
    }
    Optional<RunInstruction.Security> security = Optional.empty();
    if (m.get("security") != null) {
      security =
          Optional.of(enumValue(m.get("security"), "security", RunInstruction.Security.class));
    }
    List<String> devices =
        m.get("devices") == null ? List.of() : stringOrList(m.get("devices"), "devices");
    List<Heredoc> h = heredocs;
    Optional<RunInstruction.Network> n = network;
    Optional<RunInstruction.Security> sec = security;
    return model(v, () -> new RunInstruction(command, h, mounts, n, sec, devices));
  }

  private static String markers(List<HeredocMarkers.Marker> markers) {
    List<String> names = new ArrayList<>();
    for (HeredocMarkers.Marker m : markers) {
      names.add("<<" + m.name());
    }
    return String.join(", ", names);
  }

  private List<Heredoc> heredocs(YamlNode node, List<HeredocMarkers.Marker> markers, YamlNode at) {
    if (node == null) {
      if (markers.isEmpty()) {
        return List.of();
      }
      throw err(at, "the command names heredoc(s) " + markers(markers)
          + "; give their bodies under 'heredocs'");
    }
    if (node.kind != YamlNode.Kind.MAP) {
      throw err(node, "heredocs must be a mapping from delimiter to body, such as {EOF: |...};"
          + " found " + node.describe());
    }
    if (node.map.size() != markers.size()) {
      throw err(node, "the command names " + markers.size() + " heredoc(s)"
          + (markers.isEmpty() ? "" : " (" + markers(markers) + ")") + " but 'heredocs' has "
          + node.map.size());
    }
    List<Heredoc> out = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, YamlNode> e : node.map.entrySet()) {
      HeredocMarkers.Marker mk = markers.get(i++);
      if (!mk.name().equals(e.getKey())) {
        throw errKey(node, e.getKey(), "heredoc '" + e.getKey() + "' does not match the next"
            + " heredoc named in the command, <<" + mk.name());
      }
      YamlNode b = e.getValue();
      String body = b.kind == YamlNode.Kind.NULL ? "" : string(b, "heredoc " + mk.name());
      String terminated = body.isEmpty() || body.endsWith("\n") ? body : body + "\n";
      out.add(model(b, () -> new Heredoc(mk.name(), terminated, mk.expand(), mk.chomp(),
          mk.fileDescriptor())));
    }
    return out;
  }

  private Mount mount(YamlNode node) {
    Map<String, YamlNode> m0 = object(node, "mount", null);
    if (m0.containsKey("options")) {
      // a mount whose type or a typed option is a variable: BuildKit's option list as written
      Map<String, YamlNode> m = object(node, "mount", Set.of("options"));
      List<String> options = strings(m.get("options"), "mount options");
      return model(node, () -> new Mount.Expanded(options));
    }
    YamlNode typeNode = m0.get("type");
    if (typeNode == null) {
      throw err(node, "missing key 'type' in mount (bind, cache, tmpfs, secret or ssh)");
    }
    String type = string(typeNode, "mount type");
    Set<String> keys;
    switch (type) {
      case "bind":
        keys = Set.of("type", "target", "source", "from", "rw");
        break;
      case "cache":
        keys = Set.of("type", "target", "id", "sharing", "from", "source", "ro", "mode", "uid",
            "gid");
        break;
      case "tmpfs":
        keys = Set.of("type", "target", "size");
        break;
      case "secret":
        keys = Set.of("type", "id", "target", "env", "required", "mode", "uid", "gid");
        break;
      case "ssh":
        keys = Set.of("type", "id", "target", "required", "mode", "uid", "gid");
        break;
      default:
        throw err(typeNode, "unknown mount type '" + type + "'"
            + Suggest.hint(type, List.of("bind", "cache", "tmpfs", "secret", "ssh"))
            + "; expected bind, cache, tmpfs, secret or ssh");
    }
    Map<String, YamlNode> m = object(node, type + " mount", keys);
    if (!type.equals("secret") && !type.equals("ssh") && !type.equals("bind")
        && m.get("target") == null) {
      throw err(node, "missing key 'target' in " + type + " mount");
    }
    switch (type) {
      case "bind":
        return model(node, () -> new Mount.Bind(opt(m, "target"), opt(m, "source"),
            opt(m, "from"), flag(m, "rw")));
      case "cache": {
        Optional<Mount.Sharing> sharing = m.get("sharing") == null ? Optional.empty()
            : Optional.of(enumValue(m.get("sharing"), "sharing", Mount.Sharing.class));
        return model(node, () -> new Mount.Cache(str(m, "target"), opt(m, "id"), sharing,
            opt(m, "from"), opt(m, "source"), flag(m, "ro"), opt(m, "mode"), opt(m, "uid"),
            opt(m, "gid")));
      }
      case "tmpfs":
        return model(node, () -> new Mount.Tmpfs(str(m, "target"), opt(m, "size")));
      case "secret":
        return model(node, () -> new Mount.Secret(opt(m, "id"), opt(m, "target"), opt(m, "env"),
            flag(m, "required"), opt(m, "mode"), opt(m, "uid"), opt(m, "gid")));
      default:
        return model(node, () -> new Mount.Ssh(opt(m, "id"), opt(m, "target"),
            flag(m, "required"), opt(m, "mode"), opt(m, "uid"), opt(m, "gid")));
    }
  }

  private Instruction copyOrAdd(YamlNode v, String keyword) {
    boolean copy = keyword.equals("copy");
    List<String> sources;
    String dest;
    boolean json;
    Map<String, YamlNode> m = Map.of();
    YamlNode pathsNode = v;
    if (v.kind == YamlNode.Kind.MAP) {
      m = object(v, keyword, copy
          ? Set.of("src", "dest", "from", "chown", "chmod", "link", "parents", "exclude", "json",
              "heredocs")
          : Set.of("src", "dest", "chown", "chmod", "link", "keep-git-dir", "checksum", "unpack",
              "exclude", "json", "heredocs"));
      YamlNode src = m.get("src");
      if (src == null) {
        throw err(v, "missing key 'src' in " + keyword);
      }
      if (m.get("dest") == null) {
        throw err(v, "missing key 'dest' in " + keyword);
      }
      sources = nonEmpty(src, stringOrList(src, "src"), "src");
      dest = string(m.get("dest"), "dest");
      json = m.get("json") != null && bool(m.get("json"), "json");
      pathsNode = src;
    } else if (v.kind == YamlNode.Kind.SEQ) {
      List<String> all = strings(v, keyword);
      if (all.size() < 2) {
        throw err(v, keyword + " needs at least a source and a destination: [src..., dest]");
      }
      sources = all.subList(0, all.size() - 1);
      dest = all.get(all.size() - 1);
      json = true;
    } else {
      String text = string(v, keyword).strip();
      List<String> all = List.of(text.split("\\s+"));
      if (text.isEmpty() || all.size() < 2) {
        throw err(v, keyword + " needs at least a source and a destination: \"src... dest\"");
      }
      sources = all.subList(0, all.size() - 1);
      dest = all.get(all.size() - 1);
      json = false;
    }
    List<HeredocMarkers.Marker> markers = new ArrayList<>();
    for (String s : sources) {
      HeredocMarkers.marker(s).ifPresent(markers::add);
    }
    List<Heredoc> heredocs = heredocs(m.get("heredocs"), markers, pathsNode);
    Optional<String> chown = opt(m, "chown");
    Optional<String> chmod = opt(m, "chmod");
    boolean link = flag(m, "link");
    List<String> excludes =
        m.get("exclude") == null ? List.of() : stringOrList(m.get("exclude"), "exclude");
    List<String> src = sources;
    boolean j = json;
    if (copy) {
      Optional<String> from = Optional.empty();
      if (m.get("from") != null) {
        from = Optional.of(copyFrom(m.get("from")));
      }
      Optional<String> f = from;
      boolean parents = flag(m, "parents");
      return model(v, () -> new CopyInstruction(src, dest, heredocs, f, chown, chmod, link,
          parents, excludes, j));
    }
    Optional<Boolean> unpack =
        m.get("unpack") == null ? Optional.empty() : Optional.of(bool(m.get("unpack"), "unpack"));
    Map<String, YamlNode> mm = m;
    return model(v, () -> new AddInstruction(src, dest, heredocs, chown, chmod, link,
        flag(mm, "keep-git-dir"), opt(mm, "checksum"), unpack, excludes, j));
  }

  private String copyFrom(YamlNode node) {
    int current = stageNames.size() - 1;
    if (node.kind == YamlNode.Kind.MAP) {
      return stageRef(node, current, "copy from");
    }
    String from = string(node, "from");
    // a later stage is allowed, as BuildKit's parser allows it (lint DF208 reports it); an index
    // past the last stage is not a stage at all
    if (from.chars().allMatch(Character::isDigit) && !from.isEmpty()
        && (from.length() > 6 || Integer.parseInt(from) >= allStageCount)) {
      throw err(node, "undefined stage " + from + ": the spec has stages 0.." + (allStageCount - 1)
          + " (stage indexes start at 0)");
    }
    return from;
  }

  private Instruction volume(YamlNode v) {
    if (v.kind == YamlNode.Kind.SEQ) {
      return model(v, () -> new VolumeInstruction(strings(v, "volume"), true));
    }
    if (v.kind == YamlNode.Kind.MAP) {
      Map<String, YamlNode> m = object(v, "volume", Set.of("paths", "json"));
      if (m.get("paths") == null) {
        throw err(v, "missing key 'paths' in volume");
      }
      List<String> paths = stringOrList(m.get("paths"), "paths");
      return model(v, () -> new VolumeInstruction(paths, flag(m, "json")));
    }
    String text = string(v, "volume").strip();
    return model(v, () -> new VolumeInstruction(List.of(text.split("\\s+")), false));
  }

  private Instruction arg(YamlNode v) {
    List<ArgInstruction.Arg> args = new ArrayList<>();
    if (v.kind == YamlNode.Kind.MAP) {
      for (Map.Entry<String, YamlNode> e : v.map.entrySet()) {
        YamlNode d = e.getValue();
        Optional<String> def = d.kind == YamlNode.Kind.NULL ? Optional.empty()
            : Optional.of(string(d, "default of ARG " + e.getKey()));
        args.add(model(d, () -> new ArgInstruction.Arg(e.getKey(), def)));
      }
    } else {
      List<YamlNode> items = v.kind == YamlNode.Kind.SEQ ? v.seq : List.of(v);
      for (YamlNode item : items) {
        String s = string(item, "arg");
        int eq = s.indexOf('=');
        String name = eq < 0 ? s : s.substring(0, eq);
        Optional<String> def = eq < 0 ? Optional.empty() : Optional.of(s.substring(eq + 1));
        args.add(model(item, () -> new ArgInstruction.Arg(name, def)));
      }
    }
    return model(v, () -> new ArgInstruction(args));
  }

  private List<KeyValue> pairs(YamlNode v, String what) {
    List<KeyValue> out = new ArrayList<>();
    if (v.kind == YamlNode.Kind.MAP) {
      for (Map.Entry<String, YamlNode> e : v.map.entrySet()) {
        YamlNode val = e.getValue();
        String s = val.kind == YamlNode.Kind.NULL ? "" : string(val, what + " " + e.getKey());
        out.add(model(val, () -> new KeyValue(e.getKey(), s)));
      }
      return out;
    }
    if (v.kind != YamlNode.Kind.SEQ) {
      throw err(v, what + " must be a mapping (KEY: value) or a list of \"KEY=value\" strings;"
          + " found " + v.describe());
    }
    for (YamlNode item : v.seq) {
      String s = string(item, what + " pair");
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw err(item, what + " pair '" + s + "' must be KEY=value");
      }
      out.add(model(item, () -> new KeyValue(s.substring(0, eq), s.substring(eq + 1))));
    }
    return out;
  }

  private Instruction healthcheck(YamlNode v) {
    if (v.kind == YamlNode.Kind.STRING && v.text.equals("NONE")) {
      return HealthcheckInstruction.none();
    }
    if (v.kind != YamlNode.Kind.MAP) {
      Command c = command(v, "healthcheck", false);
      return model(v, () -> HealthcheckInstruction.of(c));
    }
    Map<String, YamlNode> m = object(v, "healthcheck", Set.of("command", "interval", "timeout",
        "start-period", "start-interval", "retries"));
    if (m.get("command") == null) {
      throw err(v, "missing key 'command' in healthcheck (write healthcheck: NONE to disable"
          + " an inherited check)");
    }
    Command c = command(m.get("command"), "healthcheck command", false);
    OptionalInt retries = OptionalInt.empty();
    YamlNode rn = m.get("retries");
    if (rn != null) {
      String r = string(rn, "retries");
      if (!r.matches("\\d{1,9}")) {
        throw err(rn, "retries (" + r + ") must be a whole number");
      }
      retries = OptionalInt.of(Integer.parseInt(r));
    }
    OptionalInt rr = retries;
    return model(v, () -> new HealthcheckInstruction(Optional.of(c), duration(m, "interval"),
        duration(m, "timeout"), duration(m, "start-period"), duration(m, "start-interval"), rr));
  }

  private Optional<Duration> duration(Map<String, YamlNode> m, String key) {
    YamlNode n = m.get(key);
    if (n == null) {
      return Optional.empty();
    }
    String s = string(n, key);
    if (s.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    String expected = key + " (" + shorten(s) + ") must be a duration such as 30s, 1m30s or 500ms";
    Matcher matcher = DURATION_PART.matcher(s);
    int pos = 0;
    java.math.BigDecimal nanos = java.math.BigDecimal.ZERO;
    while (pos < s.length()) {
      matcher.region(pos, s.length());
      if (!matcher.lookingAt()) {
        break;
      }
      String number = matcher.group(1);
      // Go's durations end at about 292 years (2562047h): more digits than that can hold, or a
      // fraction finer than a nanosecond, is refused before any arithmetic on them
      if (number.length() > MAX_DURATION_DIGITS) {
        throw err(n, key + " (" + shorten(s) + ") has a number with more than "
            + MAX_DURATION_DIGITS + " characters; the longest duration is " + MAX_DURATION);
      }
      java.math.BigDecimal value = new java.math.BigDecimal(
          number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number);
      long unit;
      switch (matcher.group(2)) {
        case "ns":
          unit = 1L;
          break;
        case "us":
        case "µs":
        case "μs":
          unit = 1_000L;
          break;
        case "ms":
          unit = 1_000_000L;
          break;
        case "s":
          unit = 1_000_000_000L;
          break;
        case "m":
          unit = 60_000_000_000L;
          break;
        default:
          unit = 3_600_000_000_000L;
          break;
      }
      nanos = nanos.add(value.multiply(java.math.BigDecimal.valueOf(unit)));
      if (nanos.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw err(n, key + " (" + shorten(s) + ") is too long; the longest duration is "
            + MAX_DURATION);
      }
      pos = matcher.end();
    }
    if (pos != s.length() || s.isEmpty()) {
      throw err(n, expected);
    }
    if (nanos.signum() != 0 && nanos.stripTrailingZeros().scale() > 0) {
      // Go would drop the fraction (0.5ns becomes 0s, which means "the default")
      throw err(n, key + " (" + shorten(s) + ") is not a whole number of nanoseconds");
    }
    return Optional.of(Duration.ofNanos(nanos.longValueExact()));
  }

  /** The longest number accepted in a duration part, in characters. */
  private static final int MAX_DURATION_DIGITS = 40;
  /** The longest duration (Go's time.Duration), as Go prints it. */
  private static final String MAX_DURATION = "2562047h47m16.854775807s";

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  // ---------------------------------------------------------------- commands

  private Command command(YamlNode v, String what, boolean allowEmptyExec) {
    if (v.kind == YamlNode.Kind.SEQ) {
      List<String> args = strings(v, what);
      if (args.isEmpty() && !allowEmptyExec) {
        throw err(v, what + " in exec form must name at least the executable");
      }
      return new Exec(args);
    }
    return shell(v, what);
  }

  /**
   * Reads a shell form: one line, or several lines of which every one but the last (and but
   * comment lines) ends with the escape character, as in a Dockerfile.
   */
  private Shell shell(YamlNode v, String what) {
    if (!v.isScalar()) {
      throw err(v, what + " must be a string (shell form) or a list (exec form); found "
          + v.describe());
    }
    String text = v.text;
    while (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isBlank()) {
      throw err(v, what + " must not be empty");
    }
    String[] raw = text.split("\n", -1);
    List<String> lines = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      boolean last = i == raw.length - 1;
      boolean comment = i > 0 && line.stripLeading().startsWith("#");
      if (comment || (line.isEmpty() && i > 0)) {
        lines.add(line);
        continue;
      }
      String trimmed = line.stripTrailing();
      boolean continued = trimmed.endsWith(String.valueOf(escape));
      if (last) {
        if (continued) {
          throw err(v, "the last line of " + what + " must not end with the escape character "
              + escape);
        }
        lines.add(line);
      } else {
        if (!continued) {
          throw err(v, "line " + (i + 1) + " of " + what + " must end with " + escape
              + " to continue the command on the next line, as in a Dockerfile (for a script,"
              + " use a heredoc)");
        }
        lines.add(trimmed.substring(0, trimmed.length() - 1));
      }
    }
    return model(v, () -> new Shell(lines));
  }

  // ---------------------------------------------------------------- scalars and helpers

  private Map<String, YamlNode> object(YamlNode node, String what, Set<String> allowed) {
    if (node.kind != YamlNode.Kind.MAP) {
      throw err(node, what + " must be a mapping; found " + node.describe());
    }
    if (allowed != null) {
      for (String k : node.map.keySet()) {
        if (!allowed.contains(k)) {
          throw errKey(node, k, "unknown key '" + k + "' in " + what + Suggest.hint(k, allowed)
              + "; expected one of " + sorted(allowed));
        }
      }
    }
    return node.map;
  }

  private static String sorted(Set<String> keys) {
    List<String> l = new ArrayList<>(keys);
    l.remove("$schema");
    l.sort(null);
    return String.join(", ", l);
  }

  private List<YamlNode> list(YamlNode node, String what) {
    if (node.kind == YamlNode.Kind.NULL) {
      return List.of();
    }
    if (node.kind != YamlNode.Kind.SEQ) {
      throw err(node, what + " must be a list; found " + node.describe());
    }
    return node.seq;
  }

  private String string(YamlNode node, String what) {
    if (!node.isScalar()) {
      throw err(node, what + " must be a string; found " + node.describe());
    }
    return node.text;
  }

  private List<String> strings(YamlNode node, String what) {
    if (node.kind != YamlNode.Kind.SEQ) {
      throw err(node, what + " must be a list of strings; found " + node.describe());
    }
    List<String> out = new ArrayList<>();
    for (YamlNode n : node.seq) {
      out.add(string(n, "an item of " + what));
    }
    return out;
  }

  private List<String> stringOrList(YamlNode node, String what) {
    if (node.kind == YamlNode.Kind.SEQ) {
      return strings(node, what);
    }
    return List.of(string(node, what));
  }

  private List<String> nonEmpty(YamlNode node, List<String> l, String what) {
    if (l.isEmpty()) {
      throw err(node, what + " must not be empty");
    }
    return l;
  }

  private boolean bool(YamlNode node, String what) {
    if (node.kind == YamlNode.Kind.BOOLEAN || node.kind == YamlNode.Kind.STRING) {
      if (node.text.equalsIgnoreCase("true")) {
        return true;
      }
      if (node.text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw err(node, what + " must be true or false; found " + node.describe());
  }

  private String str(Map<String, YamlNode> m, String key) {
    return string(m.get(key), key);
  }

  private Optional<String> opt(Map<String, YamlNode> m, String key) {
    YamlNode n = m.get(key);
    return n == null ? Optional.empty() : Optional.of(string(n, key));
  }

  private boolean flag(Map<String, YamlNode> m, String key) {
    YamlNode n = m.get(key);
    return n != null && bool(n, key);
  }

  private <E extends Enum<E>> E enumValue(YamlNode n, String what, Class<E> type) {
    String s = string(n, what);
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String name = e.name().toLowerCase(Locale.ROOT);
      names.add(name);
      if (name.equals(s)) {
        return e;
      }
    }
    throw err(n, what + " '" + s + "' must be one of " + String.join(", ", names)
        + Suggest.hint(s, names));
  }

  private <T> T model(YamlNode node, Supplier<T> supplier) {
    try {
      return supplier.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw err(node, String.valueOf(e.getMessage()));
    }
  }

  private SpecException err(YamlNode node, String message) {
    return new SpecException(file, node.line, node.column, message);
  }

  private SpecException errKey(YamlNode map, String key, String message) {
    int[] pos = map.keyPositions.get(key);
    return pos == null ? err(map, message) : new SpecException(file, pos[0], pos[1], message);
  }
}
