package io.github.dockerfiledsl.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Reading Docker's config.json, and the JSON reader under it. */
class RegistryCredentialsTest {

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAuthsKeyedAsTheDockerCliWritesThem() {
    RegistryCredentials c = RegistryCredentials.parse("config.json", """
        {
          "auths": {
            "https://index.docker.io/v1/": {"auth": "%s"},
            "http://127.0.0.1:5000": {"auth": "%s"},
            "GHCR.io": {"username": "u", "password": "p:w"},
            "quay.io": {"identitytoken": "opaque"}
          },
          "credsStore": "desktop",
          "HttpHeaders": {"X-Meta": "1"}
        }
        """.formatted(b64("hub-user:hub:pw"), b64("local:pw")));
    assertThat(c.forRegistry("docker.io")).contains(new Credential("hub-user", "hub:pw"));
    assertThat(c.forRegistry("127.0.0.1:5000")).contains(new Credential("local", "pw"));
    assertThat(c.forRegistry("ghcr.io")).contains(new Credential("u", "p:w"));
    assertThat(c.forRegistry("quay.io")).isEmpty();
    assertThat(c.forRegistry("127.0.0.1:5001")).isEmpty();
    assertThat(c.registries()).containsExactlyInAnyOrder("docker.io", "127.0.0.1:5000",
        "ghcr.io");
    assertThat(new Credential("a", "secret").toString()).doesNotContain("secret");
  }

  @Test
  void noAuthsMeansNoCredentials() {
    assertThat(RegistryCredentials.parse("c", "{}").registries()).isEmpty();
  }

  @Test
  void mistakesNameTheFileAndTheEntry() {
    assertThatThrownBy(() -> RegistryCredentials.parse("c.json", "{\"auths\": {\"a.io\": {\"auth\": \"!!\"}}}"))
        .hasMessageStartingWith("c.json: auths.'a.io'.auth is not base64");
    assertThatThrownBy(() -> RegistryCredentials.parse("c.json", "{\"auths\": {\"a.io\": {\"auth\": \"" + b64("nocolon") + "\"}}}"))
        .hasMessage("c.json: auths.'a.io'.auth must be base64 of user:password (no ':' after decoding)");
    assertThatThrownBy(() -> RegistryCredentials.parse("c.json", "{\"auths\": []}"))
        .hasMessage("c.json: 'auths' must be an object");
    assertThatThrownBy(() -> RegistryCredentials.parse("c.json", "{\n  \"auths\": {,}\n}"))
        .hasMessage("c.json:2:13: invalid JSON, expected a string key");
    assertThatThrownBy(() -> RegistryCredentials.parse("c.json", "[1]"))
        .hasMessage("c.json: expected a JSON object at the top");
    assertThatThrownBy(() -> RegistryCredentials.parse("c.json", "{\"auths\": {\"a\\u0007.io\": 1}}"))
        .hasMessage("c.json: auths.'a\\u0007.io' must be an object");
  }

  @Test
  void jsonIsReadStrictly() {
    assertThat(Json.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\u00e9\\n\"]} "))
        .isEqualTo(java.util.Map.of("a", java.util.Arrays.asList(1L, -2500.0, true, false, null,
            "x\u00e9\n")));
    for (String bad : new String[] {"", "{", "[1,]", "{\"a\":1,}", "01", "\"a\nb\"", "tru",
        "{\"a\" 1}", "1 2", "\"\\x\"", "[".repeat(100) + "]".repeat(100)}) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
