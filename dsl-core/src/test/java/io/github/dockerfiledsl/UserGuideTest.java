package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/user-guide.md true: every {@code java} block is compiled and run, and must render
 * the {@code dockerfile} block after it, throw the message of the {@code error} block after it,
 * or fail to compile with the message of the {@code compile-error} block after it.
 */
class UserGuideTest {
  private static final Path GUIDE = Path.of("..", "docs", "user-guide.md");
  private static final Pattern BLOCK = Pattern.compile("(?m)^```([a-z-]+)\\n(.*?)^```$", Pattern.DOTALL);

  /**
   * One snippet of the guide and what it must do.
   *
   * @param index its position among the snippets
   * @param line the line of the guide where it starts
   * @param java the snippet
   * @param kind {@code dockerfile}, {@code error} or {@code compile-error}
   * @param expected the text of the block after it
   */
  record Snippet(int index, int line, String java, String kind, String expected) {
    String className() {
      return "Guide" + index;
    }

    @Override
    public String toString() {
      return "user-guide.md:" + line;
    }
  }

  @TempDir
  static Path out;

  private static final Map<String, List<String>> ERRORS = new HashMap<>();

  static List<Snippet> snippets() throws IOException {
    String text = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(text);
    List<String[]> blocks = new ArrayList<>();
    while (m.find()) {
      int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      blocks.add(new String[] {m.group(1), m.group(2), String.valueOf(line)});
    }
    List<Snippet> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (!blocks.get(i)[0].equals("java")) {
        continue;
      }
      assertThat(i + 1).as("a block after the java block at line %s", blocks.get(i)[2])
          .isLessThan(blocks.size());
      String[] next = blocks.get(i + 1);
      assertThat(next[0]).as("block after line %s", blocks.get(i)[2])
          .isIn("dockerfile", "error", "compile-error");
      out.add(new Snippet(out.size(), Integer.parseInt(blocks.get(i)[2]), blocks.get(i)[1],
          next[0], next[1]));
    }
    return out;
  }

  private static String source(Snippet s) {
    String body = s.java().strip();
    boolean statements = body.lines().anyMatch(l -> l.startsWith("return "));
    return """
        package guide;

        import io.github.dockerfiledsl.*;
        import io.github.dockerfiledsl.instruction.*;
        import io.github.dockerfiledsl.optimize.*;
        import java.time.Duration;
        import java.util.List;

        public class %s {
          public static Object run() {
        %s
          }
        }
        """.formatted(s.className(), statements ? body : "Object result =\n" + body + ";\nreturn result;");
  }

  @BeforeAll
  static void compile() throws IOException {
    Map<String, String> good = new LinkedHashMap<>();
    Map<String, String> bad = new LinkedHashMap<>();
    for (Snippet s : snippets()) {
      (s.kind().equals("compile-error") ? bad : good).put(s.className(), source(s));
    }
    InProcessJavac.compile(good, "guide", out.resolve("good")).forEach((k, v) -> ERRORS.put(k, messages(v)));
    InProcessJavac.compile(bad, "guide", out.resolve("bad")).forEach((k, v) -> ERRORS.put(k, messages(v)));
  }

  private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> out = new ArrayList<>();
    diagnostics.forEach(d -> out.add(d.getMessage(Locale.ROOT)));
    return out;
  }

  static Stream<Snippet> all() throws IOException {
    return snippets().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void snippetDoesWhatTheGuideSays(Snippet s) throws Exception {
    List<String> errors = ERRORS.getOrDefault(s.className(), List.of());
    if (s.kind().equals("compile-error")) {
      assertThat(errors).as("compile errors").isNotEmpty();
      assertThat(errors.get(0)).contains(s.expected().strip());
      return;
    }
    assertThat(errors).as("compile errors").isEmpty();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve("good").toUri().toURL()},
        UserGuideTest.class.getClassLoader())) {
      Object result;
      try {
        result = loader.loadClass("guide." + s.className()).getMethod("run").invoke(null);
      } catch (InvocationTargetException e) {
        assertThat(s.kind()).as("unexpected %s", e.getCause()).isEqualTo("error");
        assertThat(e.getCause().getMessage()).isEqualTo(s.expected().strip());
        return;
      }
      assertThat(s.kind()).as("expected an error").isEqualTo("dockerfile");
      assertThat(((Dockerfile) result).render()).isEqualTo(s.expected());
    }
  }

  @Test
  void theGuideHasSnippetsOfEveryKind() throws IOException {
    assertThat(snippets()).extracting(Snippet::kind)
        .contains("dockerfile", "error", "compile-error");
    assertThat(snippets().stream().filter(s -> s.kind().equals("dockerfile")).count())
        .isGreaterThanOrEqualTo(15);
  }
}
