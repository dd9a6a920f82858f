package io.github.dockerfiledsl.lint;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Terse model builders for lint tests. */
final class M {
  private M() {}

  static Dockerfile df(Stage... stages) {
    return Dockerfile.of(stages);
  }

  static Dockerfile df(List<Directive> directives, List<Instruction> preamble, Stage... stages) {
    return Dockerfile.model(directives, preamble, List.of(stages));
  }

  static Stage stage(String from, Instruction... body) {
    return Stage.of(from(from), Arrays.asList(body));
  }

  static Stage stage(FromInstruction from, Instruction... body) {
    return Stage.of(from, Arrays.asList(body));
  }

  static FromInstruction from(String image) {
    return FromInstruction.of(image);
  }

  static FromInstruction from(String image, String name) {
    return FromInstruction.of(image).withName(name);
  }

  static RunInstruction run(String command) {
    return RunInstruction.shell(command);
  }

  static RunInstruction run(Mount mount, String command) {
    return RunInstruction.shell(command).withMounts(List.of(mount));
  }

  static RunInstruction runLines(String... lines) {
    return RunInstruction.of(Shell.lines(lines));
  }

  static Mount cache(String target) {
    return new Mount.Cache(target, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static CmdInstruction cmd(String shell) {
    return CmdInstruction.of(Shell.of(shell));
  }

  static CmdInstruction cmdExec(String... args) {
    return CmdInstruction.of(Exec.of(List.of(args)));
  }

  static EntrypointInstruction entrypoint(String shell) {
    return EntrypointInstruction.of(Shell.of(shell));
  }

  static EntrypointInstruction entrypointExec(String... args) {
    return EntrypointInstruction.of(Exec.of(List.of(args)));
  }

  static CopyInstruction copy(String... sourcesAndDest) {
    List<String> all = new ArrayList<>(Arrays.asList(sourcesAndDest));
    String dest = all.remove(all.size() - 1);
    return CopyInstruction.of(all, dest);
  }

  static AddInstruction add(String... sourcesAndDest) {
    List<String> all = new ArrayList<>(Arrays.asList(sourcesAndDest));
    String dest = all.remove(all.size() - 1);
    return AddInstruction.of(all, dest);
  }

  static EnvInstruction env(String key, String value) {
    return EnvInstruction.of(key, value);
  }

  static ArgInstruction arg(String name) {
    return ArgInstruction.of(name);
  }

  static ArgInstruction arg(String name, String value) {
    return ArgInstruction.of(name, value);
  }

  static WorkdirInstruction workdir(String path) {
    return WorkdirInstruction.of(path);
  }

  static UserInstruction user(String user) {
    return UserInstruction.of(user);
  }

  static VolumeInstruction volume(String... paths) {
    return VolumeInstruction.of(paths);
  }

  static ExposeInstruction expose(String... ports) {
    return new ExposeInstruction(List.of(ports));
  }

  static MaintainerInstruction maintainer(String name) {
    return new MaintainerInstruction(name);
  }

  static ShellInstruction shell(String... args) {
    return new ShellInstruction(Exec.of(List.of(args)));
  }

  static Comment comment(String text) {
    return Comment.of(text);
  }
}
