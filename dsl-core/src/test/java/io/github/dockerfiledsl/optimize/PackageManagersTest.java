package io.github.dockerfiledsl.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Run;
import org.junit.jupiter.api.Test;

class PackageManagersTest {

  private static String render(Run run) {
    return Dockerfile.from("base").run(run).build().render().substring("FROM base\n".length());
  }

  @Test
  void aptInstallsNonInteractivelyAndRemovesTheLists() {
    assertThat(render(Apt.install("curl", "ca-certificates"))).isEqualTo("""
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends curl ca-certificates \\
            && rm -rf /var/lib/apt/lists/*
        """);
  }

  @Test
  void apkUsesNoCacheOrACacheMount() {
    assertThat(render(Apk.add("curl"))).isEqualTo("RUN apk add --no-cache curl\n");
    assertThat(render(Apk.install("curl").withCacheMounts()))
        .isEqualTo("RUN --mount=type=cache,target=/var/cache/apk,sharing=locked apk add curl\n");
    assertThat(render(Apk.buildDeps("gcc"))).isEqualTo("""
        RUN apk add --no-cache --virtual .build-deps gcc \\
            && apk del .build-deps
        """);
  }

  @Test
  void rpmFamilyCleansAll() {
    assertThat(render(Dnf.install("git"))).isEqualTo("RUN dnf install -y git \\\n    && dnf clean all\n");
    assertThat(render(Yum.install("git"))).isEqualTo("RUN yum install -y git \\\n    && yum clean all\n");
    assertThat(render(Microdnf.install("git")))
        .isEqualTo("RUN microdnf install -y git \\\n    && microdnf clean all\n");
    assertThat(render(Dnf.buildDeps("gcc"))).isEqualTo("""
        RUN dnf install -y gcc \\
            && dnf clean all \\
            && dnf remove -y gcc
        """);
    assertThat(render(Dnf.install("git").withCacheMounts())).isEqualTo(
        "RUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y --setopt=keepcache=1 git\n");
  }

  @Test
  void zypperIsNonInteractive() {
    assertThat(render(Zypper.install("curl"))).isEqualTo("""
        RUN zypper --non-interactive install --no-recommends curl \\
            && zypper clean --all
        """);
  }

  @Test
  void pipQuotesSpecifiersWithShellCharacters() {
    assertThat(render(Pip.install("flask>=3", "requests"))).isEqualTo(
        "RUN pip install --no-cache-dir 'flask>=3' requests\n");
    assertThat(render(Pip.requirements("requirements.txt").withCacheMounts())).isEqualTo(
        "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n");
  }

  @Test
  void npmAndYarnCleanTheirCaches() {
    assertThat(render(Npm.ci())).isEqualTo("RUN npm ci \\\n    && npm cache clean --force\n");
    assertThat(render(Npm.install())).isEqualTo("RUN npm install \\\n    && npm cache clean --force\n");
    assertThat(render(Yarn.install()))
        .isEqualTo("RUN yarn install --frozen-lockfile \\\n    && yarn cache clean\n");
    assertThat(render(Yarn.add("left-pad").withCacheMounts())).isEqualTo(
        "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn add left-pad\n");
  }

  @Test
  void twoHelpersInOneChainShareOneCleanup() {
    String text = Dockerfile.from("debian").run(Apt.install("curl")).run(Apt.install("git"))
        .build().render();
    assertThat(text.split("rm -rf /var/lib/apt/lists", -1)).hasSize(2);
  }

  @Test
  void rejectsPackagesThatCouldInjectCommands() {
    assertThatThrownBy(() -> Apt.install("curl; rm -rf /"))
        .hasMessage("package ('curl; rm -rf /') must not contain quotes or white space");
    assertThatThrownBy(() -> Apt.install()).hasMessage("at least one package must be named");
  }
}
