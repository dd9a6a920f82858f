package io.github.dockerfiledsl.eval;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates ARG and ENV scoping over a {@link Dockerfile} the way BuildKit does, giving per stage
 * the effective base image, platform, WORKDIR, ENV and USER.
 *
 * <p>Rules: ARGs before the first FROM are global and visible only in FROM lines (image and
 * {@code --platform}); {@code ARG NAME} inside a stage re-imports the global value (or the build
 * argument); build arguments override defaults; ENV overrides ARG of the same name; all values of
 * one ENV see only variables defined before it; a relative WORKDIR joins the previous one (default
 * {@code /}); the predefined proxy ARGs ({@code HTTP_PROXY} ... and lower case) are visible when
 * given as build arguments without a declaration; the automatic platform ARGs ({@code
 * TARGETPLATFORM}, {@code BUILDARCH}, ...) are visible in FROM lines and, once declared with
 * {@code ARG}, in a stage. A stage built {@code FROM} an earlier stage inherits its ENV, WORKDIR
 * and USER.
 *
 * <pre>{@code
 * StageScopes.evaluate(dockerfile, Map.of("VERSION", "1.2"), "linux/arm64").get(0).image()
 * }</pre>
 */
public final class StageScopes {
  /** ARGs BuildKit provides without a declaration when given as build arguments. */
  public static final Set<String> PROXY_ARGS =
      Set.of(
          "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "http_proxy",
          "https_proxy", "ftp_proxy", "no_proxy", "all_proxy");

  /**
   * The most characters all expansions of one evaluation may produce together (16 times {@link
   * ShellLexer#MAX_EXPANDED_LENGTH}), which bounds memory whatever the Dockerfile.
   */
  public static final long MAX_TOTAL_EXPANDED_LENGTH = 16L * ShellLexer.MAX_EXPANDED_LENGTH;

  private StageScopes() {}

  /** Expands templates, counting the characters produced against the total limit. */
  private static final class Budget {
    private long used;

    String expand(String template, Function<String, String> scope) {
      String value = TemplateExpander.expand(template, scope);
      if (value != template) {
        used += value.length();
        if (used > MAX_TOTAL_EXPANDED_LENGTH) {
          throw new SubstitutionException("expanded ARG and ENV values exceed "
              + MAX_TOTAL_EXPANDED_LENGTH + " characters in total", template, 0);
        }
      }
      return value;
    }
  }

