package io.github.dockerfiledsl.yaml;

import io.github.dockerfiledsl.Shell;
import java.util.List;

/**
 * Package-manager helpers of the spec: install packages in one layer, with the cleanup that
 * keeps the package index out of the image.
 */
final class Packages {
  private Packages() {}

  /**
   * Returns the apt-get chain: update, install without recommended packages, remove the lists.
   *
   * @param packages the packages
   * @return the run chain
   */
  static Shell apt(List<String> packages) {
    return Shell.chain("apt-get update",
        "apt-get install -y --no-install-recommends " + String.join(" ", packages),
        "rm -rf /var/lib/apt/lists/*");
  }

  /**
   * Returns {@code apk add --no-cache ...}, which keeps no index to clean up.
   *
   * @param packages the packages
   * @return the command
   */
  static Shell apk(List<String> packages) {
    return Shell.of("apk add --no-cache " + String.join(" ", packages));
  }
}
