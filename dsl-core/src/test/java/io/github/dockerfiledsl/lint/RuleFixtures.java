package io.github.dockerfiledsl.lint;

import static io.github.dockerfiledsl.lint.M.*;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.Shell;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failing and a passing built model for every model rule. */
final class RuleFixtures {
  private RuleFixtures() {}

  /** A failing and a passing Dockerfile for one rule. */
  record Case(Dockerfile failing, Dockerfile passing) {}

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  private static void put(String id, Dockerfile failing, Dockerfile passing) {
    CASES.put(id, new Case(failing, passing));
  }

  static {
    put("DF006",
        df(stage(from("golang:1.22", "scratch"), run("go build"))),
        df(stage(from("golang:1.22", "build"), run("go build"))));
    put("DF007",
        df(stage("python:3.12", cmd("python app.py"))),
        df(stage("python:3.12", cmdExec("python", "app.py"))));
    put("DF008",
        df(stage("debian:12", maintainer("Jane Doe <jane@example.com>"))),
        df(stage("debian:12", io.github.dockerfiledsl.instruction.LabelInstruction.of(
            "org.opencontainers.image.authors", "jane@example.com"))));
    put("DF009",
        df(stage("alpine:${ALPINE_VERSION}", run("true"))),
        df(List.of(), List.<Instruction>of(arg("ALPINE_VERSION", "3.20")),
            stage("alpine:${ALPINE_VERSION}", run("true"))));
    put("DF010",
        df(stage("debian:12", workdir("app"))),
        df(stage("debian:12", workdir("/srv"), workdir("app"))));
    put("DF011",
        df(stage("scratch", copy("app", "${APPDIR}/"))),
        df(stage("scratch", env("APPDIR", "/app"), copy("app", "${APPDIR}/"))));
    put("DF012",
        df(stage("debian:12", cmdExec("a"), cmdExec("b"))),
        df(stage("debian:12", cmdExec("b"))));
    put("DF014",
        df(stage(from("alpine:3.20").withPlatform("$TARGETPLATFORM"), run("true"))),
        df(stage(from("alpine:3.20").withPlatform("$BUILDPLATFORM"), run("true"))));
    put("DF015",
        df(stage("alpine:3.20", arg("GITHUB_TOKEN"))),
        df(stage("alpine:3.20", arg("PUBLIC_KEY"), arg("KEYCLOAK_VERSION"))));
    put("DF016",
        df(List.of(), List.<Instruction>of(arg("IMAGE")), stage("${IMAGE}", run("true"))),
        df(List.of(), List.<Instruction>of(arg("IMAGE", "alpine:3.20")), stage("${IMAGE}", run("true"))));
    put("DF017",
        df(stage(from("alpine:3.20").withPlatform("linux/amd64"), run("true"))),
        df(stage(from("alpine:3.20", "build-amd64").withPlatform("linux/amd64"), run("true"))));
    put("DF019",
        df(stage("alpine:3.20", comment("the version of foo"), arg("FOO_VERSION"))),
        df(stage("alpine:3.20", comment("FOO_VERSION the version of foo"), arg("FOO_VERSION"))));
    put("DF020",
        df(stage("nginx:1.27", expose("80/TCP"))),
        df(stage("nginx:1.27", expose("80/tcp"))));
    put("DF021",
        df(stage("nginx:1.27", expose("127.0.0.1:8080:80"))),
        df(stage("nginx:1.27", expose("80"))));
    put("DF101",
        df(stage("debian:12", run("apt-get update && apt-get install -y --no-install-recommends curl"))),
        df(stage("debian:12", run("apt-get update && apt-get install -y --no-install-recommends curl"
            + " && rm -rf /var/lib/apt/lists/*"))));
    put("DF102",
        df(stage("debian:12", run("apt-get install -y curl=7.88.1-10"))),
        df(stage("debian:12", run("apt-get install -y --no-install-recommends curl=7.88.1-10"))));
    put("DF103",
        df(stage("debian:12", run("mkdir /a"), run("mkdir /b"))),
        df(stage("debian:12", run("mkdir /a && mkdir /b"))));
    put("DF104",
        df(stage("alpine:3.20", run("apk add curl=8.9.1-r2"))),
        df(stage("alpine:3.20", run("apk add --no-cache curl=8.9.1-r2"))));
    put("DF105",
        df(stage("centos:7", run("yum install -y httpd"))),
        df(stage("centos:7", run("yum install -y httpd && yum clean all"))));
    put("DF106",
        df(stage("fedora:40", run("dnf install -y httpd"))),
        df(stage("fedora:40", run("dnf install -y httpd && dnf clean all"))));
    put("DF107",
        df(stage("opensuse/leap:15.6", run("zypper install -y httpd"))),
        df(stage("opensuse/leap:15.6", run("zypper install -y httpd && zypper clean"))));
    put("DF108",
        df(stage("python:3.12-slim", run("pip install -r requirements.txt"))),
        df(stage("python:3.12-slim", run("pip install --no-cache-dir -r requirements.txt"))));
    put("DF109",
        df(stage("node:22", run("yarn install --frozen-lockfile"))),
        df(stage("node:22", run("yarn install --frozen-lockfile && yarn cache clean"))));
    put("DF110",
        df(stage("debian:12", run("curl -fsSL https://example.com/x.sh | sh"))),
        df(stage("debian:12", shell("/bin/bash", "-o", "pipefail", "-c"),
            run("curl -fsSL https://example.com/x.sh | sh"))));
    put("DF111",
        df(stage("debian:12", add("app.py", "/app/"))),
        df(stage("debian:12", add("rootfs.tar.gz", "/"), copy("app.py", "/app/"))));
    put("DF112",
        df(stage("debian:12", user("app"), user("root"))),
        df(stage("debian:12", user("root"), user("app"))));
    put("DF113",
        df(stage("debian", run("true"))),
        df(stage("debian:12", run("true"))));
    put("DF119",
        df(stage("registry.example.org/team/app:1.2", run("true"))),
        df(stage("registry.example.com/team/app:1.2", run("true")),
            stage(from("debian:12", "base"), run("true")),
            stage("base", run("true"))));
    put("DF114",
        df(stage("debian:latest", run("true"))),
        df(stage("debian:12", run("true"))));
    put("DF115",
        df(stage("debian:12", run("apt-get install -y --no-install-recommends curl"))),
        df(stage("debian:12", run("apt-get install -y --no-install-recommends curl=7.88.1-10"))));
    put("DF116",
        df(stage("alpine:3.20", run("apk add --no-cache --virtual .deps curl"))),
        df(stage("alpine:3.20", run("apk add --no-cache --virtual .deps curl=8.9.1-r2"))));
    put("DF201",
        df(stage("debian:12", copy("app.tar.gz", "/tmp/"),
            run("tar -xzf /tmp/app.tar.gz -C /opt"), run("rm /tmp/app.tar.gz"))),
        df(stage("debian:12", run("curl -fsSLo /tmp/app.tar.gz https://example.com/app.tar.gz"
            + " && tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz"))));
    put("DF202",
        df(stage("debian:12", run("apt-get update"),
            run("apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*"))),
        df(stage("debian:12", run("apt-get update && apt-get install -y --no-install-recommends curl"
            + " && rm -rf /var/lib/apt/lists/*"))));
    put("DF203",
        df(stage("debian:12", run("pip3 install --no-cache-dir flask"), run("rm -rf /root/.cache /tmp/*"))),
        df(stage("debian:12", run("pip3 install --no-cache-dir flask && rm -rf /root/.cache /tmp/*"))));
    put("DF204",
        df(stage("node:22", workdir("/app"), copy("src", "./"))),
        df(stage("node:22", workdir("/app"), copy("src", "./src/"))));
    put("DF205",
        df(stage("debian:12", entrypoint("/usr/bin/app"), cmdExec("--help"))),
        df(stage("debian:12", entrypointExec("/usr/bin/app"), cmdExec("--help"))));
    put("DF206",
        df(stage("python:3.12-alpine", run("true"))),
        df(stage("python:3.12-slim", run("true"))));
    // rules added with BuildKit's build-time stage checks and the peers' rules: the models of the
    // text fixtures, which the model now holds (duplicate names, forward references)
    for (String id : List.of("DF005", "DF117", "DF118", "DF208", "DF209", "DF210", "DF211",
        "DF213", "DF215")) {
      put(id, text(id, "fail.Dockerfile"), text(id, "pass.Dockerfile"));
    }
    put("DF207",
        df(stage("debian:12", volume("/data"), run("mkdir -p /data/db"))),
        df(stage("debian:12", run("mkdir -p /data/db"), volume("/data"))));
  }

  private static Dockerfile text(String id, String name) {
    try {
      return Dockerfile.parse(java.nio.file.Files.readString(
          TextFixturesTest.DIR.resolve(id).resolve(name), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A failing and passing case for CopyIgnoredFile, which needs a .dockerignore. */
  /** The trusted registries the DF119 fixtures are linted with. */
  static final List<String> TRUSTED = List.of("*.example.com", "docker.io");

  static final List<String> DOCKERIGNORE = List.of("# comment", "secrets/", "**/*.log", "!keep.log");

  static final Case COPY_IGNORED = new Case(
      df(stage("debian:12", copy("secrets/key.pem", "/etc/app/"), copy("logs/app.log", "/tmp/"))),
      df(stage("debian:12", copy("config/app.yaml", "/etc/app/"), copy("keep.log", "/tmp/"))));

  static Dockerfile withCheck(String value, Dockerfile d) {
    return d.toBuilder().directives(List.of(Directive.check(value))).build();
  }

  static HealthcheckInstruction healthcheck(String command) {
    return HealthcheckInstruction.of(Shell.of(command));
  }
}
