package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.registry.RegistryClient;
import io.github.dockerfiledsl.registry.RegistryCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The registry options shared by the commands that ask a registry: a picocli mixin. */
final class RegistryOptions {
  @Option(names = "--insecure-registry", paramLabel = "HOST:PORT",
      description = "Use plain HTTP for this registry (repeatable). Every other registry is"
          + " asked over HTTPS.")
  List<String> insecure = new ArrayList<>();

  @Option(names = "--registry-config", paramLabel = "FILE",
      description = "Credentials in Docker's config.json format ('auths'). Default:"
          + " $DOCKER_CONFIG/config.json or ~/.docker/config.json when it exists.")
  Path config;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long to wait for each registry answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /**
   * Builds the client these options describe.
   *
   * @return the client
   * @throws Failure for an invalid option or configuration file
   */
  RegistryClient client() {
    if (timeoutSeconds <= 0) {
      throw new Failure("dockerfile-dsl: --timeout must be a positive number of seconds, not "
          + timeoutSeconds);
    }
    RegistryClient.Builder b = RegistryClient.builder()
        .timeout(Duration.ofSeconds(timeoutSeconds))
        .connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 10)));
    try {
      for (String host : insecure) {
        b.insecure(host);
      }
      Path file = config != null ? config : RegistryCredentials.defaultConfigFile().orElse(null);
      if (file != null) {
        b.credentials(RegistryCredentials.fromConfig(file));
      }
    } catch (IllegalArgumentException e) {
      throw new Failure("dockerfile-dsl: " + e.getMessage());
    }
    return b.build();
  }
}
