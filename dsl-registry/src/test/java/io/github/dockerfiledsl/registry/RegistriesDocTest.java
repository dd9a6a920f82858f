package io.github.dockerfiledsl.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippet of docs/registries.md compiles against the real API, without warnings. */
class RegistriesDocTest {

  @Test
  void theJavaSnippetCompiles(@TempDir Path out) throws IOException {
    Path doc = Path.of(System.getProperty("docs.dir", "../docs"), "registries.md");
    String md = Files.readString(doc);
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(md);
    assertThat(m.find()).as("a java block in " + doc).isTrue();
    String source = """
        import io.github.dockerfiledsl.Dockerfile;
        import io.github.dockerfiledsl.ImageRef;
        import io.github.dockerfiledsl.image.ImageRewrite;
        import io.github.dockerfiledsl.image.Mirror;
        import io.github.dockerfiledsl.lint.Linter;
        import io.github.dockerfiledsl.optimize.Passes;
        import io.github.dockerfiledsl.registry.Manifest;
        import io.github.dockerfiledsl.registry.RegistryClient;
        import io.github.dockerfiledsl.registry.RegistryCredentials;
        import java.nio.file.Path;
        import java.time.Duration;
        import java.util.List;

        public class Snippet {
          static void run(Dockerfile dockerfile, String original) {
        %s
          }
        }
        """.formatted(m.group(1));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter report = new StringWriter();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    boolean ok = javac.getTask(report, null, null, List.of("-Xlint:all", "-Werror", "-d",
        out.toString(), "-classpath", System.getProperty("java.class.path")), null,
        List.of(file)).call();
    assertThat(ok).as(report.toString()).isTrue();
  }
}
