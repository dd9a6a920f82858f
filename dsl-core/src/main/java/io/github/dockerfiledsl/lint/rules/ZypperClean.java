package io.github.dockerfiledsl.lint.rules;

/**
 * DF107: zypper install without zypper clean: the package cache stays in the layer unless it is cleaned in the same RUN. A
 * cache or tmpfs mount on /var/cache/zypp exempts the RUN. The fix appends {@code && zypper clean} (with the
 * program used).
 */
public final class ZypperClean extends PackageCacheClean {

  /** Creates the rule. */
  public ZypperClean() {
    super("DF107", "ZypperClean", "zypper install without zypper clean", "DL3036",
        "/var/cache/zypp", "zypper", "install|in|update|up|patch|dist-upgrade|dup", "zypper clean",
        ".*\\bzypper( -\\S+)* (clean|cc).*");
  }
}
