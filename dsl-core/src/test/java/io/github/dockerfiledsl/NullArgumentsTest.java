package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.optimize.Pass;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the builder and its value types rejects a null argument at once with a
 * {@link NullPointerException} whose message names what was null (never a bare {@code null}).
 */
class NullArgumentsTest {

  /** A fresh builder with one stage handle, so that handles belong to the receiver. */
  private static final class World {
    final DockerfileBuilder df = Dockerfile.builder();
    final StageRef ref = df.from("alpine").as("base").end();
  }

  private static Object dummy(Type type, World w) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type arg = p.getActualTypeArguments()[0];
      if (raw == List.class) {
        if (arg == KeyValue.class) {
          return List.of(KeyValue.of("k", "v"));
        } else if (arg == ArgInstruction.Arg.class) {
          return List.of(new ArgInstruction.Arg("A", Optional.empty()));
        } else if (arg == Pass.class) {
          return List.of();
        } else if (arg == String.class) {
          return List.of("a");
        }
      } else if (raw == Optional.class) {
        return Optional.empty();
      }
      return null;
    }
    Class<?> c = (Class<?>) type;
    Object v = c == String.class ? "a"
        : c == String[].class ? new String[0]
        : c == char.class ? 'x'
        : c == int.class ? 1
        : c == long.class ? 1L
        : c == boolean.class ? true
        : c == Exec.class ? Exec.of("a")
        : c == Shell.class ? Shell.of("a")
        : c == Command.class ? Exec.of("a")
        : c == Run.Single.class ? Run.of(Exec.of("a"))
        : c == Run.class ? Run.of("a")
        : c == Copy.class ? Copy.of("a", "b")
        : c == Add.class ? Add.of("a", "b")
        : c == ImageRef.class ? ImageRef.parse("alpine")
        : c == StageRef.class ? w.ref
        : c == Port.class ? Port.of(80)
        : c == Port[].class ? new Port[0]
        : c == Healthcheck.class ? Healthcheck.of(Exec.of("a"))
        : c == Trigger.class ? Trigger.run("a")
        : c == Signal.class ? Signal.named("SIGTERM")
        : c == Comment.class ? Comment.of("a")
        : c == Duration.class ? Duration.ofSeconds(1)
        : c == Mount.class ? Mount.cache("/c")
        : c == Chmod.class ? Chmod.of(0644)
        : c == Heredoc.class ? Heredoc.of("EOF", "x")
        : c == Heredoc[].class ? new Heredoc[0]
        : c == RunInstruction.Network.class ? RunInstruction.Network.HOST
        : c == RunInstruction.Security.class ? RunInstruction.Security.INSECURE
        : null;
    return v;
  }

  private record Target(String name, Class<?> type, Function<World, Object> receiver) {}

  private static List<Target> targets() {
    return List.of(
        new Target("DockerfileBuilder", DockerfileBuilder.class, w -> w.df),
        new Target("FromStep", FromStep.class, w -> w.df.from("alpine")),
        new Target("AsStep", AsStep.class, w -> w.df.from("alpine").platform("linux/amd64")),
        new Target("StageStep", StageStep.class, w -> w.df.from("alpine").as("x")),
        new Target("RunStep", RunStep.class, w -> w.df.from("alpine").run("a")),
        new Target("CleanupStep", CleanupStep.class,
            w -> w.df.from("alpine").run("a").cleanup("b")),
        new Target("Run", Run.class, w -> Run.of("a")),
        new Target("Run.Single", Run.Single.class, w -> Run.of(Exec.of("a"))),
        new Target("Copy", Copy.class, w -> Copy.of("a", "b")),
        new Target("Add", Add.class, w -> Add.of("a", "b")),
        new Target("Healthcheck", Healthcheck.class, w -> Healthcheck.of(Exec.of("a"))),
        new Target("Trigger", Trigger.class, w -> null),
        new Target("Port", Port.class, w -> null),
        new Target("Signal", Signal.class, w -> null),
        new Target("Chmod", Chmod.class, w -> null),
        new Target("Shell", Shell.class, w -> null),
        new Target("Exec", Exec.class, w -> null),
        new Target("ImageRef", ImageRef.class, w -> null),
        new Target("Templates", Templates.class, w -> null),
        new Target("Dockerfile", Dockerfile.class, w -> null));
  }

  @Test
  void everyReferenceParameterRejectsNullWithAMessage() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Target t : targets()) {
      for (Method m : t.type().getMethods()) {
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        if (m.getDeclaringClass() == Object.class || m.getName().equals("equals")
            || m.isSynthetic() || isStatic && m.getDeclaringClass() != t.type()) {
          continue;
        }
        if (!isStatic && t.receiver().apply(new World()) == null) {
          continue;
        }
        Type[] types = m.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
          if (m.getParameterTypes()[i].isPrimitive()) {
            continue;
          }
          World w = new World();
          Object receiver = isStatic ? null : t.receiver().apply(w);
          Object[] args = new Object[types.length];
          boolean known = true;
          for (int k = 0; k < types.length; k++) {
            if (k != i) {
              args[k] = dummy(types[k], w);
              known &= args[k] != null;
            }
          }
          if (!known) {
            continue;
          }
          String call = t.name() + "." + m.getName() + " parameter " + (i + 1) + " of "
              + types.length;
          checked++;
          try {
            m.invoke(receiver, args);
            problems.add(call + ": accepted null");
          } catch (InvocationTargetException e) {
            Throwable x = e.getCause();
            if (!(x instanceof NullPointerException)) {
              problems.add(call + ": threw " + x);
            } else if (x.getMessage() == null || x.getMessage().isBlank()
                || x.getMessage().startsWith("Cannot invoke")
                || x.getMessage().startsWith("Cannot read")) {
              problems.add(call + ": NullPointerException without a message naming the"
                  + " parameter (" + x.getMessage() + ")");
            }
          }
        }
      }
    }
    assertThat(problems).as("null checks").isEmpty();
    assertThat(checked).as("parameters checked").isGreaterThan(150);
  }

  @Test
  void messagesNameTheParameter() {
    Supplier<StageStep> s = () -> Dockerfile.from("alpine");
    assertThat(npe(() -> s.get().env("K", null))).isEqualTo("value == null");
    assertThat(npe(() -> s.get().env(null, "v"))).isEqualTo("key == null");
    assertThat(npe(() -> s.get().copy("a", null))).isEqualTo("destination == null");
    assertThat(npe(() -> s.get().volume("/a", (String[]) null))).isEqualTo("more == null");
    assertThat(npe(() -> s.get().run((String) null))).isEqualTo("command == null");
    assertThat(npe(() -> Run.heredoc(null, Heredoc.of("EOF", "x")))).isEqualTo("commandLine == null");
  }

  private static String npe(Runnable r) {
    try {
      r.run();
    } catch (NullPointerException e) {
      return e.getMessage();
    }
    throw new AssertionError("no NullPointerException");
  }
}
