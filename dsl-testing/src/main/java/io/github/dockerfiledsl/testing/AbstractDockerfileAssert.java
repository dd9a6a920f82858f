package io.github.dockerfiledsl.testing;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.lint.Finding;
import io.github.dockerfiledsl.lint.LintReport;
import io.github.dockerfiledsl.lint.Linter;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Dockerfile} model, checked without building it: stages, base images,
 * the final user, exposed ports, ENTRYPOINT and CMD, labels, RUN layers and lint findings.
 *
 * <p>The image assertions are about the <em>target</em>: the last stage, or the stage chosen
 * with {@link #forTarget(String)}, together with the stages its FROM builds on ({@code FROM
 * build AS runtime} inherits what {@code build} sets). Failure messages quote the Dockerfile
 * lines involved, numbered as in the rendered Dockerfile ({@link Dockerfile#render()}).
 *
 * @param <SELF> the type of the concrete assertion, returned by every method
 */
public abstract class AbstractDockerfileAssert<SELF extends AbstractDockerfileAssert<SELF>>
    extends AbstractAssert<SELF, Dockerfile> {

  private DockerfileView view;
  private String target;

  /**
   * Creates the assertion.
   *
   * @param actual the Dockerfile under test
   * @param selfType the concrete assertion class
   */
  protected AbstractDockerfileAssert(Dockerfile actual, Class<?> selfType) {
    super(actual, selfType);
  }

  private DockerfileView view() {
    isNotNull();
    if (view == null) {
      view = new DockerfileView(actual);
    }
    return view;
  }

  private Stage targetStage() {
    DockerfileView v = view();
    if (target == null) {
      List<Stage> stages = v.dockerfile().stages();
      return stages.get(stages.size() - 1);
    }
    return v.stage(target).orElseThrow();
  }

  private String targetName() {
    Stage s = targetStage();
    return s.name().map(n -> "stage '" + n + "'").orElse("the final stage");
  }

  private SELF fail(String message) {
    failWithMessage("%s", message);
    return myself;
  }

  /**
   * Makes the following image assertions about the image of the named stage (a build target)
   * instead of the last stage.
   *
   * @param stageName the stage name ({@code FROM ... AS name})
   * @return this assertion
   */
  public SELF forTarget(String stageName) {
    Objects.requireNonNull(stageName, "stageName == null");
    DockerfileView v = view();
    if (v.stage(stageName).isEmpty()) {
      return fail("Expecting a stage named '" + stageName + "' to use as target, but the stages are "
          + stageNames() + ":\n" + v.describeAll(fromLines()));
    }
    this.target = stageName;
    return myself;
  }

  /**
   * Verifies the number of stages.
   *
   * @param expected the number of FROM instructions
   * @return this assertion
   */
  public SELF hasStageCount(int expected) {
    int count = view().dockerfile().stages().size();
    if (count != expected) {
      return fail("Expecting " + expected + " stage(s) but found " + count + ":\n"
          + view().describeAll(fromLines()));
    }
    return myself;
  }

  /**
   * Verifies that stages with these names exist (a name is a possible build target).
   *
   * @param names the stage names
   * @return this assertion
   */
  public SELF hasStages(String... names) {
    DockerfileView v = view();
    List<String> missing = Arrays.stream(names).filter(n -> v.stage(n).isEmpty()).toList();
    if (!missing.isEmpty()) {
      return fail("Expecting stages " + missing + " but the stages are " + stageNames() + ":\n"
          + v.describeAll(fromLines()));
    }
    return myself;
  }

  private List<FromInstruction> fromLines() {
    return view().dockerfile().stages().stream().map(Stage::from).toList();
  }

  private List<String> stageNames() {
    List<String> names = new ArrayList<>();
    List<Stage> stages = view().dockerfile().stages();
    for (int i = 0; i < stages.size(); i++) {
      names.add(stages.get(i).name().orElse("#" + i));
    }
    return names;
  }

  /** The FROM instructions that name an image, not an earlier stage or scratch. */
  private List<FromInstruction> externalBases() {
    DockerfileView v = view();
    List<FromInstruction> out = new ArrayList<>();
    for (Stage s : v.dockerfile().stages()) {
      if (v.parentStage(s).isEmpty() && !s.from().image().equalsIgnoreCase("scratch")) {
        out.add(s.from());
      }
    }
    return out;
  }

  private static Optional<ImageRef> ref(String image) {
    try {
      return Optional.of(ImageRef.parse(image));
    } catch (RuntimeException e) {
      return Optional.empty(); // a variable, resolved only at build time
    }
  }

  /**
   * Verifies that the target image is built on this base image (names compared after
   * normalisation: {@code busybox} equals {@code docker.io/library/busybox:latest}).
   *
   * @param image the expected base image
   * @return this assertion
   */
  public SELF hasBaseImage(String image) {
    Stage root = view().chain(targetStage()).get(0);
    if (!sameImage(root.from().image(), image)) {
      return fail("Expecting the image of " + targetName() + " to be based on " + image
          + " but it is based on " + root.from().image() + ":\n  " + view().describe(root.from()));
    }
    return myself;
  }

  private static boolean sameImage(String a, String b) {
    Optional<ImageRef> ra = ref(a);
    Optional<ImageRef> rb = ref(b);
    if (ra.isPresent() && rb.isPresent()) {
      return ra.get().normalized().equals(rb.get().normalized());
    }
    return a.equals(b);
  }

  /**
   * Verifies that every base image (each FROM that names neither an earlier stage nor scratch)
   * is pinned by a digest ({@code image@sha256:...}).
   *
   * @return this assertion
   */
  public SELF hasBaseImagesPinnedByDigest() {
    List<FromInstruction> unpinned = externalBases().stream()
        .filter(f -> ref(f.image()).flatMap(ImageRef::digest).isEmpty()).toList();
    if (!unpinned.isEmpty()) {
      return fail("Expecting every base image to be pinned by digest, but " + unpinned.size()
          + " is not:\n" + view().describeAll(unpinned));
    }
    return myself;
  }

  /**
   * Verifies that no base image is {@code latest}, by tag or by omission (an image pinned by
   * digest is not).
   *
   * @return this assertion
   */
  public SELF hasNoLatestBaseImage() {
    List<FromInstruction> latest = externalBases().stream()
        .filter(f -> ref(f.image()).map(ImageRef::isLatest).orElse(false)).toList();
    if (!latest.isEmpty()) {
      return fail("Expecting no base image to be 'latest' (tagged so, or untagged), but found:\n"
          + view().describeAll(latest));
    }
    return myself;
  }

  private Optional<UserInstruction> lastUser() {
    UserInstruction user = null;
    for (Instruction i : view().imageInstructions(targetStage())) {
      if (i instanceof UserInstruction u) {
        user = u;
      }
    }
    return Optional.ofNullable(user);
  }

  private static boolean isRoot(String user) {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return name.equals("root") || name.equals("0");
  }

  /**
   * Verifies that the target image's user, set by the last USER instruction of its stages, is
   * not root (neither {@code root} nor uid 0). Without a USER instruction the base image's user
   * applies, which this assertion cannot see: it fails.
   *
   * @return this assertion
   */
  public SELF hasFinalUserNotRoot() {
    Optional<UserInstruction> user = lastUser();
    if (user.isEmpty()) {
      return fail("Expecting the image of " + targetName() + " not to run as root, but it has no "
          + "USER instruction (the base image's user applies, root for most images):\n  "
          + view().describe(targetStage().from()));
    }
    if (isRoot(user.get().user())) {
      return fail("Expecting the image of " + targetName() + " not to run as root, but its last "
          + "USER is root:\n  " + view().describe(user.get()));
    }
    return myself;
  }

  /**
   * Verifies the target image's user, as the last USER instruction sets it.
   *
   * @param expected the user, as written ({@code app}, {@code 1000:1000})
   * @return this assertion
   */
  public SELF hasFinalUser(String expected) {
    Optional<UserInstruction> user = lastUser();
    if (user.isEmpty()) {
      return fail("Expecting the image of " + targetName() + " to run as '" + expected
          + "', but it has no USER instruction:\n  " + view().describe(targetStage().from()));
    }
    if (!user.get().user().equals(expected)) {
      return fail("Expecting the image of " + targetName() + " to run as '" + expected
          + "' but its last USER is '" + user.get().user() + "':\n  " + view().describe(user.get()));
    }
    return myself;
  }

  private static String normalizePort(String port) {
    String p = port.toLowerCase(Locale.ROOT);
    return p.contains("/") ? p : p + "/tcp";
  }

  private List<ExposeInstruction> exposes() {
    return view().imageInstructions(targetStage()).stream()
        .filter(ExposeInstruction.class::isInstance).map(ExposeInstruction.class::cast).toList();
  }

  /**
   * Verifies that the target image exposes this TCP port.
   *
   * @param port the port
   * @return this assertion
   */
  public SELF exposesPort(int port) {
    return exposesPort(port + "/tcp");
  }

  /**
   * Verifies that the target image exposes this port, given as {@code 8080}, {@code 8080/tcp}
   * or {@code 53/udp}.
   *
   * @param port the port, with an optional protocol (tcp by default)
   * @return this assertion
   */
  public SELF exposesPort(String port) {
    String wanted = normalizePort(port);
    List<ExposeInstruction> exposes = exposes();
    boolean found = exposes.stream().flatMap(e -> e.ports().stream())
        .map(AbstractDockerfileAssert::normalizePort).anyMatch(wanted::equals);
    if (!found) {
      List<Instruction> shown = exposes.isEmpty() ? List.of(targetStage().from()) : List.copyOf(exposes);
      return fail("Expecting the image of " + targetName() + " to expose port " + wanted + " but it "
          + (exposes.isEmpty() ? "exposes no port" : "exposes only "
              + exposes.stream().flatMap(e -> e.ports().stream())
                  .map(AbstractDockerfileAssert::normalizePort).toList())
          + ":\n" + view().describeAll(shown));
    }
    return myself;
  }

  private <T extends Instruction> Optional<T> last(Class<T> type) {
    T found = null;
    for (Instruction i : view().imageInstructions(targetStage())) {
      if (type.isInstance(i)) {
        found = type.cast(i);
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Verifies that the target image has an ENTRYPOINT and that it is in exec (JSON) form, so
   * signals reach the process and CMD supplies its arguments.
   *
   * @return this assertion
   */
  public SELF hasEntrypointInExecForm() {
    Optional<EntrypointInstruction> e = last(EntrypointInstruction.class);
    if (e.isEmpty()) {
      return fail("Expecting the image of " + targetName() + " to have an ENTRYPOINT in exec form, "
          + "but it has no ENTRYPOINT:\n  " + view().describe(targetStage().from()));
    }
    if (!(e.get().command() instanceof Exec)) {
      return fail("Expecting the ENTRYPOINT of " + targetName() + " to be in exec form "
          + "([\"executable\", \"arg\"]), but it is in shell form:\n  " + view().describe(e.get()));
    }
    return myself;
  }

  /**
   * Verifies that the target image has a CMD and that it is in exec (JSON) form.
   *
   * @return this assertion
   */
  public SELF hasCmdInExecForm() {
    Optional<CmdInstruction> c = last(CmdInstruction.class);
    if (c.isEmpty()) {
      return fail("Expecting the image of " + targetName() + " to have a CMD in exec form, "
          + "but it has no CMD:\n  " + view().describe(targetStage().from()));
    }
    if (!(c.get().command() instanceof Exec)) {
      return fail("Expecting the CMD of " + targetName() + " to be in exec form "
          + "([\"executable\", \"arg\"]), but it is in shell form:\n  " + view().describe(c.get()));
    }
    return myself;
  }

  /**
   * Verifies the target image's ENTRYPOINT, in exec form.
   *
   * @param args the expected arguments
   * @return this assertion
   */
  public SELF hasEntrypoint(String... args) {
    Optional<EntrypointInstruction> e = last(EntrypointInstruction.class);
    List<String> expected = List.of(args);
    if (e.isEmpty() || !(e.get().command() instanceof Exec exec) || !exec.args().equals(expected)) {
      return fail("Expecting the ENTRYPOINT of " + targetName() + " to be " + expected + " but it is:\n  "
          + e.map(view()::describe).orElse("(no ENTRYPOINT)"));
    }
    return myself;
  }

  /**
   * Verifies the target image's CMD, in exec form.
   *
   * @param args the expected arguments
   * @return this assertion
   */
  public SELF hasCmd(String... args) {
    Optional<CmdInstruction> c = last(CmdInstruction.class);
    List<String> expected = List.of(args);
    if (c.isEmpty() || !(c.get().command() instanceof Exec exec) || !exec.args().equals(expected)) {
      return fail("Expecting the CMD of " + targetName() + " to be " + expected + " but it is:\n  "
          + c.map(view()::describe).orElse("(no CMD)"));
    }
    return myself;
  }

  /** Key/value pairs set by instructions of a type, later ones overriding; with their source. */
  private Map<String, Map.Entry<String, Instruction>> pairs(boolean labels) {
    Map<String, Map.Entry<String, Instruction>> out = new LinkedHashMap<>();
    for (Instruction i : view().imageInstructions(targetStage())) {
      List<KeyValue> kvs = labels
          ? (i instanceof LabelInstruction l ? l.labels() : List.of())
          : (i instanceof EnvInstruction e ? e.vars() : List.of());
      for (KeyValue kv : kvs) {
        out.put(kv.key(), Map.entry(kv.value(), i));
      }
    }
    return out;
  }

  private SELF hasPair(boolean labels, String key, String value) {
    String what = labels ? "label" : "environment variable";
    Map<String, Map.Entry<String, Instruction>> pairs = pairs(labels);
    Map.Entry<String, Instruction> found = pairs.get(key);
    List<Instruction> sources = pairs.values().stream().map(Map.Entry::getValue).distinct().toList();
    if (found == null) {
      return fail("Expecting the image of " + targetName() + " to have the " + what + " '" + key
          + "'" + (value == null ? "" : " = '" + value + "'") + " but it has " + pairs.keySet()
          + ":\n" + view().describeAll(sources));
    }
    if (value != null && !found.getKey().equals(value)) {
      return fail("Expecting the " + what + " '" + key + "' of " + targetName() + " to be '" + value
          + "' but it is '" + found.getKey() + "':\n  " + view().describe(found.getValue()));
    }
    return myself;
  }

  /**
   * Verifies that the target image has this label with this value (a template, as written).
   *
   * @param key the label key
   * @param value the expected value
   * @return this assertion
   */
  public SELF hasLabel(String key, String value) {
    return hasPair(true, key, Objects.requireNonNull(value, "value == null"));
  }

  /**
   * Verifies that the target image has this label, with any value.
   *
   * @param key the label key
   * @return this assertion
   */
  public SELF hasLabel(String key) {
    return hasPair(true, key, null);
  }

  /**
   * Verifies that the target image sets this environment variable to this value (a template,
   * as written).
   *
   * @param key the name
   * @param value the expected value
   * @return this assertion
   */
  public SELF hasEnv(String key, String value) {
    return hasPair(false, key, Objects.requireNonNull(value, "value == null"));
  }

  private List<RunInstruction> runs() {
    return view().imageInstructions(targetStage()).stream()
        .filter(RunInstruction.class::isInstance).map(RunInstruction.class::cast).toList();
  }

  /**
   * Verifies the number of RUN instructions (each makes a layer) of the target image's stages.
   *
   * @param expected the number of RUN instructions
   * @return this assertion
   */
  public SELF hasRunLayerCount(int expected) {
    List<RunInstruction> runs = runs();
    if (runs.size() != expected) {
      return fail("Expecting " + expected + " RUN layer(s) in the image of " + targetName() + " but found "
          + runs.size() + ":\n" + view().describeAll(runs));
    }
    return myself;
  }

  /**
   * Verifies that the target image's stages have at most this many RUN instructions.
   *
   * @param max the largest number of RUN instructions allowed
   * @return this assertion
   */
  public SELF hasAtMostRunLayers(int max) {
    List<RunInstruction> runs = runs();
    if (runs.size() > max) {
      return fail("Expecting at most " + max + " RUN layer(s) in the image of " + targetName()
          + " but found " + runs.size() + ":\n" + view().describeAll(runs));
    }
    return myself;
  }

  /**
   * Verifies that the default {@link Linter} finds nothing of this severity or a more serious
   * one ({@code ERROR} is the most serious, {@code INFO} the least).
   *
   * @param severity the least serious severity that fails the assertion
   * @return this assertion
   */
  public SELF hasNoLintFindingAtOrAbove(Severity severity) {
    return hasNoLintFindingAtOrAbove(severity, Linter.defaults());
  }

  /**
   * Verifies that this linter finds nothing of this severity or a more serious one.
   *
   * @param severity the least serious severity that fails the assertion
   * @param linter the linter (its rules and options)
   * @return this assertion
   */
  public SELF hasNoLintFindingAtOrAbove(Severity severity, Linter linter) {
    Objects.requireNonNull(severity, "severity == null");
    DockerfileView v = view();
    LintReport report = linter.lint("Dockerfile", v.text());
    List<Finding> bad = report.findings().stream()
        .filter(f -> f.severity().ordinal() <= severity.ordinal()).toList();
    if (!bad.isEmpty()) {
      List<String> lines = v.text().lines().toList();
      String listed = bad.stream().map(f -> {
        String where = f.position().map(p -> "line " + p.line() + ": "
            + (p.line() <= lines.size() ? lines.get(p.line() - 1).strip() : "")).orElse("(no position)");
        return "  " + f.id() + " " + f.severity().label() + ": " + f.message() + "\n    " + where;
      }).collect(Collectors.joining("\n"));
      return fail("Expecting no lint finding at or above " + severity.label() + " but found "
          + bad.size() + ":\n" + listed);
    }
    return myself;
  }
}
