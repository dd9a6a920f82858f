package io.github.dockerfiledsl.yaml;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.optimize.Apk;
import io.github.dockerfiledsl.optimize.Apt;
import io.github.dockerfiledsl.optimize.Dnf;
import io.github.dockerfiledsl.optimize.Microdnf;
import io.github.dockerfiledsl.optimize.Npm;
import io.github.dockerfiledsl.optimize.Pip;
import io.github.dockerfiledsl.optimize.Yum;
import io.github.dockerfiledsl.optimize.Zypper;
import java.util.List;

/**
 * The spec's run chains and package helpers, built with the builder's {@link Run} steps so that
 * a spec and Java code give the same RUN: cleanup at the end of the chain, or cache mounts.
 */
final class RunHelpers {
  /** The package managers a RUN step may name, as keys of its object form. */
  static final List<String> MANAGERS =
      List.of("apt", "apk", "dnf", "yum", "microdnf", "zypper", "pip", "npm");

  private RunHelpers() {}

  /**
   * Returns the step installing packages with a package manager.
   *
   * @param manager one of {@link #MANAGERS}
   * @param packages the packages, at least one
   * @return the step, with the manager's cleanup
   */
  static Run install(String manager, List<String> packages) {
    String[] p = packages.toArray(new String[0]);
    switch (manager) {
      case "apt":
        return Apt.install(p);
      case "apk":
        return Apk.add(p);
      case "dnf":
        return Dnf.install(p);
      case "yum":
        return Yum.install(p);
      case "microdnf":
        return Microdnf.install(p);
      case "zypper":
        return Zypper.install(p);
      case "pip":
        return Pip.install(p);
      case "npm":
        return Npm.install(p);
      default:
        throw new IllegalArgumentException("unknown package manager " + manager);
    }
  }

  /**
   * Returns a step of a command (shell or exec form).
   *
   * @param command the command
   * @return the step
   */
  static Run of(Command command) {
    return Run.of(command);
  }

  /**
   * Returns the RUN instruction the builder makes of one step.
   *
   * @param run the step
   * @return the instruction
   */
  static RunInstruction instruction(Run run) {
    Dockerfile d = Dockerfile.from("scratch").run(run).build();
    Instruction i = d.stages().get(0).steps().findFirst().orElseThrow();
    return (RunInstruction) i;
  }
}
