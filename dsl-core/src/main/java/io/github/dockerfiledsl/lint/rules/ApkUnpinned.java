package io.github.dockerfiledsl.lint.rules;

import java.util.List;
import java.util.Set;

/**
 * DF116: {@code apk add} of packages without a version ({@code curl=8.5.0-r0}), so rebuilds
 * install whatever is current. Reported as info: pinning is a trade-off against security
 * updates.
 */
public final class ApkUnpinned extends UnpinnedPackages {
  /** Creates the rule. */
  public ApkUnpinned() {
    super("DF116", "ApkUnpinned", "DL3018", "apk", "add",
        Set.of("-t", "--virtual", "-X", "--repository", "--root", "-p"), "=~<>",
        "curl=8.5.0-r0");
  }

  /**
   * Returns the message.
   *
   * @param packages the unpinned packages
   * @return the message
   */
  public static String message(List<String> packages) {
    return message("apk add", packages, "curl=8.5.0-r0");
  }
}
