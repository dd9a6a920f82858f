package io.github.dockerfiledsl.maven;

import io.github.dockerfiledsl.parse.DockerfileParseException;
import io.github.dockerfiledsl.parse.DockerfileParser;
import io.github.dockerfiledsl.render.UnifiedDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when a committed Dockerfile is not what {@code render} would write, or when a
 * hand-written Dockerfile is not in canonical format ({@code dockerfile-dsl fmt} would change
 * it), and logs a unified diff of each difference (committed file to expected text, so {@code git
 * apply} can take it). Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractDockerfileMojo {
  /** Also checks that the hand-written Dockerfiles are in canonical format. */
  @Parameter(property = "dockerfile-dsl.checkFormat", defaultValue = "true")
  protected boolean checkFormat;

  /** Creates the goal; Maven sets its parameters. */
  public CheckMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("dockerfile-dsl: skipped");
      return;
    }
    List<Rendered> rendered = renderAll();
    List<String> differing = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    StringBuilder diffs = new StringBuilder();
    for (Rendered r : rendered) {
      String name = display(r.output());
      if (!Files.exists(r.output())) {
        differing.add(name + " (missing)");
        diffs.append(UnifiedDiff.forLog().diff("/dev/null", "b/" + name, "", r.text()));
        continue;
      }
      try {
        String committed = read(r.output());
        String diff = UnifiedDiff.forLog().diff("a/" + name, "b/" + name, committed, r.text());
        if (!diff.isEmpty()) {
          differing.add(name + " (rendered from " + r.source() + ")");
          diffs.append(diff);
        }
      } catch (SourceException e) {
        problems.add(e.getMessage());
      }
    }
    int hand = 0;
    if (checkFormat) {
      for (Path p : handWritten(rendered)) {
        hand++;
        String name = display(p);
        try {
          String text = read(p);
          String canonical = DockerfileParser.parse(name, text).render();
          String diff = UnifiedDiff.forLog().diff("a/" + name, "b/" + name, text, canonical);
          if (!diff.isEmpty()) {
            differing.add(name + " (not in canonical format)");
            diffs.append(diff);
          }
        } catch (SourceException e) {
          problems.add(e.getMessage());
        } catch (DockerfileParseException e) {
          problems.add(e.getMessage());
        } catch (IllegalArgumentException e) {
          problems.add(name + ": cannot render: " + e.getMessage());
        }
      }
    }
    if (!diffs.isEmpty()) {
      getLog().error("dockerfile-dsl: what render and fmt would change (a unified diff that git"
          + " apply takes):\n" + diffs);
    }
    if (!differing.isEmpty() || !problems.isEmpty()) {
      StringBuilder msg = new StringBuilder();
      problems.forEach(p -> msg.append(p).append('\n'));
      if (!differing.isEmpty()) {
        msg.append(differing.size()).append(differing.size() == 1 ? " Dockerfile differs" :
            " Dockerfiles differ").append(" from what dockerfile-dsl would write: ")
            .append(String.join(", ", differing)).append(". Run 'mvn dockerfile-dsl:render' for"
                + " rendered files and 'dockerfile-dsl fmt -w FILE' for hand-written ones.");
      }
      throw new MojoFailureException(msg.toString().strip());
    }
    getLog().info("dockerfile-dsl: " + rendered.size() + " rendered and " + hand
        + " hand-written Dockerfile" + (rendered.size() + hand == 1 ? "" : "s")
        + " up to date");
  }
}
