package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Command;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code RUN [--mount=...] [--network=...] [--security=...] command}: runs a command in a new
 * layer.
 *
 * @param command the command, shell or exec form; a heredoc script is a shell form whose command
 *     line holds the heredoc markers ({@code <<EOF}, {@code python3 <<EOF})
 * @param heredocs the bodies of the heredocs named in the command line, in order; only with the
 *     shell form
 * @param mounts the {@code --mount} flags, in order
 * @param network the {@code --network} flag
 * @param security the {@code --security} flag
 * @param devices the {@code --device} flags (labs syntax), in order
 */
public record RunInstruction(
    Command command,
    List<Heredoc> heredocs,
    List<Mount> mounts,
    Optional<Network> network,
    Optional<Security> security,
    List<String> devices)
    implements Instruction {

  /** The {@code --network} values. */
  public enum Network {
    /** The default network. */
    DEFAULT,
    /** No network access. */
    NONE,
    /** The host's network (needs the network.host entitlement). */
    HOST;

    /**
     * Returns the value as written after {@code --network=}.
     *
     * @return the lower-case name
     */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The {@code --security} values. */
  public enum Security {
    /** The default sandbox. */
    SANDBOX,
    /** Run without the sandbox (needs the security.insecure entitlement). */
    INSECURE;

    /**
     * Returns the value as written after {@code --security=}.
     *
     * @return the lower-case name
     */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Creates a RUN instruction.
   *
   * @param command the command
   * @param heredocs the heredoc bodies
   * @param mounts the mounts
   * @param network the network mode
   * @param security the security mode
   * @param devices the devices
   */
  public RunInstruction {
    Checks.notNull(command, "RUN command");
    heredocs = Checks.list(heredocs, "RUN heredocs");
    mounts = Checks.list(mounts, "RUN mounts");
    Checks.optional(network, "RUN network");
    Checks.optional(security, "RUN security");
    devices = Checks.list(devices, "RUN devices");
    for (String d : devices) {
      Checks.word(d, "RUN --device");
    }
    if (command instanceof Exec e) {
      Checks.check(!e.args().isEmpty(), "RUN exec form must not be empty");
      Checks.check(heredocs.isEmpty(), "RUN heredocs need the shell form");
    }
  }

  /**
   * Returns {@code RUN command} without flags.
   *
   * @param command the command
   * @return the instruction
   */
  public static RunInstruction of(Command command) {
    return new RunInstruction(
        command, List.of(), List.of(), Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * Returns {@code RUN command} in shell form.
   *
   * @param shellCommand the command line
   * @return the instruction
   */
  public static RunInstruction shell(String shellCommand) {
    return of(Shell.of(shellCommand));
  }

  /**
   * Returns this instruction with another command, keeping flags and heredocs.
   *
   * @param newCommand the command
   * @return a new instruction
   */
  public RunInstruction withCommand(Command newCommand) {
    return new RunInstruction(newCommand, heredocs, mounts, network, security, devices);
  }

  /**
   * Returns this instruction with the given mounts.
   *
   * @param newMounts the mounts
   * @return a new instruction
   */
  public RunInstruction withMounts(List<Mount> newMounts) {
    return new RunInstruction(command, heredocs, newMounts, network, security, devices);
  }

  /**
   * Returns whether another RUN has the same flags (mounts, network, security, devices), so that
   * the two could run in one layer without changing what each sees.
   *
   * @param other the other instruction
   * @return true if all flags are equal
   */
  public boolean sameFlags(RunInstruction other) {
    return mounts.equals(other.mounts)
        && network.equals(other.network)
        && security.equals(other.security)
        && devices.equals(other.devices);
  }

  @Override
  public String keyword() {
    return "RUN";
  }

  // equals and hashCode as a record defines them, written out: the generated ones bootstrap
  // method handles on their first call (lint compares a RUN with its fixed form), which are not
  // archived for start-up

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RunInstruction r
        && command.equals(r.command)
        && heredocs.equals(r.heredocs)
        && mounts.equals(r.mounts)
        && network.equals(r.network)
        && security.equals(r.security)
        && devices.equals(r.devices);
  }

  @Override
  public int hashCode() {
    int h = command.hashCode();
    h = 31 * h + heredocs.hashCode();
    h = 31 * h + mounts.hashCode();
    h = 31 * h + network.hashCode();
    h = 31 * h + security.hashCode();
    return 31 * h + devices.hashCode();
  }
}
