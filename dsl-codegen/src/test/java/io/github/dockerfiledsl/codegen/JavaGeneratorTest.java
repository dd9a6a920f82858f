package io.github.dockerfiledsl.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.CmdInstruction;
import io.github.dockerfiledsl.instruction.Comment;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Directive;
import io.github.dockerfiledsl.instruction.EnvInstruction;
import io.github.dockerfiledsl.instruction.ExposeInstruction;
import io.github.dockerfiledsl.instruction.FromInstruction;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.ArgInstruction;
import io.github.dockerfiledsl.instruction.BlankLine;
import io.github.dockerfiledsl.instruction.EntrypointInstruction;
import io.github.dockerfiledsl.instruction.HealthcheckInstruction;
import io.github.dockerfiledsl.instruction.KeyValue;
import io.github.dockerfiledsl.instruction.LabelInstruction;
import io.github.dockerfiledsl.instruction.MaintainerInstruction;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.instruction.OnbuildInstruction;
import io.github.dockerfiledsl.instruction.ShellInstruction;
import io.github.dockerfiledsl.instruction.StopsignalInstruction;
import io.github.dockerfiledsl.instruction.UserInstruction;
import io.github.dockerfiledsl.instruction.VolumeInstruction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JavaGeneratorTest {

  @Test
  void rebuildsTheDjangoSeed() throws Exception {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("python:3.4"), List.of(
        RunInstruction.of(Shell.chain("apt-get update",
            "apt-get install -y --no-install-recommends postgresql-client",
            "rm -rf /var/lib/apt/lists/*")),
        WorkdirInstruction.of("/usr/src/app"),
        CopyInstruction.of("requirements.txt", "./"),
        RunInstruction.shell("pip install -r requirements.txt"),
        CopyInstruction.of(".", "."),
        ExposeInstruction.of(8000),
        CmdInstruction.of(Exec.of("python", "manage.py", "runserver", "0.0.0.0:8000")))));
    assertThat(RoundTrip.run(d, JavaOptions.defaults()).render()).isEqualTo(d.render());
  }

  @Test
  void keepsHeredocsCommentsEscapesAndStageNames() throws Exception {
    String body = "echo \"\"\"quoted\"\"\" \\u0041 \\\\ $HOME\n\tindented with a tab\n"
        + "trailing blanks   \n   \n\nlast\n";
    Dockerfile d = Dockerfile.model(List.of(Directive.syntax("docker/dockerfile:1")), List.of(),
        List.of(
            Stage.of(List.of(Comment.of("build it")), FromInstruction.of("golang:1.22").withName("build-env"),
                List.of(new RunInstruction(Shell.of("<<EOF"), List.of(Heredoc.of("EOF", body)),
                    List.of(), Optional.empty(), Optional.empty(), List.of()))),
            Stage.of(FromInstruction.of("alpine").withName("final"), List.of(
                CopyInstruction.of("/out", "/usr/bin/").withFrom("build-env"),
                EnvInstruction.of("GREETING", "héllo \"wörld\" \\ \u0001")))));
    String source = new JavaGenerator(JavaOptions.defaults()).generate(d);
    assertThat(source).contains("StageRef buildEnv = ", ".copy(buildEnv, \"/out\", \"/usr/bin/\")", "\"\"\"\n");
    assertThat(RoundTrip.run(d, new JavaOptions("", "Plain", false)).render()).isEqualTo(d.render());
  }

  @Test
  void rebuildsEveryInstructionAndFlag() throws Exception {
    Dockerfile d = Dockerfile.model(
        List.of(Directive.syntax("docker/dockerfile:1.7"), Directive.escape('\\'),
            Directive.check("skip=JSONArgsRecommended")),
        List.of(Comment.of("global"), ArgInstruction.of("BASE", "alpine:3.20"),
            new ArgInstruction(List.of(new ArgInstruction.Arg("A", Optional.empty()),
                new ArgInstruction.Arg("B", Optional.of("x y"))))),
        List.of(
            Stage.of(FromInstruction.of("$BASE").withPlatform("$BUILDPLATFORM").withName("base"),
                List.of(
                    new RunInstruction(Shell.lines("set -eux;", "  make \\'a   b\\'", "    # note",
                        "  install"), List.of(), List.of(
                        Mount.cache("/var/cache/apt").withSharing(Mount.Sharing.LOCKED).withId("apt"),
                        Mount.bind("/src"),
                        new Mount.Bind(Optional.of("/ctx"), Optional.of("sub"), Optional.of("alpine:3.20"), true),
                        Mount.tmpfs("/tmp"), new Mount.Tmpfs("/t2", Optional.of("64m")),
                        Mount.secret("token"), Mount.secret("npm").withEnv("NPM_TOKEN").withRequired(true),
                        Mount.ssh(), new Mount.Ssh(Optional.of("gh"), Optional.empty(), true,
                            Optional.of("0600"), Optional.of("1"), Optional.of("2"))),
                        Optional.of(RunInstruction.Network.NONE),
                        Optional.of(RunInstruction.Security.INSECURE), List.of("nvidia.com/gpu=all")),
                    RunInstruction.of(Exec.of("echo", "a \"b\"", "$HOME")),
                    new RunInstruction(Shell.of("python3 <<-'PY' 3<<EOF2"), List.of(
                        new Heredoc("PY", "\tprint('hi')\n", false, true, 0),
                        new Heredoc("EOF2", "x\n", true, false, 3)),
                        List.of(), Optional.empty(), Optional.empty(), List.of()),
                    BlankLine.INSTANCE,
                    new Comment("#not a directive"),
                    CmdInstruction.of(Shell.of("echo hi")),
                    CmdInstruction.of(Exec.empty()),
                    EntrypointInstruction.of(Exec.of("/entry.sh")),
                    new LabelInstruction(List.of(KeyValue.of("a", "1"), KeyValue.of("b c", "two words"))),
                    LabelInstruction.of("org.opencontainers.image.title", "x"),
                    new EnvInstruction(List.of(KeyValue.of("A", "1"), KeyValue.of("B", "$A:2"))),
                    new MaintainerInstruction("Jane <jane@example.com>"),
                    new ExposeInstruction(List.of("80", "443/tcp", "$PORT")),
                    ExposeInstruction.of(8080),
                    AddInstruction.of("https://example.com/a.tgz", "/opt/"),
                    new AddInstruction(List.of("git@github.com:o/r.git"), "/src", List.of(),
                        Optional.of("1:1"), Optional.of("755"), true, true,
                        Optional.of("sha256:abc"), Optional.of(false), List.of("*.md"), false),
                    CopyInstruction.of(List.of("a", "b"), "/dst/").withChown("app").withChmod("644")
                        .withLink(true),
                    new CopyInstruction(List.of("<<EOF"), "/etc/conf", List.of(Heredoc.of("EOF", "k=v")),
                        Optional.empty(), Optional.empty(), Optional.empty(), false, true,
                        List.of("x"), false),
                    new CopyInstruction(List.of("my file"), "/dst dir/", List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, false, List.of(), true),
                    VolumeInstruction.of("/data", "/logs"),
                    new VolumeInstruction(List.of("/v"), true),
                    UserInstruction.of("app:app"),
                    WorkdirInstruction.of("/app"),
                    StopsignalInstruction.of("SIGQUIT"),
                    new OnbuildInstruction(RunInstruction.shell("echo onbuild")),
                    HealthcheckInstruction.none(),
                    HealthcheckInstruction.of(Exec.of("curl", "-f", "http://localhost/")),
                    new HealthcheckInstruction(Optional.of(Shell.of("true")),
                        Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofMillis(1500)),
                        Optional.of(Duration.ofMinutes(2)), Optional.of(Duration.ofHours(1)),
                        OptionalInt.of(3)),
                    ShellInstruction.of("/bin/bash", "-o", "pipefail", "-c"))),
            Stage.of(FromInstruction.of("scratch"), List.of(
                CopyInstruction.of("/app", "/app").withFrom("base")))));
    assertThat(RoundTrip.run(d, JavaOptions.defaults()).render()).isEqualTo(d.render());
  }

  @Test
  void writesACommentWithoutABlankThroughTheBuilder() throws Exception {
    Dockerfile d = Dockerfile.model(List.of(), List.of(new Comment("#generated#")), List.of(
        Stage.of(FromInstruction.of("alpine"), List.of(
            new Comment("no blank"), RunInstruction.shell("true")))));
    String source = new JavaGenerator(JavaOptions.defaults()).generate(d);
    assertThat(source).contains("Dockerfile.builder()", "comment(new Comment(\"#generated#\"))",
        "comment(new Comment(\"no blank\"))");
    assertThat(RoundTrip.run(d, JavaOptions.defaults()).render()).isEqualTo(d.render())
        .startsWith("##generated#\n");
  }

  @Test
  void fallsBackToTheModelRecordsWhereTheBuilderHasNoStep() throws Exception {
    // a COPY of two heredocs has no builder step
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(
        new CopyInstruction(List.of("<<A", "<<B"), "/etc/",
            List.of(Heredoc.of("A", "a"), Heredoc.of("B", "b")), Optional.empty(),
            Optional.empty(), Optional.empty(), false, false, List.of(), false))));
    String source = new JavaGenerator(JavaOptions.defaults()).generate(d);
    assertThat(source).contains("new CopyInstruction(").doesNotContain("Dockerfile.from(");
    assertThat(RoundTrip.run(d, JavaOptions.defaults()).render()).isEqualTo(d.render());
  }

  @Test
  void writesJsonFormVolumeAndLeadingZeroChmodThroughTheBuilder() throws Exception {
    Dockerfile d = Dockerfile.of(Stage.of(FromInstruction.of("alpine"), List.of(
        new VolumeInstruction(List.of("/data"), true),
        CopyInstruction.of("a", "/a").withChmod("0644"))));
    String source = new JavaGenerator(JavaOptions.defaults()).generate(d);
    assertThat(source).contains("Dockerfile.from(\"alpine\")", "volumeJson(\"/data\")",
        "Chmod.octal(\"0644\")");
    assertThat(RoundTrip.run(d, JavaOptions.defaults()).render()).isEqualTo(d.render());
  }

  @Test
  void usesTheBuilderWithHandlesChainsAndHelpers() throws Exception {
    Dockerfile d = Dockerfile.of(
        Stage.of(FromInstruction.of("golang:1.22").withName("build"), List.of(
            RunInstruction.shell("go build -o /out/app ."))),
        Stage.of(FromInstruction.of("debian:12"), List.of(
            RunInstruction.of(Shell.chain("apt-get update",
                "apt-get install -y --no-install-recommends curl", "rm -rf /var/lib/apt/lists/*",
                "make install", "rm -rf /tmp/build")),
            CopyInstruction.of("/out/app", "/app").withFrom("build"))));
    String source = new JavaGenerator(JavaOptions.defaults()).generate(d);
    assertThat(source).contains(
        "StageRef build = dockerfile.from(\"golang:1.22\").as(\"build\")",
        ".run(Apt.install(\"curl\"))\n        .run(\"make install\")\n"
            + "        .cleanup(\"rm -rf /tmp/build\")",
        ".copy(build, \"/out/app\", \"/app\")");
    assertThat(RoundTrip.run(d, JavaOptions.defaults()).render()).isEqualTo(d.render());
  }
}
