package io.github.dockerfiledsl.optimize;

import io.github.dockerfiledsl.Run;
import io.github.dockerfiledsl.instruction.Mount;
import io.github.dockerfiledsl.internal.Checks;

/**
 * Run-chain steps for {@code pip}: {@code --no-cache-dir} (hadolint DL3042).
 *
 * <pre>{@code
 * .run(Pip.requirements("requirements.txt"))
 * // RUN pip install --no-cache-dir -r requirements.txt
 * .run(Pip.install("flask>=3").withCacheMounts())
 * // RUN --mount=type=cache,target=/root/.cache/pip pip install 'flask>=3'
 * }</pre>
 */
public final class Pip {
  private static final String CACHE = "/root/.cache/pip";

  private Pip() {}

  /**
   * Returns {@code pip install --no-cache-dir packages}; specifiers with shell metacharacters
   * are quoted ({@code 'flask>=3'}).
   *
   * @param packages the requirement specifiers, at least one
   * @return the step
   */
  public static Run install(String... packages) {
    String words = Packages.words(packages, false);
    return Run.of("pip install --no-cache-dir " + words)
        .cachedVariant(Run.of("pip install " + words).mount(Mount.cache(CACHE)));
  }

  /**
   * Returns {@code pip install --no-cache-dir -r file}.
   *
   * @param file the requirements file
   * @return the step
   */
  public static Run requirements(String file) {
    String f = Packages.words(new String[] {Checks.word(file, "requirements file")}, false);
    return Run.of("pip install --no-cache-dir -r " + f)
        .cachedVariant(Run.of("pip install -r " + f).mount(Mount.cache(CACHE)));
  }
}
