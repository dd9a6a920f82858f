package io.github.dockerfiledsl.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.OnbuildInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.RunInstruction.Network;
import io.github.dockerfiledsl.instruction.RunInstruction.Security;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden snippets for every instruction, flag and form of the language checklist (sections 1-3),
 * and a checklist test that fails when an item has no snippet.
 *
 * <p>Each case names the checklist items it covers; {@link #everyChecklistItemHasAGoldenCase()}
 * checks that every item of {@link #CHECKLIST} is covered and that the token the item stands for
 * appears in the rendered text, so a missing instruction or flag is visible.
 */
class InstructionGoldenTest {

  /** One golden case: a model, the text it renders to and the checklist items it shows. */
  record Case(String name, List<String> covers, Supplier<Dockerfile> model, RenderOptions options,
      String expected) {}

  /** The checklist: item, and a token that the rendering of a covering case must contain. */
  static final List<String[]> CHECKLIST = List.of(
      new String[] {"directive syntax", "# syntax="},
      new String[] {"directive escape", "# escape=`"},
      new String[] {"directive check", "# check="},
      new String[] {"escape backtick", "`\n"},
      new String[] {"column limit", " \\\n    "},
      new String[] {"comment", "\n# "},
      new String[] {"blank lines", "\n\n"},
      new String[] {"FROM", "FROM "},
      new String[] {"FROM --platform", "FROM --platform="},
      new String[] {"FROM AS", " AS "},
      new String[] {"FROM scratch", " scratch"},
      new String[] {"FROM digest", "@sha256:"},
      new String[] {"global ARG", "ARG "},
      new String[] {"RUN shell", "RUN "},
      new String[] {"RUN chain", "    && "},
      new String[] {"RUN exec", "RUN [\""},
      new String[] {"RUN heredoc", "RUN <<EOF\n"},
      new String[] {"heredoc several", "<<"},
      new String[] {"heredoc <<-", "<<-"},
      new String[] {"heredoc quoted", "<<'"},
      new String[] {"heredoc fd", "3<<"},
      new String[] {"mount bind", "--mount=type=bind"},
      new String[] {"mount cache", "--mount=type=cache"},
      new String[] {"mount tmpfs", "--mount=type=tmpfs"},
      new String[] {"mount secret", "--mount=type=secret"},
      new String[] {"mount ssh", "--mount=type=ssh"},
      new String[] {"mount target", "target="},
      new String[] {"mount source", "source="},
      new String[] {"mount from", "from="},
      new String[] {"mount rw", ",rw"},
      new String[] {"mount ro", ",ro"},
      new String[] {"mount id", "id="},
      new String[] {"mount sharing", "sharing="},
      new String[] {"mount mode", "mode="},
      new String[] {"mount uid", "uid="},
      new String[] {"mount gid", "gid="},
      new String[] {"mount size", "size="},
      new String[] {"mount required", ",required"},
      new String[] {"mount env", "env="},
      new String[] {"RUN --network", "--network="},
      new String[] {"RUN --security", "--security="},
      new String[] {"RUN --device", "--device="},
      new String[] {"CMD shell", "CMD "},
      new String[] {"CMD exec", "CMD [\""},
      new String[] {"CMD []", "CMD []"},
      new String[] {"ENTRYPOINT shell", "ENTRYPOINT "},
      new String[] {"ENTRYPOINT exec", "ENTRYPOINT [\""},
      new String[] {"LABEL", "LABEL "},
      new String[] {"LABEL quoting", "LABEL "},
      new String[] {"MAINTAINER", "MAINTAINER "},
      new String[] {"EXPOSE", "EXPOSE "},
      new String[] {"EXPOSE proto", "/udp"},
      new String[] {"EXPOSE range", "-"},
      new String[] {"ENV", "ENV "},
      new String[] {"ENV quoting", "ENV "},
      new String[] {"ADD", "ADD "},
      new String[] {"ADD --chown", "ADD --chown="},
      new String[] {"ADD --chmod", "--chmod="},
      new String[] {"ADD --link", "--link"},
      new String[] {"ADD --keep-git-dir", "--keep-git-dir"},
      new String[] {"ADD --checksum", "--checksum="},
      new String[] {"ADD --unpack", "--unpack="},
      new String[] {"ADD --exclude", "--exclude="},
      new String[] {"ADD URL", "https://"},
      new String[] {"ADD git", ".git"},
      new String[] {"ADD JSON", "ADD [\""},
      new String[] {"ADD heredoc", "ADD <<"},
      new String[] {"COPY", "COPY "},
      new String[] {"COPY --from", "COPY --from="},
      new String[] {"COPY --chown", "--chown="},
      new String[] {"COPY --chmod", "--chmod="},
      new String[] {"COPY --link", "--link"},
      new String[] {"COPY --parents", "--parents"},
      new String[] {"COPY --exclude", "--exclude="},
      new String[] {"COPY JSON", "COPY [\""},
      new String[] {"COPY JSON with spaces", " \""},
      new String[] {"COPY heredoc", "<<EOF /"},
      new String[] {"VOLUME", "VOLUME "},
      new String[] {"VOLUME JSON", "VOLUME [\""},
      new String[] {"USER", "USER "},
      new String[] {"WORKDIR", "WORKDIR "},
      new String[] {"ARG", "ARG "},
      new String[] {"ARG list", "ARG "},
      new String[] {"ARG default", "="},
      new String[] {"ONBUILD", "ONBUILD "},
      new String[] {"STOPSIGNAL", "STOPSIGNAL "},
      new String[] {"HEALTHCHECK", "HEALTHCHECK "},
      new String[] {"HEALTHCHECK options", "--start-interval="},
      new String[] {"HEALTHCHECK NONE", "HEALTHCHECK NONE"},
      new String[] {"SHELL", "SHELL [\""});

  private static Dockerfile df(Instruction... body) {
    return Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(body)));
  }

  private static RunInstruction run(io.github.dockerfiledsl.Command command,
      List<Heredoc> heredocs) {
    return new RunInstruction(command, heredocs, List.of(), Optional.empty(), Optional.empty(),
        List.of());
  }

  private static RunInstruction run(List<Mount> mounts, String command) {
    return new RunInstruction(Shell.of(command), List.of(), mounts, Optional.empty(),
        Optional.empty(), List.of());
  }

  private static Case c(String name, String covers, Supplier<Dockerfile> model,
      String expected) {
    return new Case(name, List.of(covers.split(", ")), model, RenderOptions.defaults(), expected);
  }

  private static Case c(String name, String covers, Supplier<Dockerfile> model,
      RenderOptions options, String expected) {
    return new Case(name, List.of(covers.split(", ")), model, options, expected);
  }

  static final List<Case> CASES = new ArrayList<>();

  private static Optional<String> o(String s) {
    return Optional.of(s);
  }

  private static final Optional<String> NO = Optional.empty();

  static {
    CASES.add(c("escapeBacktick", "escape backtick, directive escape",
        () -> Dockerfile.model(List.of(Directive.escape('`')), List.of(),
            List.of(Stage.of(FromInstruction.of("mcr.microsoft.com/windows/servercore:ltsc2022"),
                List.of(
                    ShellInstruction.of("powershell", "-Command"),
                    WorkdirInstruction.of("C:\\app"),
                    EnvInstruction.of("GREETING", "say \"hi\" `now`"),
                    RunInstruction.of(Shell.chain("New-Item -Type Directory C:\\data",
                        "Write-Host done")),
                    CopyInstruction.of("bin\\tool.exe", "C:\\tools\\"))))),
        """
        # escape=`

        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        SHELL ["powershell", "-Command"]
        WORKDIR "C:\\app"
        ENV GREETING="say `"hi`" ``now``"
        RUN New-Item -Type Directory C:\\data `
            && Write-Host done
        COPY "bin\\tool.exe" "C:\\tools\\"
        """));
    CASES.add(c("escapeOverride", "escape backtick, directive escape",
        () -> df(RunInstruction.of(Shell.chain("a", "b")), EnvInstruction.of("P", "a\\b")),
        RenderOptions.defaults().withEscape('`'),
        """
        # escape=`

        FROM alpine
        RUN a `
            && b
        ENV P="a\\b"
        """));
    CASES.add(c("columnLimit", "column limit, ENV, LABEL",
        () -> df(
            new EnvInstruction(List.of(KeyValue.of("JAVA_HOME", "/opt/java"),
                KeyValue.of("PATH", "/opt/java/bin:$PATH"), KeyValue.of("LANG", "C.UTF-8"))),
            new LabelInstruction(List.of(KeyValue.of("a", "1"), KeyValue.of("b", "2"))),
            new RunInstruction(Shell.of("go build ./..."), List.of(),
                List.of(Mount.cache("/root/.cache/go-build"), Mount.cache("/go/pkg/mod")),
                Optional.empty(), Optional.empty(), List.of())),
        RenderOptions.defaults().withColumnLimit(40),
        """
        FROM alpine
        ENV JAVA_HOME=/opt/java \\
            PATH=/opt/java/bin:$PATH \\
            LANG=C.UTF-8
        LABEL a=1 b=2
        RUN --mount=type=cache,target=/root/.cache/go-build \\
            --mount=type=cache,target=/go/pkg/mod \\
            go build ./...
        """));
    CASES.add(c("noColumnLimit", "ENV",
        () -> df(new EnvInstruction(List.of(KeyValue.of("JAVA_HOME", "/opt/java"),
            KeyValue.of("PATH", "/opt/java/bin:$PATH"), KeyValue.of("LANG", "C.UTF-8")))),
        RenderOptions.defaults().withColumnLimit(0),
        """
        FROM alpine
        ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:$PATH LANG=C.UTF-8
        """));
    CASES.add(c("commentsAndBlankLines", "comment, blank lines, FROM AS, FROM",
        () -> Dockerfile.model(List.of(),
            List.of(BlankLine.INSTANCE, Comment.of("global"), BlankLine.INSTANCE,
                BlankLine.INSTANCE, ArgInstruction.of("V", "1")),
            List.of(
                Stage.of(List.of(BlankLine.INSTANCE, Comment.of("build stage")),
                    FromInstruction.of("golang:1.22").withName("build"),
                    List.of(BlankLine.INSTANCE, BlankLine.INSTANCE,
                        RunInstruction.shell("go build"), BlankLine.INSTANCE,
                        Comment.of("trailing"), BlankLine.INSTANCE, BlankLine.INSTANCE)),
                Stage.of(FromInstruction.of("build"), List.of(CmdInstruction.of(Exec.of("app")))))),
        """
        # global

        ARG V=1
        # build stage
        FROM golang:1.22 AS build

        RUN go build

        # trailing

        FROM build
        CMD ["app"]
        """));
    CASES.add(c("from", "FROM, FROM --platform, FROM AS, FROM scratch, FROM digest, global ARG",
        () -> Dockerfile.model(List.of(), List.of(ArgInstruction.of("GO_VERSION", "1.22")),
            List.of(
                Stage.of(new FromInstruction("golang:${GO_VERSION}", o("$BUILDPLATFORM"),
                    o("build")), List.of()),
                Stage.of(FromInstruction.of("alpine@sha256:"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
                    List.of()),
                Stage.of(FromInstruction.of("scratch").withPlatform("linux/amd64")
                    .withName("final"), List.of()))),
        """
        ARG GO_VERSION=1.22
        FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build

        FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

        FROM --platform=linux/amd64 scratch AS final
        """));
    CASES.add(c("runForms", "RUN shell, RUN chain, RUN exec",
        () -> df(RunInstruction.shell("echo \"hello world\" | tee /tmp/x"),
            RunInstruction.of(Shell.chain("apt-get update", "apt-get install -y curl",
                "rm -rf /var/lib/apt/lists/*")),
            RunInstruction.of(Shell.lines("./configure ", "    --prefix=/usr")),
            RunInstruction.of(Exec.of("/bin/sh", "-c", "echo \"quoted\" and \\ slash"))),
        """
        FROM alpine
        RUN echo "hello world" | tee /tmp/x
        RUN apt-get update \\
            && apt-get install -y curl \\
            && rm -rf /var/lib/apt/lists/*
        RUN ./configure \\
            --prefix=/usr
        RUN ["/bin/sh", "-c", "echo \\"quoted\\" and \\\\ slash"]
        """));
    CASES.add(c("heredocs", "RUN heredoc, heredoc several, heredoc <<-, heredoc quoted, heredoc fd",
        () -> df(
            run(Shell.of("<<EOF"), List.of(Heredoc.of("EOF", "apt-get update\n# a comment line\n"))),
            run(Shell.of("python3 <<'PY' && cat <<-TXT"), List.of(
                Heredoc.literal("PY", "print('$HOME')\n"),
                new Heredoc("TXT", "\tindented\n", true, true, 0))),
            run(Shell.of("cat 3<<EOF"), List.of(new Heredoc("EOF", "fd three\n", true, false, 3)))),
        """
        FROM alpine
        RUN <<EOF
        apt-get update
        # a comment line
        EOF
        RUN python3 <<'PY' && cat <<-TXT
        print('$HOME')
        PY
        \tindented
        TXT
        RUN cat 3<<EOF
        fd three
        EOF
        """));
    CASES.add(c("mounts", "mount bind, mount cache, mount tmpfs, mount secret, mount ssh, "
            + "mount target, mount source, mount from, mount rw, mount ro, mount id, "
            + "mount sharing, mount mode, mount uid, mount gid, mount size, mount required, "
            + "mount env",
        () -> df(
            run(List.of(new Mount.Bind("/src", o("app"), o("build"), true)), "make"),
            run(List.of(new Mount.Cache("/var/cache/apt", o("apt"),
                Optional.of(Mount.Sharing.LOCKED), o("base"), o("/cache"), true, o("0755"),
                o("1000"), o("1000"))), "apt-get update"),
            run(List.of(new Mount.Tmpfs("/tmp", o("64m"))), "make test"),
            run(List.of(new Mount.Secret(o("npmrc"), o("/root/.npmrc"), NO, true, o("0400"),
                o("0"), o("0")), Mount.secret("token").withEnv("TOKEN")), "npm ci"),
            run(List.of(new Mount.Ssh(o("default"), o("/run/ssh.sock"), true, o("0600"),
                o("1000"), o("1000"))), "git clone git@example.com:a/b.git")),
        RenderOptions.defaults().withColumnLimit(0),
        """
        FROM alpine
        RUN --mount=type=bind,target=/src,source=app,from=build,rw make
        RUN --mount=type=cache,target=/var/cache/apt,id=apt,sharing=locked,from=base,source=/cache,ro,mode=0755,uid=1000,gid=1000 apt-get update
        RUN --mount=type=tmpfs,target=/tmp,size=64m make test
        RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required,mode=0400,uid=0,gid=0 --mount=type=secret,id=token,env=TOKEN npm ci
        RUN --mount=type=ssh,id=default,target=/run/ssh.sock,required,mode=0600,uid=1000,gid=1000 git clone git@example.com:a/b.git
        """));
    CASES.add(c("networkSecurityDevice", "RUN --network, RUN --security, RUN --device",
        () -> df(
            new RunInstruction(Shell.of("pip download -d /wheels ."), List.of(),
                List.of(Mount.bind("/src")), Optional.of(Network.NONE),
                Optional.of(Security.INSECURE), List.of("nvidia.com/gpu=all,required")),
            new RunInstruction(Shell.of("curl example.com"), List.of(), List.of(),
                Optional.of(Network.HOST), Optional.of(Security.SANDBOX), List.of()),
            new RunInstruction(Shell.of("true"), List.of(), List.of(),
                Optional.of(Network.DEFAULT), Optional.empty(), List.of())),
        """
        FROM alpine
        RUN --mount=type=bind,target=/src \\
            --network=none \\
            --security=insecure \\
            --device=nvidia.com/gpu=all,required \\
            pip download -d /wheels .
        RUN --network=host --security=sandbox curl example.com
        RUN --network=default true
        """));
    CASES.add(c("cmdEntrypoint", "CMD shell, CMD exec, CMD [], ENTRYPOINT shell, ENTRYPOINT exec",
        () -> df(CmdInstruction.of(Shell.of("nginx -g 'daemon off;'")),
            CmdInstruction.of(Exec.of("--port", "80")), CmdInstruction.of(Exec.empty()),
            EntrypointInstruction.of(Shell.of("exec java -jar app.jar")),
            EntrypointInstruction.of(Exec.of("/docker-entrypoint.sh", "a b", "c\"d"))),
        """
        FROM alpine
        CMD nginx -g 'daemon off;'
        CMD ["--port", "80"]
        CMD []
        ENTRYPOINT exec java -jar app.jar
        ENTRYPOINT ["/docker-entrypoint.sh", "a b", "c\\"d"]
        """));
    CASES.add(c("labelEnvQuoting", "LABEL, LABEL quoting, ENV, ENV quoting",
        () -> df(
            new LabelInstruction(List.of(
                KeyValue.of("org.opencontainers.image.title", "my app"),
                KeyValue.of("description", "say \"hi\""),
                KeyValue.of("empty", ""), KeyValue.of("my key", "v"))),
            new EnvInstruction(List.of(KeyValue.of("PATH", "/app/bin:$PATH"),
                KeyValue.of("PRICE", Templates.literal("$5")),
                KeyValue.of("WIN", Templates.literal("C:\\dir\\")),
                KeyValue.of("QUOTE", "it's"), KeyValue.of("NAME", "Jürgen"),
                KeyValue.of("BRACES", "${HOME:-/root}")))),
        RenderOptions.defaults().withColumnLimit(0),
        """
        FROM alpine
        LABEL org.opencontainers.image.title="my app" description="say \\"hi\\"" empty="" "my key"=v
        ENV PATH=/app/bin:$PATH PRICE="\\$5" WIN="C:\\\\dir\\\\" QUOTE="it's" NAME="Jürgen" BRACES=${HOME:-/root}
        """));
    CASES.add(c("maintainerExposeUserWorkdir", "MAINTAINER, EXPOSE, EXPOSE proto, EXPOSE range, "
            + "USER, WORKDIR, STOPSIGNAL",
        () -> df(new MaintainerInstruction("Jane Doe <jane@example.com>"),
            new ExposeInstruction(List.of("80", "443/tcp", "53/udp", "8000-8010/tcp", "$PORT")),
            UserInstruction.of("app:app"), WorkdirInstruction.of("/srv/my app"),
            StopsignalInstruction.of("SIGTERM"), StopsignalInstruction.of("9")),
        """
        FROM alpine
        MAINTAINER Jane Doe <jane@example.com>
        EXPOSE 80 443/tcp 53/udp 8000-8010/tcp $PORT
        USER app:app
        WORKDIR "/srv/my app"
        STOPSIGNAL SIGTERM
        STOPSIGNAL 9
        """));
    CASES.add(c("copy", "COPY, COPY --from, COPY --chown, COPY --chmod, COPY --link, "
            + "COPY --parents, COPY --exclude, COPY JSON, COPY JSON with spaces",
        () -> df(CopyInstruction.of(List.of("a.txt", "b.txt"), "/dst/"),
            new CopyInstruction(List.of("/out/app", "/out/lib"), "/usr/local/bin/", List.of(),
                o("build"), o("app:app"), o("0755"), true, true, List.of("*.md", "tmp/"), false),
            new CopyInstruction(List.of("my file.txt"), "/dst/", List.of(), NO, NO, NO, false,
                false, List.of(), false),
            new CopyInstruction(List.of("a"), "b", List.of(), NO, NO, NO, false, false, List.of(),
                true)),
        RenderOptions.defaults().withColumnLimit(0),
        """
        FROM alpine
        COPY a.txt b.txt /dst/
        COPY --from=build --chown=app:app --chmod=0755 --link --parents --exclude=*.md --exclude=tmp/ /out/app /out/lib /usr/local/bin/
        COPY ["my file.txt", "/dst/"]
        COPY ["a", "b"]
        """));
    CASES.add(c("copyHeredoc", "COPY heredoc, ADD heredoc",
        () -> df(new CopyInstruction(List.of("<<EOF"), "/etc/app.conf",
                List.of(Heredoc.of("EOF", "port=${PORT}\n")), NO, NO, o("0644"), false, false,
                List.of(), false),
            new AddInstruction(List.of("<<'A'", "<<'B'"), "/files/", List.of(
                Heredoc.literal("A", "first\n"), Heredoc.literal("B", "second $x\n")), NO, NO,
                false, false, NO, Optional.empty(), List.of(), false)),
        """
        FROM alpine
        COPY --chmod=0644 <<EOF /etc/app.conf
        port=${PORT}
        EOF
        ADD <<'A' <<'B' /files/
        first
        A
        second $x
        B
        """));
    CASES.add(c("add", "ADD, ADD --chown, ADD --chmod, ADD --link, ADD --keep-git-dir, "
            + "ADD --checksum, ADD --unpack, ADD --exclude, ADD URL, ADD git, ADD JSON",
        () -> df(AddInstruction.of("rootfs.tar.xz", "/"),
            new AddInstruction(List.of("https://example.com/app.tar.gz"), "/opt/", List.of(),
                o("1000:1000"), o("u+rwx,go+rx"), true, false,
                o("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
                Optional.of(true), List.of(), false),
            new AddInstruction(List.of("https://github.com/moby/buildkit.git#v0.13.0"), "/src",
                List.of(), NO, NO, false, true, NO, Optional.of(false), List.of("docs"), false),
            new AddInstruction(List.of("my archive.tar"), "/x/", List.of(), NO, NO, false, false,
                NO, Optional.empty(), List.of(), true)),
        RenderOptions.defaults().withColumnLimit(0),
        """
        FROM alpine
        ADD rootfs.tar.xz /
        ADD --chown=1000:1000 --chmod=u+rwx,go+rx --link --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef --unpack=true https://example.com/app.tar.gz /opt/
        ADD --keep-git-dir --unpack=false --exclude=docs https://github.com/moby/buildkit.git#v0.13.0 /src
        ADD ["my archive.tar", "/x/"]
        """));
    CASES.add(c("volume", "VOLUME, VOLUME JSON",
        () -> df(VolumeInstruction.of("/data", "/logs"),
            VolumeInstruction.of("/my data"),
            new VolumeInstruction(List.of("/var/lib/db"), true)),
        """
        FROM alpine
        VOLUME /data /logs
        VOLUME ["/my data"]
        VOLUME ["/var/lib/db"]
        """));
    CASES.add(c("args", "ARG, ARG list, ARG default, global ARG",
        () -> Dockerfile.model(List.of(),
            List.of(new ArgInstruction(List.of(new ArgInstruction.Arg("BASE", o("alpine:3.19")),
                new ArgInstruction.Arg("TARGETARCH", NO)))),
            List.of(Stage.of(FromInstruction.of("${BASE}"), List.of(
                ArgInstruction.of("BASE"),
                new ArgInstruction(List.of(new ArgInstruction.Arg("A", NO),
                    new ArgInstruction.Arg("B", o("2")), new ArgInstruction.Arg("C", o("x y")),
                    new ArgInstruction.Arg("D", o("")))))))),
        """
        ARG BASE=alpine:3.19 TARGETARCH
        FROM ${BASE}
        ARG BASE
        ARG A B=2 C="x y" D=""
        """));
    CASES.add(c("onbuild", "ONBUILD",
        () -> df(new OnbuildInstruction(CopyInstruction.of(".", "/app/src")),
            new OnbuildInstruction(RunInstruction.of(Shell.chain("make", "make install"))),
            new OnbuildInstruction(run(Shell.of("<<EOF"), List.of(Heredoc.of("EOF", "echo\n"))))),
        """
        FROM alpine
        ONBUILD COPY . /app/src
        ONBUILD RUN make \\
            && make install
        ONBUILD RUN <<EOF
        echo
        EOF
        """));
    CASES.add(c("healthcheck", "HEALTHCHECK, HEALTHCHECK options, HEALTHCHECK NONE",
        () -> df(
            new HealthcheckInstruction(Optional.of(Shell.of("curl -f http://localhost/ || exit 1")),
                Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofSeconds(5)),
                Optional.of(Duration.ofMinutes(1).plusSeconds(30)),
                Optional.of(Duration.ofMillis(500)), OptionalInt.of(3)),
            HealthcheckInstruction.of(Exec.of("/healthcheck", "--quiet")),
            HealthcheckInstruction.none()),
        """
        FROM alpine
        HEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1
        HEALTHCHECK CMD ["/healthcheck", "--quiet"]
        HEALTHCHECK NONE
        """));
    CASES.add(c("shell", "SHELL",
        () -> df(ShellInstruction.of("/bin/bash", "-o", "pipefail", "-c")),
        """
        FROM alpine
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        """));
  }

  @TestFactory
  Stream<DynamicTest> goldenSnippets() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      String actual = Renderer.render(c.model().get(), c.options());
      Golden.compare(getClass().getSimpleName() + "#" + c.name(), c.expected(), actual);
    }));
  }

  @Test
  void everyChecklistItemHasAGoldenCase() {
    Set<String> items = new LinkedHashSet<>();
    for (String[] item : CHECKLIST) {
      assertThat(items.add(item[0])).as("duplicate checklist item %s", item[0]).isTrue();
    }
    Set<String> missing = new TreeSet<>(items);
    List<String> problems = new ArrayList<>();
    for (Case c : CASES) {
      String text = Renderer.render(c.model().get(), c.options());
      for (String item : c.covers()) {
        String[] row = CHECKLIST.stream().filter(r -> r[0].equals(item)).findFirst().orElse(null);
        if (row == null) {
          problems.add("case " + c.name() + " covers unknown item " + item);
        } else if (!text.contains(row[1])) {
          problems.add("case " + c.name() + " covers " + item + " but renders no " + row[1]);
        } else {
          missing.remove(item);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(missing).as("checklist items without a golden case").isEmpty();
  }


  static {
    CASES.add(c("directives", "directive syntax, directive check, directive escape",
        () -> Dockerfile.model(
            List.of(Directive.syntax("docker/dockerfile:1"),
                Directive.check("skip=JSONArgsRecommended;error=true"), Directive.escape('`')),
            List.of(), List.of(Stage.of(FromInstruction.of("alpine"),
                List.of(RunInstruction.shell("echo hi"))))),
        """
        # syntax=docker/dockerfile:1
        # check=skip=JSONArgsRecommended;error=true
        # escape=`

        FROM alpine
        RUN echo hi
        """));
  }
}
