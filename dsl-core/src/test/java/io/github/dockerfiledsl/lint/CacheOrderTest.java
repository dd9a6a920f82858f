package io.github.dockerfiledsl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DF213 CacheOrder: which installs it reports per ecosystem, where its fix applies, what the fix
 * writes, and that the fix turns the naive Dockerfiles of the rebuild benchmark
 * (scripts/bench-rebuild) into the cache-ordered ones that were measured.
 */
class CacheOrderTest {
  private static final Linter LINTER = Linter.defaults().only("DF213");

  private static LintReport lint(String text) {
    return LINTER.lint("Dockerfile", text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pip install -r requirements.txt|COPY requirements.txt ./",
      "pip3 install --no-cache-dir -r requirements/base.txt|COPY requirements/base.txt ./",
      "python -m pip install -r requirements.txt|COPY requirements.txt ./",
      "npm ci|COPY package*.json ./",
      "npm install|COPY package*.json ./",
      "yarn install|COPY package.json yarn.lock* ./",
      "yarn|COPY package.json yarn.lock* ./",
      "pnpm install|COPY package.json pnpm-lock.yaml* ./",
      "go mod download|COPY go.mod go.sum* ./",
      "bundle install|COPY Gemfile Gemfile.lock* ./",
  })
  void fixCopiesTheManifestsInstallsThenCopiesTheRest(String install, String manifests) {
    String naive = "FROM base:1\nWORKDIR /app\nCOPY . .\nRUN " + install + "\nCMD [\"app\"]\n";
    LintReport r = lint(naive);
    assertThat(r.findings("DF213")).singleElement().satisfies(f -> {
      assertThat(f.position().orElseThrow().line()).isEqualTo(4);
      assertThat(f.fixable()).isTrue();
    });
    String fixed = LINTER.fix(Dockerfile.parse(naive)).render();
    assertThat(fixed).isEqualTo("FROM base:1\nWORKDIR /app\n" + manifests + "\nRUN " + install
        + "\nCOPY . .\nCMD [\"app\"]\n");
    assertThat(lint(fixed).findings("DF213")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "mvn -B package", "./mvnw dependency:go-offline", "gradle build", "./gradlew bootJar",
      "go build -o /app .", "cargo build --release", "composer install",
      "pip install .", "pip install -e .",
      // more than the install in the RUN, or a build step that needs the sources: no safe fix
      "npm ci && npm run build",
  })
  void reportedWithoutAFixWhereTheInstallReadsTheSources(String install) {
    LintReport r = lint("FROM base:1\nWORKDIR /src\nCOPY . .\nRUN " + install + "\n");
    assertThat(r.findings("DF213")).singleElement()
        .satisfies(f -> assertThat(f.fixable()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // manifests first: the right order
      "FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
      // the copy comes from another stage, not the context
      "FROM node:22 AS deps\nRUN true\nFROM node:22\nCOPY --from=deps . .\nRUN npm ci\n",
      // install of named packages does not read the sources
      "FROM python:3.12\nCOPY . .\nRUN pip install flask==3.0.3\n",
  })
  void notReported(String text) {
    assertThat(lint(text).findings("DF213")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "node"})
  void fixOfTheBenchmarksNaiveDockerfileIsTheMeasuredOrderedOne(String example) throws IOException {
    Path dir = Path.of("..", "scripts", "bench-rebuild", example);
    String naive = Files.readString(dir.resolve("naive.Dockerfile"), StandardCharsets.UTF_8);
    String ordered = Files.readString(dir.resolve("ordered.Dockerfile"), StandardCharsets.UTF_8);
    assertThat(lint(naive).findings("DF213")).hasSize(1);
    assertThat(LINTER.fix(Dockerfile.parse(naive)).render()).isEqualTo(ordered);
    assertThat(lint(ordered).findings("DF213")).isEmpty();
  }
}
