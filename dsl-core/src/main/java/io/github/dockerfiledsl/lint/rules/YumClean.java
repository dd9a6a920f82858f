package io.github.dockerfiledsl.lint.rules;

/**
 * DF105: yum install without yum clean all: the package cache stays in the layer unless it is cleaned in the same RUN. A
 * cache or tmpfs mount on /var/cache/yum exempts the RUN. The fix appends {@code && yum clean all} (with the
 * program used).
 */
public final class YumClean extends PackageCacheClean {

  /** Creates the rule. */
  public YumClean() {
    super("DF105", "YumClean", "yum install without yum clean all", "DL3032",
        "/var/cache/yum", "yum", "install|groupinstall|localinstall", "yum clean all",
        "(.*\\byum clean all.*|rm( -\\S+)* /var/cache/yum.*)");
  }
}
