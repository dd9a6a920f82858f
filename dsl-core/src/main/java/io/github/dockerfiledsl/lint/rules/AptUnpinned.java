package io.github.dockerfiledsl.lint.rules;

import java.util.List;
import java.util.Set;

/**
 * DF115: {@code apt-get install} of packages without a version ({@code curl=7.88.1-10}), so
 * rebuilds install whatever is current. Reported as info: pinning is a trade-off against
 * security updates.
 */
public final class AptUnpinned extends UnpinnedPackages {
  /** Creates the rule. */
  public AptUnpinned() {
    super("DF115", "AptUnpinned", "DL3008", "apt-get", "install",
        Set.of("-o", "-t", "--target-release"), "=", "curl=7.88.1-10");
  }

  /**
   * Returns the message.
   *
   * @param packages the unpinned packages
   * @return the message
   */
  public static String message(List<String> packages) {
    return message("apt-get install", packages, "curl=7.88.1-10");
  }
}
