package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DF207: an instruction writes into a path declared as VOLUME earlier (in the stage or a parent
 * stage). The classic builder discards such changes, and at run time the mounted volume hides
 * them; prepare the directory before VOLUME.
 */
public final class WriteToVolume extends AbstractRule {
  private static final Set<String> WRITERS = Set.of("mkdir", "touch", "cp", "mv", "chown", "chmod",
      "ln", "tee", "install", "tar", "unzip", "git", "wget", "curl", "sed", "rsync", "echo",
      "useradd", "chgrp", "dd", "npm", "pip", "pip3");

  /** Creates the rule. */
  public WriteToVolume() {
    super("DF207", "WriteToVolume", Severity.WARNING,
        "do not change a path after declaring it a VOLUME", null, null);
  }

  /**
   * Returns the message.
   *
   * @param keyword the writing instruction
   * @param path the path written
   * @param volume the volume
   * @return the message
   */
  public static String message(String keyword, String path, String volume) {
    return keyword + " writes to '" + path + "' inside VOLUME " + volume
        + " declared before it; the change is lost or hidden by the volume";
  }

  @Override
  public void check(LintContext context) {
    Dockerfile d = context.dockerfile();
    List<List<String>> volumesPerStage = new ArrayList<>();
    for (int s = 0; s < d.stages().size(); s++) {
      Optional<Integer> parent = Model.parentStage(d, s);
      List<String> volumes =
          new ArrayList<>(parent.isPresent() ? volumesPerStage.get(parent.get()) : List.of());
      String workdir = "/";
      for (Instruction i : d.stages().get(s).instructions()) {
        if (i instanceof VolumeInstruction v) {
          for (String p : v.paths()) {
            if (!p.contains("$")) {
              volumes.add(Paths.resolve(workdir, p));
            }
          }
        } else if (i instanceof WorkdirInstruction w) {
          workdir = Paths.resolve(workdir, w.path());
        } else if (!volumes.isEmpty()) {
          List<String> written = new ArrayList<>();
          if (i instanceof CopyInstruction c) {
            written.add(c.destination());
          } else if (i instanceof AddInstruction a) {
            written.add(a.destination());
          } else if (i instanceof RunInstruction r) {
            for (Script.Simple c : Script.of(r).commands()) {
              if (WRITERS.contains(c.program())) {
                for (String a : c.args()) {
                  if (a.startsWith("/")) {
                    written.add(a);
                  }
                }
              }
            }
          }
          report(context, i, workdir, written, volumes);
        }
      }
      volumesPerStage.add(List.copyOf(volumes));
    }
  }

  private void report(LintContext context, Instruction i, String workdir, List<String> written,
      List<String> volumes) {
    for (String w : written) {
      if (w.contains("$")) {
        continue;
      }
      String p = Paths.resolve(workdir, w);
      for (String v : volumes) {
        if (!v.equals("/") && Paths.isWithin(p, v)) {
          context.report(this, i, message(i.keyword(), w, v));
          return;
        }
      }
    }
  }
}
