package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pre-commit hooks pick the same files as the directory walk and run existing commands. */
class PreCommitHooksTest {
  static final Path HOOKS = Path.of("..", ".pre-commit-hooks.yaml");

  @Test
  void hooksSelectTheFilesTheWalkSelects() throws IOException {
    List<String> lines = Files.readAllLines(HOOKS);
    List<String> files = lines.stream().filter(l -> l.startsWith("  files: "))
        .map(l -> l.substring("  files: ".length())).distinct().toList();
    List<String> excludes = lines.stream().filter(l -> l.startsWith("  exclude: "))
        .map(l -> l.substring("  exclude: ".length())).distinct().toList();
    assertThat(files).hasSize(1);
    assertThat(excludes).hasSize(1);
    Pattern f = Pattern.compile(files.get(0));
    Pattern x = Pattern.compile(excludes.get(0));
    for (String path : List.of("Dockerfile", "a/Dockerfile", "a/Dockerfile.dev", "web.Dockerfile",
        "x/Containerfile", "x/web.Containerfile", "Dockerfile.dockerignore", "Dockerfile.yaml",
        "x/Dockerfile.yml", "notDockerfile", "dockerfile", "README.md", ".Dockerfile",
        "Dockerfile.", "a.Dockerfile/b", "Containerfile.dev")) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      boolean hook = f.matcher(path).find() && !x.matcher(path).find();
      assertThat(hook).as(path).isEqualTo(Sources.isDockerfileName(name));
    }
    assertThat(lines).filteredOn(l -> l.startsWith("  entry: "))
        .containsExactly("  entry: dockerfile-dsl fmt -w", "  entry: dockerfile-dsl fmt --check",
            "  entry: dockerfile-dsl lint");
  }
}
