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
        RUN apk add --no-cache --virtual .build-deps-00018f07 gcc \\
            && apk del .build-deps-00018f07
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
  void eachHelperCleansUpWhereItsStepEnds() {
    String text = Dockerfile.from("debian").run(Apt.install("curl")).run(Apt.install("git"))
        .build().render();
    assertThat(text).isEqualTo("""
        FROM debian
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends curl \\
            && rm -rf /var/lib/apt/lists/* \\
            && apt-get update \\
            && apt-get install -y --no-install-recommends git \\
            && rm -rf /var/lib/apt/lists/*
        """);
  }

  @Test
  void twoBuildDependencySetsAreEachPurged() {
    String text = Dockerfile.from("debian").run(Apt.buildDeps("gcc")).run(Apt.buildDeps("make"))
        .run("make -C /src").build().render();
    assertThat(text).isEqualTo("""
        FROM debian
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends gcc \\
            && rm -rf /var/lib/apt/lists/* \\
            && apt-get update \\
            && apt-get install -y --no-install-recommends make \\
            && rm -rf /var/lib/apt/lists/* \\
            && make -C /src \\
            && apt-get purge -y --auto-remove gcc \\
            && apt-get purge -y --auto-remove make
        """);
    String apk = Dockerfile.from("alpine").run(Apk.buildDeps("gcc")).run(Apk.buildDeps("make"))
        .build().render();
    assertThat(apk).contains("--virtual .build-deps-00018f07 gcc", "apk del .build-deps-00018f07",
        "--virtual .build-deps-" + String.format("%08x", "make".hashCode()) + " make");
  }

  @Test
  void rejectsOptionsAndPatternsPassedAsPackages() {
    assertThatThrownBy(() -> Apt.install("curl", "--allow-unauthenticated"))
        .hasMessageContaining("'--allow-unauthenticated'").hasMessageContaining("option");
    assertThatThrownBy(() -> Apk.add("-X")).hasMessageContaining("'-X'");
    assertThatThrownBy(() -> Apt.install("lib*")).hasMessageContaining("'lib*'")
        .hasMessageContaining("pattern");
    assertThatThrownBy(() -> Pip.install("flask?")).hasMessageContaining("'flask?'");
    assertThatThrownBy(() -> Apt.install("{a,b}")).hasMessageContaining("'{a,b}'");
    assertThatThrownBy(() -> Apt.install("[ab]c")).hasMessageContaining("'[ab]c'");
    assertThatThrownBy(() -> Npm.install("~/x")).hasMessageContaining("'~/x'");
    assertThat(render(Pip.install("requests[security]>=2"))).isEqualTo(
        "RUN pip install --no-cache-dir 'requests[security]>=2'\n");
  }

  @Test
  void rejectsPackagesThatCouldInjectCommands() {
    assertThatThrownBy(() -> Apt.install("curl; rm -rf /"))
        .hasMessage("package ('curl; rm -rf /') must not contain quotes or white space");
    assertThatThrownBy(() -> Apt.install()).hasMessage("at least one package must be named");
  }
}
