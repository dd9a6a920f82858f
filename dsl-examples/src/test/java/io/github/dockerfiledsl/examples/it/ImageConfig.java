package io.github.dockerfiledsl.examples.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an image's configuration that a Dockerfile sets, in a form that compares equal
 * when BuildKit (or buildah) would give the same container: null lists and empty lists are the
 * same, ports carry their protocol, a trailing slash of the working directory is dropped.
 *
 * @param env the environment, {@code KEY=value} in order
 * @param entrypoint the entrypoint, empty when unset
 * @param cmd the command, empty when unset
 * @param user the user, empty when unset
 * @param workingDir the working directory, empty when unset
 * @param exposedPorts ports as {@code 8080/tcp}
 * @param volumes volume paths
 * @param labels labels, without the ones the build tool adds ({@link #TOOL_LABELS})
 * @param healthcheck the health check, or {@code null} when none is set
 * @param stopSignal the stop signal, empty when unset
 */
public record ImageConfig(
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    String user,
    String workingDir,
    SortedSet<String> exposedPorts,
    SortedSet<String> volumes,
    SortedMap<String, String> labels,
    Healthcheck healthcheck,
    String stopSignal) {

  /** Labels that buildah adds to every image it commits; they are not the Dockerfile's. */
  public static final List<String> TOOL_LABELS = List.of("io.buildah.version");

  /** Normalises and copies every field. */
  public ImageConfig {
    env = List.copyOf(env);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    user = Objects.requireNonNullElse(user, "");
    workingDir = normaliseDir(Objects.requireNonNullElse(workingDir, ""));
    exposedPorts = new TreeSet<>(exposedPorts);
    volumes = new TreeSet<>(volumes);
    labels = new TreeMap<>(labels);
    TOOL_LABELS.forEach(labels::remove);
    stopSignal = Objects.requireNonNullElse(stopSignal, "");
  }

  /** An empty configuration, as {@code FROM scratch} has. */
  public static ImageConfig empty() {
    return new ImageConfig(List.of(), List.of(), List.of(), "", "", new TreeSet<>(),
        new TreeSet<>(), new TreeMap<>(), null, "");
  }

  /**
   * Reads the Docker-format {@code config} object of {@code buildah inspect}.
   *
   * @param config the {@code Docker.config} node
   * @return the configuration
   */
  public static ImageConfig fromDockerConfig(JsonNode config) {
    JsonNode hc = config.path("Healthcheck");
    Healthcheck healthcheck = hc.isObject() && hc.has("Test")
        ? new Healthcheck(strings(hc.path("Test")), nanos(hc.path("Interval")),
            nanos(hc.path("Timeout")), nanos(hc.path("StartPeriod")), hc.path("Retries").asInt(0))
        : null;
    TreeMap<String, String> labels = new TreeMap<>();
    if (config.path("Labels").isObject()) {
      for (Map.Entry<String, JsonNode> e : config.path("Labels").properties()) {
        labels.put(e.getKey(), e.getValue().asString());
      }
    }
    return new ImageConfig(strings(config.path("Env")), strings(config.path("Entrypoint")),
        strings(config.path("Cmd")), config.path("User").asString(""),
        config.path("WorkingDir").asString(""), keys(config.path("ExposedPorts")),
        keys(config.path("Volumes")), labels, healthcheck, config.path("StopSignal").asString(""));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode n : array) {
        out.add(n.asString());
      }
    }
    return out;
  }

  private static SortedSet<String> keys(JsonNode object) {
    SortedSet<String> out = new TreeSet<>();
    if (object.isObject()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static Duration nanos(JsonNode n) {
    return Duration.ofNanos(n.asLong(0));
  }

  private static String normaliseDir(String dir) {
    String d = dir;
    while (d.length() > 1 && d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

  /**
   * A health check as the image stores it.
   *
   * @param test {@code [CMD, args...]}, {@code [CMD-SHELL, command]} or {@code [NONE]}
   * @param interval the interval, zero when unset
   * @param timeout the timeout, zero when unset
   * @param startPeriod the start period, zero when unset
   * @param retries the retries, zero when unset
   */
  public record Healthcheck(List<String> test, Duration interval, Duration timeout,
      Duration startPeriod, int retries) {

    /** Copies the test. */
    public Healthcheck {
      test = List.copyOf(test);
    }
  }
}