  /**
   * The effective values of one stage after its last instruction.
   *
   * @param name the stage name, if any
   * @param image the base image after expansion
   * @param platform the {@code --platform} value after expansion, if given
   * @param workdir the effective working directory
   * @param env the effective ENV variables, in definition order
   * @param user the effective USER, if set
   * @param args the ARG values visible at the end of the stage
   */
  public record StageValues(
      Optional<String> name,
      String image,
      Optional<String> platform,
      String workdir,
      Map<String, String> env,
      Optional<String> user,
      Map<String, String> args) {
    /**
     * Creates stage values.
     *
     * @param name the stage name
     * @param image the image
     * @param platform the platform
     * @param workdir the working directory
     * @param env the ENV variables
     * @param user the user
     * @param args the ARG values
     */
    public StageValues {
      Objects.requireNonNull(image, "image == null");
      env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
      args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
  }

  /**
   * Returns the automatic platform ARGs for a target and build platform such as {@code
   * linux/arm64/v8}.
   *
   * @param target the target platform, {@code os/arch[/variant]}
   * @param build the build platform, {@code os/arch[/variant]}
   * @return the TARGET* and BUILD* values
   */
  public static Map<String, String> platformArgs(String target, String build) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "TARGET", target);
    put(out, "BUILD", build);
    return out;
  }

  private static void put(Map<String, String> out, String prefix, String platform) {
    String[] p = platform.split("/", -1);
    out.put(prefix + "PLATFORM", platform);
    out.put(prefix + "OS", p[0]);
    out.put(prefix + "ARCH", p.length > 1 ? p[1] : "");
    out.put(prefix + "VARIANT", p.length > 2 ? p[2] : "");
  }

  /**
   * Evaluates every stage, building for {@code linux/amd64} on {@code linux/amd64}.
   *
   * @param dockerfile the Dockerfile
   * @param buildArgs the build arguments ({@code --build-arg})
   * @return the values of each stage, in order
   * @throws SubstitutionException for a rejected substitution form, a failing {@code ${v?m}}, a
   *     value longer than {@link ShellLexer#MAX_EXPANDED_LENGTH} or expanded values that together
   *     exceed {@link #MAX_TOTAL_EXPANDED_LENGTH} characters
   */
  public static List<StageValues> evaluate(Dockerfile dockerfile, Map<String, String> buildArgs) {
    return evaluate(dockerfile, buildArgs, "linux/amd64");
  }

  /**
   * Evaluates every stage for a target platform (the build platform is taken equal to it).
   *
   * @param dockerfile the Dockerfile
   * @param buildArgs the build arguments
   * @param targetPlatform the target platform, {@code os/arch[/variant]}
   * @return the values of each stage, in order
   * @throws SubstitutionException for a rejected substitution form, a failing {@code ${v?m}}, a
   *     value longer than {@link ShellLexer#MAX_EXPANDED_LENGTH} or expanded values that together
   *     exceed {@link #MAX_TOTAL_EXPANDED_LENGTH} characters
   */
  public static List<StageValues> evaluate(
      Dockerfile dockerfile, Map<String, String> buildArgs, String targetPlatform) {
    Objects.requireNonNull(dockerfile, "dockerfile == null");
    Objects.requireNonNull(buildArgs, "buildArgs == null");
    Budget budget = new Budget();
    Map<String, String> automatic = platformArgs(targetPlatform, targetPlatform);
    Map<String, String> global = new LinkedHashMap<>();
    Function<String, String> globalScope =
        name -> global.containsKey(name) ? global.get(name) : automatic.get(name);
    for (Instruction i : dockerfile.preamble()) {
      if (i instanceof ArgInstruction arg) {
        for (ArgInstruction.Arg a : arg.args()) {
          String value = buildArgs.containsKey(a.name())
              ? buildArgs.get(a.name())
              : a.defaultValue().map(d -> budget.expand(d, globalScope)).orElse(null);
          global.put(a.name(), value);
        }
      }
    }
    Map<String, String> fromScope = new HashMap<>(automatic);
    global.forEach((k, v) -> {
      if (v != null) {
        fromScope.put(k, v);
      }
    });
    List<StageValues> out = new java.util.ArrayList<>();
    Map<String, StageValues> byName = new HashMap<>();
    for (Stage stage : dockerfile.stages()) {
      FromInstruction from = stage.from();
      String image = budget.expand(from.image(), fromScope::get);
      Optional<String> platform = from.platform().map(p -> budget.expand(p, fromScope::get));
      Map<String, String> env = new LinkedHashMap<>();
      String workdir = "/";
      Optional<String> user = Optional.empty();
      StageValues earlier = byName.get(image.toLowerCase(Locale.ROOT));
      if (earlier != null) {
        env.putAll(earlier.env());
        workdir = earlier.workdir();
        user = earlier.user();
      }
      Map<String, String> args = new LinkedHashMap<>();
      for (String proxy : PROXY_ARGS) {
        if (buildArgs.containsKey(proxy)) {
          args.put(proxy, buildArgs.get(proxy));
        }
      }
      // ENV wins over ARG; every ENV value sees only what was defined before the instruction
      // (its updates are applied at the end), so one live view serves every instruction
      Function<String, String> scope = name -> env.containsKey(name) ? env.get(name) : args.get(name);
      for (Instruction i : stage.instructions()) {
        if (i instanceof ArgInstruction arg) {
          for (ArgInstruction.Arg a : arg.args()) {
            String value;
            if (buildArgs.containsKey(a.name())) {
              value = buildArgs.get(a.name());
            } else if (a.defaultValue().isPresent()) {
              value = budget.expand(a.defaultValue().get(), scope);
            } else if (global.get(a.name()) != null) {
              value = global.get(a.name());
            } else {
              value = automatic.get(a.name());
            }
            if (value != null) {
              args.put(a.name(), value);
            } else {
              args.remove(a.name());
            }
          }
        } else if (i instanceof EnvInstruction e) {
          Map<String, String> updates = new LinkedHashMap<>();
          for (KeyValue kv : e.vars()) {
            updates.put(budget.expand(kv.key(), scope), budget.expand(kv.value(), scope));
          }
          env.putAll(updates);
        } else if (i instanceof WorkdirInstruction w) {
          String path = budget.expand(w.path(), scope);
          workdir = path.startsWith("/") ? path : (workdir.endsWith("/") ? workdir : workdir + "/") + path;
        } else if (i instanceof UserInstruction u) {
          user = Optional.of(budget.expand(u.user(), scope));
        }
      }
      StageValues values = new StageValues(stage.name(), image, platform, workdir, env, user, args);
      out.add(values);
      stage.name().ifPresent(n -> byName.put(n.toLowerCase(Locale.ROOT), values));
    }
    return List.copyOf(out);
  }
}
