package io.github.dockerfiledsl.lint.rules;

/**
 * DF106: dnf or microdnf install without dnf clean all: the package cache stays in the layer unless it is cleaned in the same RUN. A
 * cache or tmpfs mount on /var/cache/dnf exempts the RUN. The fix appends {@code && PROGRAM clean all} (with the
 * program used).
 */
public final class DnfClean extends PackageCacheClean {

  /** Creates the rule. */
  public DnfClean() {
    super("DF106", "DnfClean", "dnf or microdnf install without dnf clean all", "DL3040",
        "/var/cache/dnf", "dnf|microdnf", "install|groupinstall|localinstall", "PROGRAM clean all",
        "(.*\\b(micro)?dnf clean all.*|rm( -\\S+)* /var/cache/(dnf|yum).*)");
  }
}
