package io.github.dockerfiledsl.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals' parameters and sources, run without Maven: mistakes get clear messages. */
class MojoConfigTest {
  @TempDir Path dir;

  /** Two static methods: the configuration must name one. */
  public static final class TwoImages {
    private TwoImages() {}

    public static Dockerfile web() {
      return Dockerfile.from("nginx:1.27").build();
    }

    public static Dockerfile api() {
      return Dockerfile.from("eclipse-temurin:17-jre").build();
    }
  }

  /** A supplier that returns something else. */
  public static final class NotADockerfile implements Supplier<Object> {
    @Override
    public Object get() {
      return "FROM scratch";
    }
  }

  private <T extends AbstractDockerfileMojo> T configure(T mojo) {
    Model model = new Model();
    model.setBuild(new Build());
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve("pom.xml").toFile());
    project.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    project.getBuild().setDirectory(dir.resolve("target").toString());
    mojo.project = project;
    mojo.specDirectory = new File("src/main/dockerfile-dsl");
    mojo.outputDirectory = dir.toFile();
    return mojo;
  }

  private LintMojo lint() {
    LintMojo mojo = configure(new LintMojo());
    mojo.failOn = "error";
    mojo.sarifFile = new File("target/dockerfile-dsl/lint.sarif");
    return mojo;
  }

  @Test
  void unknownFailOnIsNamed() {
    LintMojo mojo = lint();
    mojo.failOn = "fatal";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("failOn: 'fatal' is not one of error, warning, info, none");
  }

  @Test
  void unknownRuleAndUnknownSeverityAreNamed() {
    LintMojo mojo = lint();
    mojo.severities = Map.of("NoSuchRule", "error");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("severities: no lint rule named 'NoSuchRule'");
    mojo.severities = Map.of("DL3007", "fatal");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("severities: DL3007: 'fatal' is not one of error, warning, info, off");
  }

  @Test
  void failOnWarningFailsOnAWarningAndWritesSarifFirst() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM debian:latest\n");
    LintMojo mojo = lint();
    mojo.execute(); // a warning only
    mojo.failOn = "warning";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 lint finding at or above warning (failOn)");
    assertThat(dir.resolve("target/dockerfile-dsl/lint.sarif")).content()
        .contains("\"ruleId\":\"DF114\"").contains("\"uri\":\"Dockerfile\"");
    mojo.failOn = "none";
    mojo.severities = Map.of("LatestTag", "error");
    mojo.execute();
  }

  @Test
  void aParseErrorNamesFileLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN\n");
    assertThatThrownBy(lint()::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("Dockerfile:2:");
  }

  @Test
  void supplierMistakesAreNamed() {
    RenderMojo mojo = configure(new RenderMojo());
    SupplierSource missing = new SupplierSource();
    missing.setClassName("com.example.Missing");
    SupplierSource ambiguous = new SupplierSource();
    ambiguous.setClassName(TwoImages.class.getName());
    SupplierSource wrongType = new SupplierSource();
    wrongType.setClassName(NotADockerfile.class.getName());
    SupplierSource noMethod = new SupplierSource();
    noMethod.setClassName(TwoImages.class.getName());
    noMethod.setMethod("worker");
    mojo.suppliers = List.of(missing, ambiguous, wrongType, noMethod);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("com.example.Missing: class not found on the project's class path")
        .hasMessageContaining(TwoImages.class.getName() + ": implements no Supplier<Dockerfile>"
            + " and has 2 public static methods returning Dockerfile (api, web); name one with"
            + " <method>")
        .hasMessageContaining(NotADockerfile.class.getName()
            + ": returned a java.lang.String, not a Dockerfile")
        .hasMessageContaining(TwoImages.class.getName() + "#worker: no public method worker()");
    assertThat(dir.toFile().list()).isEmpty(); // nothing written
  }

  @Test
  void twoSourcesForOneOutputAreRejected() {
    RenderMojo mojo = configure(new RenderMojo());
    SupplierSource web = new SupplierSource();
    web.setClassName(TwoImages.class.getName());
    web.setMethod("web");
    web.setOutput("Dockerfile");
    SupplierSource api = new SupplierSource();
    api.setClassName(TwoImages.class.getName());
    api.setMethod("api");
    api.setOutput("./Dockerfile");
    mojo.suppliers = List.of(web, api);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("Dockerfile: written by both " + web + " and " + api);
  }

  @Test
  void renderWritesOnlyChangedFiles() throws Exception {
    RenderMojo mojo = configure(new RenderMojo());
    SupplierSource web = new SupplierSource();
    web.setClassName(TwoImages.class.getName());
    web.setMethod("web");
    mojo.suppliers = List.of(web);
    mojo.execute();
    Path out = dir.resolve("web.Dockerfile");
    assertThat(out).content().isEqualTo("FROM nginx:1.27\n");
    Files.setLastModifiedTime(out, java.nio.file.attribute.FileTime.fromMillis(978307200000L));
    mojo.execute();
    assertThat(Files.getLastModifiedTime(out).toMillis()).isEqualTo(978307200000L);
  }
}
