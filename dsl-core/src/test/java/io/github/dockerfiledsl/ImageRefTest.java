package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Image references as distribution/reference reads them (checklist section 8). */
class ImageRefTest {
  private static final String SHA256 =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String SHA384 = SHA256 + "0123456789abcdef0123456789abcdef";
  private static final String SHA512 = SHA256 + SHA256;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # reference                          | domain             | path             | tag      | digest
      alpine                               | -                  | alpine           | -        | -
      alpine:3.19                          | -                  | alpine           | 3.19     | -
      library/alpine:latest                | -                  | library/alpine   | latest   | -
      docker.io/library/alpine             | docker.io          | library/alpine   | -        | -
      index.docker.io/library/alpine       | index.docker.io    | library/alpine   | -        | -
      ghcr.io/org/team/app:v1.2.3          | ghcr.io            | org/team/app     | v1.2.3   | -
      localhost/app                        | localhost          | app              | -        | -
      localhost:5000/app:dev               | localhost:5000     | app              | dev      | -
      registry:5000/app                    | registry:5000      | app              | -        | -
      Registry.Example.COM/app             | Registry.Example.COM | app            | -        | -
      my-registry.example.com:443/a/b      | my-registry.example.com:443 | a/b     | -        | -
      [::1]/app                            | [::1]              | app              | -        | -
      [2001:db8::1]:5000/app:tag           | [2001:db8::1]:5000 | app              | tag      | -
      192.168.1.10:5000/app                | 192.168.1.10:5000  | app              | -        | -
      user/app                             | -                  | user/app         | -        | -
      a0/b_c__d-e--f.g                     | -                  | a0/b_c__d-e--f.g | -        | -
      a.b_c/app                            | -                  | -                | -        | -
      app:_under                           | -                  | app              | _under   | -
      app:V1.0-RC_2                        | -                  | app              | V1.0-RC_2 | -
      localhost:5000                       | -                  | localhost        | 5000     | -
      """)
  void parsesValidReferences(String ref, String domain, String path, String tag, String digest) {
    if (path == null) {
      // a first component with '.' is a registry host, where '_' is not allowed
      assertThat(ImageRef.isValid(ref)).isFalse();
      return;
    }
    ImageRef r = ImageRef.parse(ref);
    assertThat(r.domain()).isEqualTo(Optional.ofNullable(domain));
    assertThat(r.path()).isEqualTo(path);
    assertThat(r.tag()).isEqualTo(Optional.ofNullable(tag));
    assertThat(r.digest()).isEqualTo(Optional.ofNullable(digest));
    assertThat(r.toString()).isEqualTo(ref);
    assertThat(ImageRef.isValid(ref)).isTrue();
  }

  @Test
  void parsesDigestsOfEveryAlgorithm() {
    assertThat(ImageRef.parse("alpine@sha256:" + SHA256).digest()).contains("sha256:" + SHA256);
    assertThat(ImageRef.parse("alpine@sha384:" + SHA384).digest()).contains("sha384:" + SHA384);
    assertThat(ImageRef.parse("alpine@sha512:" + SHA512).digest()).contains("sha512:" + SHA512);
    ImageRef both = ImageRef.parse("ghcr.io/a/b:1.0@sha256:" + SHA256);
    assertThat(both.tag()).contains("1.0");
    assertThat(both.digest()).contains("sha256:" + SHA256);
    assertThat(both.name()).isEqualTo("ghcr.io/a/b");
    assertThat(both.toString()).isEqualTo("ghcr.io/a/b:1.0@sha256:" + SHA256);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # reference                    | normalized                              | short
      alpine                         | docker.io/library/alpine:latest         | alpine
      alpine:3.19                    | docker.io/library/alpine:3.19           | alpine:3.19
      user/app                       | docker.io/user/app:latest               | user/app
      library/alpine                 | docker.io/library/alpine:latest         | alpine
      docker.io/alpine               | docker.io/library/alpine:latest         | alpine
      docker.io/library/alpine:3     | docker.io/library/alpine:3              | alpine:3
      index.docker.io/alpine         | docker.io/library/alpine:latest         | alpine
      index.docker.io/user/app:1     | docker.io/user/app:1                    | user/app:1
      docker.io/library/a/b          | docker.io/library/a/b:latest            | library/a/b
      localhost/app                  | localhost/app:latest                    | localhost/app
      localhost:5000/app:v1          | localhost:5000/app:v1                   | localhost:5000/app:v1
      ghcr.io/org/app                | ghcr.io/org/app:latest                  | ghcr.io/org/app
      [::1]:5000/app                 | [::1]:5000/app:latest                   | [::1]:5000/app
      """)
  void normalizesAndShortens(String ref, String normalized, String shortForm) {
    ImageRef r = ImageRef.parse(ref);
    assertThat(r.normalized().toString()).isEqualTo(normalized);
    // the short form keeps tag and digest as written, so no ':latest' is added
    assertThat(r.shortForm().toString()).isEqualTo(shortForm);
    assertThat(r.normalized().normalized()).isEqualTo(r.normalized());
    assertThat(r.shortForm().normalized()).isEqualTo(r.normalized());
  }

  @Test
  void digestWithoutTagIsNotGivenLatest() {
    ImageRef r = ImageRef.parse("alpine@sha256:" + SHA256);
    assertThat(r.normalized().toString()).isEqualTo("docker.io/library/alpine@sha256:" + SHA256);
    assertThat(r.isLatest()).isFalse();
    assertThat(ImageRef.parse("alpine").isLatest()).isTrue();
    assertThat(ImageRef.parse("alpine:latest").isLatest()).isTrue();
    assertThat(ImageRef.parse("alpine:3").isLatest()).isFalse();
  }

  @Test
  void equalityIsByTheWrittenParts() {
    assertThat(ImageRef.parse("alpine")).isEqualTo(ImageRef.parse("alpine"));
    assertThat(ImageRef.parse("alpine")).hasSameHashCodeAs(ImageRef.parse("alpine"));
    assertThat(ImageRef.parse("alpine")).isNotEqualTo(ImageRef.parse("docker.io/library/alpine"));
    assertThat(ImageRef.parse("alpine").normalized())
        .isEqualTo(ImageRef.parse("docker.io/library/alpine").normalized());
  }

  @Test
  void buildsWithTagAndDigest() {
    assertThat(ImageRef.of("debian", "bookworm-slim").toString()).isEqualTo("debian:bookworm-slim");
    assertThat(ImageRef.parse("debian:11").withTag("12").toString()).isEqualTo("debian:12");
    assertThat(ImageRef.parse("debian:12").withDigest("sha256:" + SHA256).toString())
        .isEqualTo("debian:12@sha256:" + SHA256);
    assertThatThrownBy(() -> ImageRef.of("debian:12", "13"))
        .hasMessage("image name ('debian:12') must not carry a tag or digest");
    assertThatThrownBy(() -> ImageRef.parse("debian").withTag("-bad"))
        .hasMessageContaining("'debian:-bad'").hasMessageContaining("invalid tag '-bad'");
  }

  @Test
  void pathOfExactly255CharactersIsValidAnd256IsNot() {
    String path255 = "a".repeat(100) + "/" + "b".repeat(154);
    assertThat(path255).hasSize(255);
    assertThat(ImageRef.parse("ghcr.io/" + path255).path()).isEqualTo(path255);
    String path256 = path255 + "c";
    assertThatThrownBy(() -> ImageRef.parse("ghcr.io/" + path256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("image reference 'ghcr.io/" + path256 + "'")
        .hasMessageContaining("longer than 255 characters");
  }

  @Test
  void tagOf128CharactersIsValidAnd129IsNot() {
    String tag128 = "v" + "1".repeat(127);
    assertThat(ImageRef.parse("app:" + tag128).tag()).contains(tag128);
    assertThatThrownBy(() -> ImageRef.parse("app:" + tag128 + "1"))
        .hasMessageContaining("invalid tag");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      # reference                   | message part
      ''                            | must not be empty
      Alpine                        | upper-case repository name 'Alpine'
      user/App:1                    | upper-case repository name 'user/App'
      alpine/                       | invalid path component ''
      /alpine                       | invalid path component ''
      a//b                          | invalid path component ''
      -alpine                       | invalid path component '-alpine'
      alpine-                       | invalid path component 'alpine-'
      a..b                          | invalid path component 'a..b'
      a___b                         | invalid path component 'a___b'
      a._b                          | invalid path component 'a._b'
      a b                           | invalid path component 'a b'
      alpine:                       | invalid tag ''
      alpine:-1                     | invalid tag '-1'
      alpine:.1                     | invalid tag '.1'
      alpine:a/b                    | invalid registry port 'a'
      alpine:1:2                    | invalid path component 'alpine:1'
      alpine@sha256                 | invalid digest 'sha256'
      alpine@sha256:abc             | invalid sha256 digest; expected 64 lower-case hex digits
      alpine@md5:0123456789abcdef   | unsupported digest algorithm 'md5'
      alpine@                       | invalid digest ''
      -bad.com/app                  | invalid registry host '-bad.com'
      bad-.com/app                  | invalid registry host 'bad-.com'
      bad..com/app                  | invalid registry host 'bad..com'
      bad_host.com/app              | invalid registry host 'bad_host.com'
      example.com:port/app          | invalid registry port 'port'
      example.com:/app              | invalid registry port ''
      [::1/app                      | invalid registry host '[::1'
      [::g]/app                     | invalid registry host '[::g]'
      ::1/app                       | invalid registry port ':1'
      [::1]:x/app                   | invalid registry port 'x'
      example.com/                  | has an empty repository name
      """)
  void rejectsInvalidReferencesNamingThem(String ref, String part) {
    assertThat(ImageRef.isValid(ref)).isFalse();
    assertThatThrownBy(() -> ImageRef.parse(ref))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("image reference '" + ref + "'")
        .hasMessageContaining(part);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "ABCDEF"})
  void rejectsUpperCaseDigests(String upper) {
    String hex = upper + SHA256.substring(upper.length());
    assertThatThrownBy(() -> ImageRef.parse("alpine@sha256:" + hex))
        .hasMessageContaining("lower-case hex digits");
  }

  @Test
  void rejectsDigestsOfTheWrongLengthForEachAlgorithm() {
    assertThat(ImageRef.isValid("a@sha256:" + SHA384)).isFalse();
    assertThat(ImageRef.isValid("a@sha384:" + SHA256)).isFalse();
    assertThat(ImageRef.isValid("a@sha512:" + SHA384)).isFalse();
    assertThat(ImageRef.isValid("a@sha512:" + SHA512 + "0")).isFalse();
  }

  @Test
  void nullIsRejectedByName() {
    assertThatThrownBy(() -> ImageRef.parse(null))
        .isInstanceOf(NullPointerException.class).hasMessage("image reference == null");
  }
}
