package io.github.dockerfiledsl.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.optimize.Passes;
import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Finding, pinning and mirroring image references in the model and in place in the text. */
class ImageRewriteTest {
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);

  /** A resolver that records what it was asked and answers D1 (D2 for anything multi). */
  private static final class Recording implements DigestResolver {
    final List<String> asked = new ArrayList<>();

    @Override
    public String digest(ImageRef reference) {
      asked.add(reference.toString());
      return reference.path().contains("multi") ? D2 : D1;
    }
  }

  @Test
  void findsImagesButNotStagesScratchVariablesOrIndexes() {
    Dockerfile d = DockerfileParser.parse("""
        ARG V=1
        FROM alpine:3.20 AS Build
        FROM build AS second
        RUN --mount=type=bind,from=build,target=/b --mount=type=cache,from=ghcr.io/o/cache:1,target=/c true
        FROM scratch
        COPY --from=BUILD /a /a
        COPY --from=0 /a /b
        COPY --from=golang:${V} /a /c
        COPY --from=docker.io/library/busybox@%s /bin/sh /sh
        FROM $V
        """.formatted(D1));
    assertThat(ImageUses.of(d)).extracting(ImageUse::describe).containsExactly(
        "FROM alpine:3.20",
        "RUN --mount=from=ghcr.io/o/cache:1",
        "COPY --from=docker.io/library/busybox@" + D1);
  }

  @Test
  void pinsInPlaceKeepingEveryOtherCharacter() {
    String text = "# escape=`\r\n"
        + "FROM --platform=$BUILDPLATFORM   golang:1.22   AS build\r\n"
        + "  # comment inside nothing\r\n"
        + "RUN --mount=type=cache,target=/root/.cache `\r\n"
        + "    # a comment in the continuation\r\n"
        + "\r\n"
        + "    --mount=type=bind,from=ghcr.io/acme/multi:2,source=/x,target=/y `\r\n"
        + "    go build ./...\r\n"
        + "FROM alpine\r\n"
        + "COPY --link `\r\n"
        + "  --from=build /out /out\r\n"
        + "COPY --from=alpine /etc/os-release /\r\n";
    Recording r = new Recording();
    String out = ImageRewrite.source("Dockerfile", text, ImageRewrite.pin(r));
    assertThat(out).isEqualTo(text
        .replace("golang:1.22 ", "golang:1.22@" + D1 + " ")
        .replace("from=ghcr.io/acme/multi:2,", "from=ghcr.io/acme/multi:2@" + D2 + ",")
        .replace("FROM alpine\r\n", "FROM alpine:latest@" + D1 + "\r\n")
        .replace("--from=alpine ", "--from=alpine:latest@" + D1 + " "));
    // asked once per distinct reference, untagged as :latest
    assertThat(r.asked).containsExactly("golang:1.22", "ghcr.io/acme/multi:2", "alpine:latest");
    // the model pass agrees with the text edit
    assertThat(DockerfileParser.parse(out)).isEqualTo(
        Passes.apply(DockerfileParser.parse(text), List.of(Passes.pin(new Recording()))));
  }

  @Test
  void alreadyPinnedReferencesAreLeftAloneAndTheTextIsReturnedAsIs() {
    String text = "\uFEFFFROM alpine:3.20@" + D2 + "\nCOPY --from=busybox@" + D1 + " /a /a\n";
    Recording r = new Recording();
    assertThat(ImageRewrite.source(null, text, ImageRewrite.pin(r))).isSameAs(text);
    assertThat(r.asked).isEmpty();
  }

  @Test
  void aReferenceSplitByAContinuationIsAnErrorNamingItsLine() {
    String text = "FROM scratch\nCOPY --from=alp\\\nine:3 /a /a\n";
    assertThatThrownBy(() -> ImageRewrite.source("Dockerfile", text,
        ImageRewrite.pin(new Recording())))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("Dockerfile:2:1")
        .hasMessageContaining("cannot rewrite image reference 'alpine:3' in place");
  }

  @Test
  void aResolverFailureRewritesNothing() {
    String text = "FROM alpine:3.20\nFROM debian:12\n";
    DigestResolver failing = ref -> {
      if (ref.path().equals("debian")) {
        throw new ImageResolutionException(ref.toString(), "no such tag", null);
      }
      return D1;
    };
    assertThatThrownBy(() -> ImageRewrite.source("f", text, ImageRewrite.pin(failing)))
        .isInstanceOf(ImageResolutionException.class)
        .hasMessage("no such tag");
  }

  @Test
  void aResolverAnsweringNonsenseIsRejected() {
    assertThatThrownBy(() -> ImageRewrite.source("f", "FROM alpine:3\n",
        ImageRewrite.pin(ref -> "sha256:xyz\nFROM evil")))
        .isInstanceOf(ImageResolutionException.class)
        .hasMessageContaining("'sha256:xyz\\nFROM evil', which is not a digest");
  }

  @Test
  void mirrorsRewriteDockerHubAndPrivateRegistries() {
    String text = """
        FROM alpine:3.20
        FROM docker.io/library/redis@%s
        FROM index.docker.io/bitnami/nginx:1
        FROM ghcr.io/acme/tool:2 AS tool
        FROM quay.io/x/y:1
        COPY --from=tool /a /a
        """.formatted(D1);
    List<Mirror> rules = List.of(Mirror.parse("docker.io=127.0.0.1:5000/hub"),
        Mirror.parse("ghcr.io/acme=registry.example:443/acme-mirror"),
        Mirror.parse("docker.io/bitnami=localhost:5001"));
    String out = ImageRewrite.source("f", text, ImageRewrite.mirrors(rules));
    assertThat(out).isEqualTo("""
        FROM 127.0.0.1:5000/hub/library/alpine:3.20
        FROM 127.0.0.1:5000/hub/library/redis@%s
        FROM localhost:5001/nginx:1
        FROM registry.example:443/acme-mirror/tool:2 AS tool
        FROM quay.io/x/y:1
        COPY --from=tool /a /a
        """.formatted(D1));
    assertThat(DockerfileParser.parse(out))
        .isEqualTo(Passes.apply(DockerfileParser.parse(text), List.of(Passes.mirror(rules))));
  }

  @Test
  void mirrorRulesAreValidated() {
    assertThatThrownBy(() -> Mirror.parse("docker.io"))
        .hasMessageContaining("must be FROM=TO");
    assertThatThrownBy(() -> Mirror.parse("hub=127.0.0.1:5000"))
        .hasMessageContaining("mirror source 'hub' must be a registry");
    assertThatThrownBy(() -> Mirror.parse("docker.io=127.0.0.1:5000/Hub"))
        .hasMessageContaining("mirror target '127.0.0.1:5000/Hub'");
    assertThatThrownBy(() -> Mirror.parse("docker.io=127.0.0.1:5000/hub:tag"))
        .hasMessageContaining("without tag or digest");
    assertThatThrownBy(() -> Mirror.parse("docker.io=a.io\nFROM x"))
        .hasMessageContaining("'a.io\\nFROM x'");
    assertThatThrownBy(() -> ImageRewrite.mirrors(List.of(Mirror.parse("docker.io=a.io"),
        Mirror.parse("index.docker.io=b.io"))))
        .hasMessageContaining("two mirror rules for 'docker.io'");
    // a prefix matches whole path components only
    assertThat(Mirror.parse("docker.io/lib=a.io").apply(ImageRef.parse("alpine"))).isEmpty();
    assertThat(Mirror.parse("docker.io/library=a.io").apply(ImageRef.parse("alpine")))
        .contains(ImageRef.parse("a.io/alpine"));
    // moving to Docker Hub gives the familiar short form
    assertThat(Mirror.parse("a.io=docker.io").apply(ImageRef.parse("a.io/library/alpine:3")))
        .contains(ImageRef.parse("alpine:3"));
  }

  /**
   * Every corpus Dockerfile: mirroring every Docker Hub image in place reads back as the model
   * pass does, and changes nothing but the references (ImageRewrite.source checks the first;
   * this checks the second by undoing the rule).
   */
  @Test
  void corpusMirrorsInPlaceAndBack() throws IOException {
    String prop = System.getProperty("corpus.dir");
    assumeTrue(prop != null && Files.isDirectory(Path.of(prop)), "corpus.dir not found: skipped");
    Path dir = Path.of(prop);
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile)
          .filter(p -> dir.relativize(p).getNameCount() > 1
              && dir.relativize(p).getName(0).toString().contains("__"))
          .sorted().toList();
    }
    int rewritten = 0;
    int parsed = 0;
    var there = ImageRewrite.mirrors(List.of(Mirror.parse("docker.io=mirror.test:5000/hub")));
    var back = ImageRewrite.mirrors(List.of(Mirror.parse("mirror.test:5000/hub=docker.io")));
    for (Path p : files) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      Dockerfile d;
      try {
        d = DockerfileParser.parse(text);
      } catch (DockerfileParseException e) {
        continue;
      }
      parsed++;
      String out;
      try {
        out = ImageRewrite.source(p.toString(), text, there);
      } catch (DockerfileParseException e) {
        // a reference not written as one word: allowed, but must be reported as such
        assertThat(e.getMessage()).contains("in place");
        continue;
      }
      if (!out.equals(text)) {
        rewritten++;
        assertThat(out).doesNotContain("FROM docker.io/");
        String undone = ImageRewrite.source(p.toString(), out, back);
        // short forms come back short; only references written long may differ
        assertThat(DockerfileParser.parse(undone)).isEqualTo(
            Passes.apply(d, List.of(d0 -> ImageRewrite.model(d0, r -> Optional.of(
                r.normalized().domain().orElseThrow().equals("docker.io")
                    && r.domain().isPresent() ? r.shortForm() : r)))));
      }
    }
    assertThat(parsed).isGreaterThan(100);
    assertThat(rewritten).isGreaterThan(50);
  }
}
