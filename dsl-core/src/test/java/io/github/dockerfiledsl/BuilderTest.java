package io.github.dockerfiledsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.optimize.Apk;
import io.github.dockerfiledsl.optimize.Apt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuilderTest {

  @Test
  void writesDirectivesGlobalArgsAndAStage() {
    Dockerfile d = Dockerfile.builder()
        .syntax("docker/dockerfile:1")
        .arg("GO_VERSION", "1.22")
        .comment("build stage")
        .from("golang:${GO_VERSION}").platform("$BUILDPLATFORM").as("build")
        .workdir("/src")
        .run("go version")
        .build();
    assertThat(d.render()).isEqualTo("""
        # syntax=docker/dockerfile:1

        ARG GO_VERSION=1.22
        # build stage
        FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
        WORKDIR /src
        RUN go version
        """);
  }

  @Test
  void reachesEveryInstruction() {
    Dockerfile d = Dockerfile.from("debian:bookworm")
        .arg("VERSION", "1.0")
        .env("APP_HOME", "/opt/app")
        .env(List.of(KeyValue.of("A", "1"), KeyValue.of("B", "two words")))
        .label("org.opencontainers.image.version", "$VERSION")
        .label(List.of(KeyValue.of("a", "1"), KeyValue.of("b", "2")))
        .maintainer("someone@example.com")
        .workdir("$APP_HOME")
        .add("https://example.com/a.tar.gz", "/tmp/")
        .add(Add.of("app.tar.gz", "/opt/").chown("app").chmod(Chmod.of(0755)).link()
            .exclude("*.md").unpack(true))
        .copy(Copy.of(List.of("a", "b"), "/x/").chown("app:app").chmod(Chmod.symbolic("u+x"))
            .parents().exclude("*.tmp"))
        .copy(Copy.heredoc(Heredoc.of("EOF", "key=value"), "/etc/app.conf"))
        .expose(8080)
        .expose(Port.tcp(80), Port.udp(53), Port.range(9000, 9010), Port.variable("${PORT}"))
        .user("app", "app")
        .volume("/data", "/logs")
        .shell(Exec.of("/bin/bash", "-o", "pipefail", "-c"))
        .stopsignal(Signal.SIGQUIT)
        .healthcheck(Healthcheck.of(Shell.of("curl -f http://localhost/ || exit 1"))
            .interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(3))
            .startPeriod(Duration.ofSeconds(5)).startInterval(Duration.ofMillis(500)).retries(3))
        .onbuild(Trigger.copy(".", "/src"))
        .onbuild(Trigger.run("make -C /src"))
        .entrypoint(Exec.of("/entrypoint.sh"))
        .cmd(Exec.of("serve", "--port", "8080"))
        .blankLine()
        .comment("the end")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian:bookworm
        ARG VERSION=1.0
        ENV APP_HOME=/opt/app
        ENV A=1 B="two words"
        LABEL org.opencontainers.image.version=$VERSION
        LABEL a=1 b=2
        LABEL org.opencontainers.image.authors=someone@example.com
        WORKDIR $APP_HOME
        ADD https://example.com/a.tar.gz /tmp/
        ADD --chown=app --chmod=755 --link --unpack=true --exclude=*.md app.tar.gz /opt/
        COPY --chown=app:app --chmod=u+x --parents --exclude=*.tmp a b /x/
        COPY <<EOF /etc/app.conf
        key=value
        EOF
        EXPOSE 8080
        EXPOSE 80/tcp 53/udp 9000-9010 ${PORT}
        USER app:app
        VOLUME /data /logs
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        STOPSIGNAL SIGQUIT
        HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1
        ONBUILD COPY . /src
        ONBUILD RUN make -C /src
        ENTRYPOINT ["/entrypoint.sh"]
        CMD ["serve", "--port", "8080"]

        # the end
        """);
  }

  @Test
  void mergesANaiveChainOfRunStepsAndAddsCleanup() {
    Dockerfile d = Dockerfile.from("debian:bookworm")
        .run("apt-get update")
        .run("apt-get install -y curl")
        .run("curl -fsSL https://example.com/install.sh -o /tmp/install.sh")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian:bookworm
        RUN apt-get update \\
            && apt-get install -y curl \\
            && curl -fsSL https://example.com/install.sh -o /tmp/install.sh \\
            && rm -rf /var/lib/apt/lists/*
        """);
  }

  @Test
  void keepsRunsApartAtALayerBreakAndAtOtherInstructions() {
    Dockerfile d = Dockerfile.from("alpine")
        .run("echo a").run("echo b")
        .layer()
        .run("echo c")
        .workdir("/x")
        .run("echo d")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM alpine
        RUN echo a \\
            && echo b
        RUN echo c
        WORKDIR /x
        RUN echo d
        """);
  }

  @Test
  void groupsStepsThatAreNotSimpleCommands() {
    Dockerfile d = Dockerfile.from("alpine")
        .run("test -f /etc/os-release || exit 1")
        .run("cd /tmp && touch x")
        .run("echo a; echo b")
        .run("cat /etc/passwd | wc -l")
        .run("echo done >&2")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM alpine
        RUN ( test -f /etc/os-release || exit 1 ) \\
            && ( cd /tmp && touch x ) \\
            && ( echo a; echo b ) \\
            && cat /etc/passwd | wc -l \\
            && echo done >&2
        """);
  }

  @Test
  void neverMergesCommentsBackgroundJobsExecFormOrDifferentFlags() {
    Dockerfile d = Dockerfile.from("alpine")
        .run("echo a")
        .run("make # build it")
        .run("sleep 10 &")
        .run(Exec.of("echo", "exec"))
        .run("echo b")
        .run(Run.of("echo c").mount(Mount.cache("/root/.cache")))
        .run(Run.of("echo d").mount(Mount.cache("/root/.cache")))
        .run(Run.script("echo e\necho f"))
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM alpine
        RUN echo a
        RUN make # build it
        RUN sleep 10 &
        RUN ["echo", "exec"]
        RUN echo b
        RUN --mount=type=cache,target=/root/.cache echo c \\
            && echo d
        RUN <<EOF
        echo e
        echo f
        EOF
        """);
  }

  @Test
  void addsNoPipefailUnlessAskedFor() {
    Dockerfile d = Dockerfile.from("debian")
        .shell(Exec.of("/bin/bash", "-c"))
        .run("yes | head -n 1")
        .run("echo ok")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian
        SHELL ["/bin/bash", "-c"]
        RUN yes | head -n 1 \\
            && echo ok
        """);
  }

  @Test
  void addsPipefailWhereTheShellSupportsItWhenAskedFor() {
    Dockerfile d = Dockerfile.builder().pipefail().from("debian")
        .run("curl -fsSL https://example.com | tar -xz")
        .shell(Exec.of("/bin/bash", "-c"))
        .run("curl -fsSL https://example.com | tar -xz")
        .run("echo ok")
        .shell(Exec.of("/bin/bash", "-o", "pipefail", "-c"))
        .run("curl -fsSL https://example.com | tar -xz")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian
        RUN curl -fsSL https://example.com | tar -xz
        SHELL ["/bin/bash", "-c"]
        RUN ( set -o pipefail && curl -fsSL https://example.com | tar -xz ) \\
            && echo ok
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN curl -fsSL https://example.com | tar -xz
        """);
  }

  @Test
  void ordersCleanupFirstThenOrdinaryThenLast() {
    Dockerfile d = Dockerfile.from("debian:stretch")
        .run(Apt.buildDeps("gcc", "make"))
        .run("make -C /src")
        .cleanup("rm -r /src")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian:stretch
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends gcc make \\
            && rm -rf /var/lib/apt/lists/* \\
            && make -C /src \\
            && rm -r /src \\
            && apt-get purge -y --auto-remove gcc make
        """);
  }

  @Test
  void usesCacheMountsInsteadOfCleanup() {
    Dockerfile d = Dockerfile.from("debian")
        .run(Apt.install("curl").withCacheMounts())
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian
        RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
            --mount=type=cache,target=/var/lib/apt,sharing=locked \\
            apt-get update \\
            && apt-get install -y --no-install-recommends curl
        """);
  }

  @Test
  void verbatimWritesEachStepAsItsOwnRun() {
    Dockerfile d = Dockerfile.builder().verbatim()
        .from("alpine")
        .run("apk add curl")
        .run("echo a || echo b")
        .cleanup("rm -rf /tmp/*")
        .maintainer("me")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM alpine
        RUN apk add curl
        RUN ( echo a || echo b ) \\
            && rm -rf /tmp/*
        MAINTAINER me
        """);
  }

  @Test
  void copiesFromAStageHandleAndAnImage() {
    DockerfileBuilder df = Dockerfile.builder();
    StageRef build = df.from("golang:1.22").as("build")
        .run("go build -o /out/app .")
        .end();
    Dockerfile d = df.from("alpine:3.20")
        .copy(build, "/out/app", "/usr/local/bin/app")
        .copy(ImageRef.parse("lachlanevenson/k8s-kubectl:v1.10.3"), "/usr/local/bin/kubectl",
            "/usr/local/bin/kubectl")
        .run(Run.of("ls /mnt").bind(build, "/out", "/mnt"))
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM golang:1.22 AS build
        RUN go build -o /out/app .

        FROM alpine:3.20
        COPY --from=build /out/app /usr/local/bin/app
        COPY --from=lachlanevenson/k8s-kubectl:v1.10.3 /usr/local/bin/kubectl /usr/local/bin/kubectl
        RUN --mount=type=bind,target=/mnt,source=/out,from=build ls /mnt
        """);
  }

  @Test
  void namesReferencedUnnamedStagesAndOrdersByDependency() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep app = df.from("alpine").run("echo app");
    StageRef deps = df.from("node:20").run(Apk.add("git")).end();
    StageRef base = df.from(deps).run("npm ci").end();
    Dockerfile d = app.copy(base, "/app", "/app").build();
    assertThat(d.render()).isEqualTo("""
        FROM node:20 AS stage-0
        RUN apk add --no-cache git

        FROM stage-0 AS stage-1
        RUN npm ci \\
            && npm cache clean --force

        FROM alpine
        RUN echo app
        COPY --from=stage-1 /app /app
        """);
  }

  @Test
  void rejectsDuplicateStageNames() {
    DockerfileBuilder df = Dockerfile.builder();
    df.from("alpine").as("build").end();
    df.from("alpine").end();
    assertThatThrownBy(() -> df.from("debian").as("build"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name ('build') must be unique, but an earlier stage of this Dockerfile has it");
  }

  @Test
  void cannotWriteACycleBecauseAHandleNamesTheStageAsItWas() {
    DockerfileBuilder df = Dockerfile.builder();
    StageStep a = df.from("alpine");
    StageRef aRef = a.end();
    StageRef bRef = df.from("alpine").as("b").copy(aRef, "/x", "/x").end();
    // continuing a kept step writes a new stage, which can refer to b without a cycle
    assertThat(a.copy(bRef, "/y", "/y").build().render()).isEqualTo("""
        FROM alpine AS stage-0

        FROM alpine AS b
        COPY --from=stage-0 /x /x

        FROM alpine
        COPY --from=b /y /y
        """);
  }

  @Test
  void rejectsAHandleOfAnotherBuilder() {
    StageRef other = Dockerfile.from("alpine").end();
    assertThatThrownBy(() -> Dockerfile.from("alpine").copy(other, "/a", "/a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage handle StageRef[unnamed] belongs to another Dockerfile builder");
  }

  @Test
  void rejectsAnImageThatNamesAStage() {
    DockerfileBuilder df = Dockerfile.builder();
    df.from("golang").as("alpine").end();
    StageStep s = df.from("alpine").run("true");
    assertThatThrownBy(s::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("FROM image ('alpine') of the stage FROM 'alpine' names stage 'alpine'");
  }

  @Test
  void rejectsInvalidValuesWithTheOffendingValue() {
    assertThatThrownBy(() -> Port.of(70000)).hasMessage("port (70000) must be in 0..65535");
    assertThatThrownBy(() -> Chmod.of(010000)).hasMessage(
        "mode (010000) must be in 0..07777 (octal; write it as a Java octal literal such as 0644)");
    assertThatThrownBy(() -> Chmod.of(-1)).hasMessageStartingWith("mode (-1) must be in 0..07777");
    assertThatThrownBy(() -> Chmod.octal("0648"))
        .hasMessage("chmod mode ('0648') must be three or four octal digits");
    assertThatThrownBy(() -> Signal.named("term")).hasMessageContaining("'term'");
    assertThatThrownBy(() -> Dockerfile.from("alpine").as("Build"))
        .hasMessageContaining("'Build'");
    assertThatThrownBy(() -> Dockerfile.from("alpine").as("scratch"))
        .hasMessage("stage name ('scratch') must not be 'scratch' or 'context', which are reserved");
    assertThatThrownBy(() -> Run.of(Exec.of("ls")).cleanup("rm x"))
        .hasMessageContaining("needs the shell form");
    assertThatThrownBy(() -> Run.of("ls").withCacheMounts())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsCleanupAfterACommandThatCannotBeChained() {
    RunStep s = Dockerfile.from("alpine").run("make # build");
    assertThatThrownBy(() -> s.cleanup("rm -rf /src")).hasMessageContaining("cannot follow");
  }

  @Test
  void buildsAnImmutableModel() {
    Dockerfile d = Dockerfile.from("alpine").run("echo a").build();
    assertThat(d.stages().get(0).instructions()).hasSize(1);
    assertThat(d.stages().get(0).instructions().get(0)).isInstanceOf(RunInstruction.class);
    assertThatThrownBy(() -> d.stages().get(0).instructions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void commentsBeforeFromLeadTheNextStage() {
    Dockerfile d = Dockerfile.from("golang").as("build")
        .run("go build")
        .comment("the runtime image")
        .from("alpine")
        .run("true")
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM golang AS build
        RUN go build

        # the runtime image
        FROM alpine
        RUN true
        """);
    assertThat(d.stages().get(1).leading()).hasSize(1);
  }

  @Test
  void writesArgsWithSeveralNamesAndOnbuildRunsWithFlags() {
    List<ArgInstruction.Arg> args = List.of(new ArgInstruction.Arg("A", Optional.empty()),
        new ArgInstruction.Arg("B", Optional.of("1")));
    Dockerfile d = Dockerfile.builder().arg(args)
        .from("alpine")
        .arg(args)
        .onbuild(Trigger.run(Run.of("make").mount(Mount.cache("/root/.cache"))))
        .build();
    assertThat(d.render()).isEqualTo("""
        ARG A B=1
        FROM alpine
        ARG A B=1
        ONBUILD RUN --mount=type=cache,target=/root/.cache make
        """);
    assertThatThrownBy(() -> Trigger.run(Run.of("make").cleanup("rm -rf /src")))
        .hasMessageContaining("cannot chain cleanup");
  }

  @Test
  void honoursTheEscapeDirectiveInChains() {
    Dockerfile d = Dockerfile.builder().escape('`')
        .from("mcr.microsoft.com/windows/servercore:ltsc2022")
        .shell(Exec.of("powershell", "-Command"))
        .run("Write-Host a")
        .run("Write-Host b")
        .layer()
        .shell(Exec.of("cmd", "/S", "/C"))
        .from("alpine")
        .run("echo a")
        .run("echo b")
        .build();
    assertThat(d.render()).isEqualTo("""
        # escape=`

        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        SHELL ["powershell", "-Command"]
        RUN Write-Host a
        RUN Write-Host b
        SHELL ["cmd", "/S", "/C"]

        FROM alpine
        RUN echo a `
            && echo b
        """);
  }

  @Test
  void checksHeredocMarkersAgainstTheBodies() {
    assertThatThrownBy(() -> Run.heredoc("<<EOF", Heredoc.of("END", "x")))
        .hasMessage("heredoc 1 is written '<<END' but the command line ('<<EOF') names 'EOF'");
    assertThatThrownBy(() -> Run.heredoc("cat", Heredoc.of("EOF", "x")))
        .hasMessage("command line ('cat') names 0 heredoc(s) but 1 body is given");
    assertThat(Dockerfile.from("alpine").run(Run.heredoc("python3 <<'PY'",
        Heredoc.literal("PY", "print('$HOME')"))).build().render()).isEqualTo("""
        FROM alpine
        RUN python3 <<'PY'
        print('$HOME')
        PY
        """);
  }

  @Test
  void rejectsAForeignHandleInARunMountRightAway() {
    StageRef other = Dockerfile.from("alpine").end();
    assertThatThrownBy(() -> Dockerfile.from("alpine").run(Run.of("ls").bind(other, "/", "/mnt")))
        .hasMessageContaining("belongs to another Dockerfile builder");
  }

  @Test
  void cleanupAfterAnExecFormRunStepSaysWhy() {
    // Run.of(Exec) is a Run.Single, on whose step cleanup(..) does not compile; typed as a Run,
    // the step still says why at the call
    Run exec = Run.of((Command) Exec.of("make"));
    RunStep s = Dockerfile.from("alpine").run(exec);
    assertThatThrownBy(() -> s.cleanup("rm -rf /src"))
        .hasMessage("cleanup ('rm -rf /src') needs the shell form; an exec-form RUN cannot chain"
            + " commands");
    assertThat(Dockerfile.from("alpine").run("echo a").run(Run.of(Exec.of("make"))).run("echo b")
        .build().render()).isEqualTo("""
        FROM alpine
        RUN echo a
        RUN ["make"]
        RUN echo b
        """);
  }

  @Test
  void rootCommentsAfterTheFirstStageGoAboveTheNextFrom() {
    DockerfileBuilder df = Dockerfile.builder().comment("global");
    StageRef build = df.from("golang").as("build").run("go build").comment("a trailing note").end();
    Dockerfile d = df.comment("the runtime image").blankLine().comment("second line")
        .from("alpine").copy(build, "/app", "/app").build();
    assertThat(d.render()).isEqualTo("""
        # global
        FROM golang AS build
        RUN go build
        # a trailing note

        # the runtime image

        # second line
        FROM alpine
        COPY --from=build /app /app
        """);
    // the model is the parser's reading of the text, so it reads back exactly
    assertThat(d.stages().get(0).leading()).containsExactly(Comment.of("global"));
    assertThat(Dockerfile.parse(d.render())).isEqualTo(d);
  }

  @Test
  void octalChmodKeepsItsLeadingZero() {
    assertThat(Dockerfile.from("alpine").copy(Copy.of("a", "/a").chmod(Chmod.octal("0644")))
        .build().render()).isEqualTo("FROM alpine\nCOPY --chmod=0644 a /a\n");
  }
}
