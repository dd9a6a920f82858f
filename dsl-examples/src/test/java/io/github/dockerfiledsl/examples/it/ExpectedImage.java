package io.github.dockerfiledsl.examples.it;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an image built from a Dockerfile model must look like: its configuration and how many
 * layers it adds to its base, derived from the model alone (BuildKit's rules), given the
 * configuration and layer count of each base image.
 *
 * <p>Only RUN, COPY and ADD change the file system, so only they add layers; every other
 * instruction changes the configuration alone. Values with variable references ({@code $}) are
 * not expanded here, so a model that has them in configuration instructions is rejected.
 *
 * @param config the expected configuration of the last stage
 * @param layers the expected number of layers of the image, base layers included
 * @param addedLayers the number of filesystem-changing instructions (RUN, COPY, ADD) of the
 *     last stage and the stages it is built FROM
 */
public record ExpectedImage(ImageConfig config, int layers, int addedLayers) {

  /** A base image as {@code buildah inspect} shows it: its configuration and layer count. */
  public record Base(ImageConfig config, int layers) {
  }

  /**
   * Derives the expected image of the last stage of {@code model}.
   *
   * @param model the Dockerfile model
   * @param baseImage looks up the configuration and layer count of an image named by FROM
   * @return the expectation
   */
  public static ExpectedImage of(Dockerfile model, Function<String, Base> baseImage) {
    Map<String, ExpectedImage> stages = new HashMap<>();
    ExpectedImage last = null;
    for (Stage stage : model.stages()) {
      String from = stage.from().image();
      ExpectedImage start;
      if (stages.containsKey(from)) {
        start = stages.get(from);
      } else if (from.equals("scratch")) {
        start = new ExpectedImage(ImageConfig.empty(), 0, 0);
      } else {
        Base base = baseImage.apply(from);
        start = new ExpectedImage(base.config(), base.layers(), 0);
      }
      last = apply(start, stage);
      if (stage.name().isPresent()) {
        stages.put(stage.name().get(), last);
      }
    }
    return last;
  }

  private static ExpectedImage apply(ExpectedImage start, Stage stage) {
    ImageConfig c = start.config();
    List<String> env = new ArrayList<>(c.env());
    List<String> entrypoint = c.entrypoint();
    List<String> cmd = c.cmd();
    String user = c.user();
    String workdir = c.workingDir();
    TreeSet<String> ports = new TreeSet<>(c.exposedPorts());
    TreeSet<String> volumes = new TreeSet<>(c.volumes());
    TreeMap<String, String> labels = new TreeMap<>(c.labels());
    ImageConfig.Healthcheck healthcheck = c.healthcheck();
    String stopSignal = c.stopSignal();
    List<String> shell = List.of("/bin/sh", "-c");
    int added = start.addedLayers();
    for (Instruction i : stage.steps().toList()) {
      if (i instanceof RunInstruction || i instanceof CopyInstruction
          || i instanceof AddInstruction) {
        added++;
      } else if (i instanceof EnvInstruction e) {
        for (KeyValue kv : e.vars()) {
          String value = literal(kv.value(), "ENV " + kv.key());
          // as BuildKit and buildah do: a variable set again keeps its place
          int at = -1;
          for (int k = 0; k < env.size(); k++) {
            if (env.get(k).startsWith(kv.key() + "=")) {
              at = k;
            }
          }
          if (at >= 0) {
            env.set(at, kv.key() + "=" + value);
          } else {
            env.add(kv.key() + "=" + value);
          }
        }
      } else if (i instanceof LabelInstruction l) {
        for (KeyValue kv : l.labels()) {
          labels.put(literal(kv.key(), "LABEL"), literal(kv.value(), "LABEL " + kv.key()));
        }
      } else if (i instanceof WorkdirInstruction w) {
        String p = literal(w.path(), "WORKDIR");
        workdir = p.startsWith("/") ? p : (workdir.isEmpty() ? "/" : workdir + "/") + p;
      } else if (i instanceof UserInstruction u) {
        user = literal(u.user(), "USER");
      } else if (i instanceof ExposeInstruction e) {
        for (String p : e.ports()) {
          String port = literal(p, "EXPOSE");
          ports.add(port.contains("/") ? port : port + "/tcp");
        }
      } else if (i instanceof VolumeInstruction v) {
        for (String p : v.paths()) {
          volumes.add(literal(p, "VOLUME"));
        }
      } else if (i instanceof ShellInstruction s) {
        shell = s.shell().args();
      } else if (i instanceof CmdInstruction cm) {
        cmd = argv(cm.command(), shell);
      } else if (i instanceof EntrypointInstruction ep) {
        entrypoint = argv(ep.command(), shell);
        // BuildKit: ENTRYPOINT resets a CMD inherited from the base image (not one set later)
        cmd = List.of();
      } else if (i instanceof HealthcheckInstruction h) {
        healthcheck = healthcheck(h);
      } else if (i instanceof StopsignalInstruction s) {
        stopSignal = literal(s.signal(), "STOPSIGNAL");
      }
    }
    ImageConfig config = new ImageConfig(env, entrypoint, cmd, user, workdir, ports, volumes,
        labels, healthcheck, stopSignal);
    return new ExpectedImage(config, start.layers() + added - start.addedLayers(), added);
  }

  private static List<String> argv(Command command, List<String> shell) {
    if (command instanceof Exec e) {
      return e.args();
    }
    List<String> out = new ArrayList<>(shell);
    out.add(((Shell) command).command());
    return out;
  }

  private static ImageConfig.Healthcheck healthcheck(HealthcheckInstruction h) {
    if (h.isNone()) {
      return new ImageConfig.Healthcheck(List.of("NONE"), Duration.ZERO, Duration.ZERO,
          Duration.ZERO, 0);
    }
    List<String> test = new ArrayList<>();
    Command command = h.command().orElseThrow();
    if (command instanceof Exec e) {
      test.add("CMD");
      test.addAll(e.args());
    } else {
      test.add("CMD-SHELL");
      test.add(((Shell) command).command());
    }
    return new ImageConfig.Healthcheck(test, h.interval().orElse(Duration.ZERO),
        h.timeout().orElse(Duration.ZERO), h.startPeriod().orElse(Duration.ZERO),
        h.retries().orElse(0));
  }

  private static String literal(String template, String where) {
    if (template.contains("$")) {
      throw new IllegalArgumentException(where + " value (" + template
          + ") has a variable reference, which this expectation does not expand");
    }
    return template.replace("\\\\", "\\");
  }
}
