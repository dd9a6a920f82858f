package io.github.dockerfiledsl.testing;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link BuiltImage}: its configuration as the engine reports it (env, user,
 * working directory, entrypoint, cmd, exposed ports, labels, healthcheck), its layers and size,
 * its files (type, mode, owner, content) and the exit code and output of commands run in a
 * container of it.
 *
 * <p>When the image was built from a Dockerfile known to the fixture, failure messages quote the
 * Dockerfile lines that decide the value, numbered as in the rendered Dockerfile.
 *
 * @param <SELF> the type of the concrete assertion, returned by every method
 */
public abstract class AbstractImageAssert<SELF extends AbstractImageAssert<SELF>>
    extends AbstractAssert<SELF, BuiltImage> {

  private DockerfileView view;

  /**
   * Creates the assertion.
   *
   * @param actual the image under test
   * @param selfType the concrete assertion class
   */
  protected AbstractImageAssert(BuiltImage actual, Class<?> selfType) {
    super(actual, selfType);
  }

  private SELF fail(String message) {
    failWithMessage("%s", message);
    return myself;
  }

  private ContainerConfig config() {
    isNotNull();
    ContainerConfig c = actual.inspect().getConfig();
    return c == null ? new ContainerConfig() : c;
  }

  /** The Dockerfile lines of these instruction types in the built stage, as a message suffix. */
  private String source(Class<?>... types) {
    Optional<DockerfileView> v = view();
    if (v.isEmpty()) {
      return "";
    }
    Stage stage = actual.target().flatMap(v.get()::stage)
        .orElse(v.get().dockerfile().stages().get(v.get().dockerfile().stages().size() - 1));
    List<Instruction> lines = v.get().imageInstructions(stage).stream()
        .filter(i -> Arrays.stream(types).anyMatch(t -> t.isInstance(i))).toList();
    if (lines.isEmpty()) {
      return "\nthe Dockerfile sets none; its stage starts at\n  " + v.get().describe(stage.from());
    }
    return "\nset in the Dockerfile at\n" + v.get().describeAll(lines);
  }

  private Optional<DockerfileView> view() {
    if (view == null && actual.dockerfile().isPresent()) {
      view = new DockerfileView(actual.dockerfile().get());
    }
    return Optional.ofNullable(view);
  }

  private String image() {
    return "image " + actual.name();
  }

  private static List<String> list(String[] values) {
    return values == null ? List.of() : List.of(values);
  }

  // ---------------------------------------------------------------- configuration

  /**
   * Verifies that the image's environment has this variable with this value.
   *
   * @param name the variable
   * @param value the expected value
   * @return this assertion
   */
  public SELF hasEnv(String name, String value) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String e : list(config().getEnv())) {
      int eq = e.indexOf('=');
      env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    if (!env.containsKey(name)) {
      return fail("Expecting " + image() + " to have the environment variable " + name + "=" + value
          + " but it has only " + env.keySet() + source(EnvInstruction.class));
    }
    if (!Objects.equals(env.get(name), value)) {
      return fail("Expecting the environment variable " + name + " of " + image() + " to be '" + value
          + "' but it is '" + env.get(name) + "'" + source(EnvInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the image's user ({@code Config.User}; empty means root).
   *
   * @param expected the user as configured ({@code app}, {@code 1000:1000})
   * @return this assertion
   */
  public SELF hasUser(String expected) {
    String user = Objects.requireNonNullElse(config().getUser(), "");
    if (!user.equals(expected)) {
      return fail("Expecting " + image() + " to run as '" + expected + "' but its user is '" + user + "'"
          + (user.isEmpty() ? " (root)" : "") + source(UserInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies that the image does not run as root: its user is set and is neither {@code root}
   * nor uid 0.
   *
   * @return this assertion
   */
  public SELF hasNonRootUser() {
    String user = Objects.requireNonNullElse(config().getUser(), "");
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    if (name.isEmpty() || name.equals("root") || name.equals("0")) {
      return fail("Expecting " + image() + " not to run as root but its user is '" + user + "'"
          + source(UserInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the image's working directory.
   *
   * @param expected the absolute path
   * @return this assertion
   */
  public SELF hasWorkdir(String expected) {
    String dir = Objects.requireNonNullElse(config().getWorkingDir(), "");
    if (!dir.equals(expected)) {
      return fail("Expecting " + image() + " to have the working directory '" + expected + "' but it is '"
          + dir + "'" + source(WorkdirInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the image's entrypoint (exec form: the arguments as the engine stores them; a
   * shell form appears as {@code /bin/sh -c "..."}).
   *
   * @param expected the arguments
   * @return this assertion
   */
  public SELF hasEntrypoint(String... expected) {
    List<String> entrypoint = list(config().getEntrypoint());
    if (!entrypoint.equals(List.of(expected))) {
      return fail("Expecting " + image() + " to have the entrypoint " + List.of(expected) + " but it is "
          + entrypoint + source(EntrypointInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the image's cmd.
   *
   * @param expected the arguments
   * @return this assertion
   */
  public SELF hasCmd(String... expected) {
    List<String> cmd = list(config().getCmd());
    if (!cmd.equals(List.of(expected))) {
      return fail("Expecting " + image() + " to have the cmd " + List.of(expected) + " but it is " + cmd
          + source(CmdInstruction.class));
    }
    return myself;
  }

  private static String normalizePort(String port) {
    String p = port.toLowerCase(Locale.ROOT);
    return p.contains("/") ? p : p + "/tcp";
  }

  /**
   * Verifies that the image exposes this TCP port.
   *
   * @param port the port
   * @return this assertion
   */
  public SELF exposesPort(int port) {
    return exposesPort(port + "/tcp");
  }

  /**
   * Verifies that the image exposes this port ({@code 8080}, {@code 8080/tcp}, {@code 53/udp}).
   *
   * @param port the port, with an optional protocol (tcp by default)
   * @return this assertion
   */
  public SELF exposesPort(String port) {
    String wanted = normalizePort(port);
    ExposedPort[] exposed = config().getExposedPorts();
    List<String> ports = exposed == null ? List.of()
        : Arrays.stream(exposed).map(p -> p.getPort() + "/" + p.getProtocol().toString()).toList();
    if (!ports.contains(wanted)) {
      return fail("Expecting " + image() + " to expose port " + wanted + " but it exposes " + ports
          + source(ExposeInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies that the image has this label with this value.
   *
   * @param key the label
   * @param value the expected value
   * @return this assertion
   */
  public SELF hasLabel(String key, String value) {
    Map<String, String> labels = Objects.requireNonNullElse(config().getLabels(), Map.of());
    if (!labels.containsKey(key)) {
      return fail("Expecting " + image() + " to have the label " + key + "=" + value + " but its labels are "
          + labels.keySet() + source(LabelInstruction.class));
    }
    if (!Objects.equals(labels.get(key), value)) {
      return fail("Expecting the label " + key + " of " + image() + " to be '" + value + "' but it is '"
          + labels.get(key) + "'" + source(LabelInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies that the image has a healthcheck with this test ({@code CMD-SHELL cmd}, or {@code
   * CMD arg...} for the exec form).
   *
   * @param test the expected test, as the engine stores it
   * @return this assertion
   */
  public SELF hasHealthcheck(String... test) {
    isNotNull();
    List<String> actualTest = actual.healthcheck().map(HealthCheck::getTest).orElse(List.of());
    if (!actualTest.equals(List.of(test))) {
      return fail("Expecting " + image() + " to have the healthcheck " + List.of(test) + " but it has "
          + (actualTest.isEmpty() ? "none" : actualTest) + source(HealthcheckInstruction.class));
    }
    return myself;
  }

  // ---------------------------------------------------------------- layers and size

  private List<String> layers() {
    InspectImageResponse r = actual.inspect();
    return r.getRootFS() == null || r.getRootFS().getLayers() == null ? List.of() : r.getRootFS().getLayers();
  }

  /**
   * Verifies the number of layers (the base image's and one per RUN, COPY and ADD).
   *
   * @param expected the number of layers
   * @return this assertion
   */
  public SELF hasLayerCount(int expected) {
    isNotNull();
    int count = layers().size();
    if (count != expected) {
      return fail("Expecting " + image() + " to have " + expected + " layers but it has " + count
          + source(RunInstruction.class, CopyInstruction.class, AddInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies that the image has at most this many layers.
   *
   * @param max the largest number allowed
   * @return this assertion
   */
  public SELF hasAtMostLayers(int max) {
    isNotNull();
    int count = layers().size();
    if (count > max) {
      return fail("Expecting " + image() + " to have at most " + max + " layers but it has " + count
          + source(RunInstruction.class, CopyInstruction.class, AddInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies that the image's total size, as the engine reports it, is at most this many bytes.
   *
   * @param maxBytes the budget
   * @return this assertion
   */
  public SELF hasSizeAtMost(long maxBytes) {
    isNotNull();
    long size = Objects.requireNonNullElse(actual.inspect().getSize(), 0L);
    if (size > maxBytes) {
      return fail("Expecting " + image() + " to be at most " + maxBytes + " bytes but it is " + size
          + " bytes (" + (size - maxBytes) + " over the budget)"
          + source(RunInstruction.class, CopyInstruction.class, AddInstruction.class));
    }
    return myself;
  }

  // ---------------------------------------------------------------- files

  private Optional<ImageFile> file(String path) {
    isNotNull();
    return actual.file(path);
  }

  private Optional<ImageFile> expectFile(String path, ImageFile.Type type) {
    Optional<ImageFile> f = file(path);
    if (f.isEmpty()) {
      fail("Expecting " + image() + " to have the " + kind(type) + " " + path + " but it does not exist"
          + source(RunInstruction.class, CopyInstruction.class, AddInstruction.class));
      return Optional.empty();
    }
    if (type != null && f.get().type() != type) {
      fail("Expecting " + path + " in " + image() + " to be a " + kind(type) + " but it is a "
          + kind(f.get().type()));
      return Optional.empty();
    }
    return f;
  }

  private static String kind(ImageFile.Type type) {
    return type == null ? "path" : type.name().toLowerCase(Locale.ROOT).replace("symlink", "symbolic link");
  }

  /**
   * Verifies that this path is a regular file of the image.
   *
   * @param path the absolute path
   * @return this assertion
   */
  public SELF hasFile(String path) {
    expectFile(path, ImageFile.Type.FILE);
    return myself;
  }

  /**
   * Verifies that this path is a directory of the image.
   *
   * @param path the absolute path
   * @return this assertion
   */
  public SELF hasDirectory(String path) {
    expectFile(path, ImageFile.Type.DIRECTORY);
    return myself;
  }

  /**
   * Verifies that this path does not exist in the image.
   *
   * @param path the absolute path
   * @return this assertion
   */
  public SELF doesNotHavePath(String path) {
    Optional<ImageFile> f = file(path);
    if (f.isPresent()) {
      return fail("Expecting " + image() + " not to have " + path + " but it has it: a " + kind(f.get().type())
          + ", mode " + f.get().octalMode() + ", owner " + f.get().owner() + ":" + f.get().group()
          + source(RunInstruction.class, CopyInstruction.class, AddInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the permission bits of a path ({@code 0755}; set-user-id and sticky bits count).
   *
   * @param path the absolute path
   * @param mode the expected mode, as an int ({@code 0755})
   * @return this assertion
   */
  public SELF hasPathWithMode(String path, int mode) {
    Optional<ImageFile> f = expectFile(path, null);
    if (f.isPresent() && f.get().mode() != mode) {
      return fail("Expecting " + path + " in " + image() + " to have mode " + String.format("%04o", mode)
          + " but it has " + f.get().octalMode() + source(RunInstruction.class, CopyInstruction.class,
              AddInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the owner of a path: {@code user} or {@code user:group}, by name (from the image's
   * {@code /etc/passwd} and {@code /etc/group}) or by number.
   *
   * @param path the absolute path
   * @param owner {@code user} or {@code user:group}
   * @return this assertion
   */
  public SELF hasPathOwnedBy(String path, String owner) {
    Optional<ImageFile> f = expectFile(path, null);
    if (f.isEmpty()) {
      return myself;
    }
    ImageFile file = f.get();
    String[] parts = owner.split(":", 2);
    boolean user = parts[0].equals(file.owner()) || parts[0].equals(Integer.toString(file.uid()));
    boolean group = parts.length < 2 || parts[1].equals(file.group())
        || parts[1].equals(Integer.toString(file.gid()));
    if (!user || !group) {
      return fail("Expecting " + path + " in " + image() + " to be owned by " + owner + " but it is owned by "
          + file.owner() + ":" + file.group() + " (" + file.uid() + ":" + file.gid() + ")"
          + source(RunInstruction.class, CopyInstruction.class, AddInstruction.class, UserInstruction.class));
    }
    return myself;
  }

  /**
   * Verifies the whole content of a regular file, as UTF-8 text.
   *
   * @param path the absolute path
   * @param expected the expected content
   * @return this assertion
   */
  public SELF hasFileWithContent(String path, String expected) {
    Optional<ImageFile> f = expectFile(path, ImageFile.Type.FILE);
    if (f.isPresent() && !f.get().text().equals(expected)) {
      return fail("Expecting " + path + " in " + image() + " to contain exactly:\n  " + quote(expected)
          + "\nbut it contains:\n  " + quote(f.get().text()));
    }
    return myself;
  }

  /**
   * Verifies that a regular file contains this text.
   *
   * @param path the absolute path
   * @param fragment the text expected somewhere in the file
   * @return this assertion
   */
  public SELF hasFileContaining(String path, String fragment) {
    Optional<ImageFile> f = expectFile(path, ImageFile.Type.FILE);
    if (f.isPresent() && !f.get().text().contains(fragment)) {
      return fail("Expecting " + path + " in " + image() + " to contain:\n  " + quote(fragment)
          + "\nbut it contains:\n  " + quote(f.get().text()));
    }
    return myself;
  }

  private static String quote(String s) {
    String shown = s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    StringBuilder b = new StringBuilder("\"");
    for (char c : shown.toCharArray()) {
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  // ---------------------------------------------------------------- commands

  private CommandResult run(String[] command) {
    isNotNull();
    return actual.run(command);
  }

  private static String describe(CommandResult r) {
    return "exit code " + r.exitCode() + "\nstdout:\n  " + quote(r.stdout()) + "\nstderr:\n  " + quote(r.stderr());
  }

  /**
   * Verifies that a command, run in a new container of the image, exits with this code.
   *
   * @param exitCode the expected exit code
   * @param command the executable and its arguments
   * @return this assertion
   */
  public SELF commandExitsWith(int exitCode, String... command) {
    CommandResult r = run(command);
    if (r.exitCode() != exitCode) {
      return fail("Expecting " + List.of(command) + " in " + image() + " to exit with " + exitCode
          + " but got " + describe(r));
    }
    return myself;
  }

  /**
   * Verifies that a command succeeds (exit code 0) in a new container of the image.
   *
   * @param command the executable and its arguments
   * @return this assertion
   */
  public SELF commandSucceeds(String... command) {
    return commandExitsWith(0, command);
  }

  /**
   * Verifies that a command exits with 0 and prints exactly this on standard output.
   *
   * @param stdout the expected standard output
   * @param command the executable and its arguments
   * @return this assertion
   */
  public SELF commandPrints(String stdout, String... command) {
    CommandResult r = run(command);
    if (r.exitCode() != 0 || !r.stdout().equals(stdout)) {
      return fail("Expecting " + List.of(command) + " in " + image() + " to exit with 0 and print\n  "
          + quote(stdout) + "\nbut got " + describe(r));
    }
    return myself;
  }

  /**
   * Verifies that a command's standard output or standard error contains this text (any exit
   * code).
   *
   * @param fragment the text
   * @param command the executable and its arguments
   * @return this assertion
   */
  public SELF commandOutputContains(String fragment, String... command) {
    CommandResult r = run(command);
    if (!r.stdout().contains(fragment) && !r.stderr().contains(fragment)) {
      return fail("Expecting the output of " + List.of(command) + " in " + image() + " to contain\n  "
          + quote(fragment) + "\nbut got " + describe(r));
    }
    return myself;
  }
}
