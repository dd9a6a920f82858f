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

  private StageScopes() {}

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
   * @throws SubstitutionException for a rejected substitution form or a failing {@code ${v?m}}
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
   * @throws SubstitutionException for a rejected substitution form or a failing {@code ${v?m}}
   */
  public static List<StageValues> evaluate(
      Dockerfile dockerfile, Map<String, String> buildArgs, String targetPlatform) {
    Objects.requireNonNull(dockerfile, "dockerfile == null");
    Objects.requireNonNull(buildArgs, "buildArgs == null");
    Map<String, String> automatic = platformArgs(targetPlatform, targetPlatform);
    Map<String, String> global = new LinkedHashMap<>();
    for (Instruction i : dockerfile.preamble()) {
      if (i instanceof ArgInstruction arg) {
        for (ArgInstruction.Arg a : arg.args()) {
          Map<String, String> scope = new HashMap<>(automatic);
          scope.putAll(global);
          String value = buildArgs.containsKey(a.name())
              ? buildArgs.get(a.name())
              : a.defaultValue().map(d -> TemplateExpander.expand(d, scope::get)).orElse(null);
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
    for (Stage stage : dockerfile.stages()) {
      FromInstruction from = stage.from();
      String image = TemplateExpander.expand(from.image(), fromScope::get);
      Optional<String> platform = from.platform().map(p -> TemplateExpander.expand(p, fromScope::get));
      Map<String, String> env = new LinkedHashMap<>();
      String workdir = "/";
      Optional<String> user = Optional.empty();
      for (StageValues earlier : out) {
        if (earlier.name().isPresent() && earlier.name().get().equals(image.toLowerCase(Locale.ROOT))) {
          env.putAll(earlier.env());
          workdir = earlier.workdir();
          user = earlier.user();
        }
      }
      Map<String, String> args = new LinkedHashMap<>();
      for (String proxy : PROXY_ARGS) {
        if (buildArgs.containsKey(proxy)) {
          args.put(proxy, buildArgs.get(proxy));
        }
      }
      for (Instruction i : stage.instructions()) {
        Map<String, String> scope = new HashMap<>(args);
        scope.putAll(env);
        if (i instanceof ArgInstruction arg) {
          for (ArgInstruction.Arg a : arg.args()) {
            Map<String, String> s = new HashMap<>(args);
            s.putAll(env);
            String value;
            if (buildArgs.containsKey(a.name())) {
              value = buildArgs.get(a.name());
            } else if (a.defaultValue().isPresent()) {
              value = TemplateExpander.expand(a.defaultValue().get(), s::get);
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
            updates.put(TemplateExpander.expand(kv.key(), scope::get), TemplateExpander.expand(kv.value(), scope::get));
          }
          env.putAll(updates);
        } else if (i instanceof WorkdirInstruction w) {
          String path = TemplateExpander.expand(w.path(), scope::get);
          workdir = path.startsWith("/") ? path : (workdir.endsWith("/") ? workdir : workdir + "/") + path;
        } else if (i instanceof UserInstruction u) {
          user = Optional.of(TemplateExpander.expand(u.user(), scope::get));
        }
      }
      out.add(new StageValues(stage.name(), image, platform, workdir, env, user, args));
    }
    return List.copyOf(out);
  }
}
