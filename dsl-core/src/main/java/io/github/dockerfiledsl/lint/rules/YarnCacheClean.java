package io.github.dockerfiledsl.lint.rules;

/**
 * DF109: yarn install without yarn cache clean: the package cache stays in the layer unless it is cleaned in the same RUN. A
 * cache or tmpfs mount on /usr/local/share/.cache/yarn exempts the RUN. The fix appends {@code && yarn cache clean} (with the
 * program used).
 */
public final class YarnCacheClean extends PackageCacheClean {

  /** Creates the rule. */
  public YarnCacheClean() {
    super("DF109", "YarnCacheClean", "yarn install without yarn cache clean", "DL3060",
        "/usr/local/share/.cache/yarn", "yarn", "install", "yarn cache clean",
        "(.*\\byarn cache clean.*|rm( -\\S+)* .*yarn.*)");
  }
}
