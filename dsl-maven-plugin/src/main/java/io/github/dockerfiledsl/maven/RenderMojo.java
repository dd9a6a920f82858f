package io.github.dockerfiledsl.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders YAML specs and Java suppliers to canonical Dockerfiles in the output directory. A file
 * whose content would not change is not written, so its modification time stays and incremental
 * builds see no change. Every source is rendered before anything is written: a mistake in one
 * leaves all outputs untouched.
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RenderMojo extends AbstractDockerfileMojo {
  /** Creates the goal; Maven sets its parameters. */
  public RenderMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("dockerfile-dsl: skipped");
      return;
    }
    List<Rendered> rendered = renderAll();
    int written = 0;
    for (Rendered r : rendered) {
      if (write(r.output(), r.text())) {
        written++;
        getLog().info("dockerfile-dsl: wrote " + display(r.output()) + " (from " + r.source()
            + ")");
      } else {
        getLog().debug("dockerfile-dsl: " + display(r.output()) + " is up to date");
      }
    }
    getLog().info("dockerfile-dsl: " + rendered.size() + " Dockerfile"
        + (rendered.size() == 1 ? "" : "s") + ", " + written + " written, "
        + (rendered.size() - written) + " up to date");
  }

  /**
   * Writes a file atomically unless it already holds exactly that text: the text goes to a
   * temporary file beside the target, which then replaces it in one rename.
   *
   * @param target the file
   * @param text the content
   * @return whether the file was written
   * @throws MojoExecutionException when it cannot be written
   */
  static boolean write(Path target, String text) throws MojoExecutionException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path abs = target.toAbsolutePath();
    try {
      if (Files.isRegularFile(abs) && Files.size(abs) == bytes.length
          && Arrays.equals(Files.readAllBytes(abs), bytes)) {
        return false;
      }
    } catch (IOException e) {
      throw new MojoExecutionException(target + ": cannot read: " + e.getMessage(), e);
    }
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
      Files.write(tmp, bytes);
      if (Files.exists(abs)) {
        try {
          Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(abs));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: default permissions
        }
      } else {
        try {
          Files.setPosixFilePermissions(tmp,
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system
        }
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return true;
    } catch (IOException e) {
      throw new MojoExecutionException(target + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // best effort
        }
      }
    }
  }
}
