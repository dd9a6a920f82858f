package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of git's gitignore documentation (gitignore(5)), as facts about the matcher. */
class IgnoreRulesTest {
  static IgnoreRules rules(String... lines) {
    return new IgnoreRules().add("", List.of(lines));
  }

  @Test
  void aNameWithoutSlashMatchesAtAnyDepth() {
    IgnoreRules r = rules("hello.*");
    assertThat(r.ignored("hello.c", false)).isTrue();
    assertThat(r.ignored("src/deep/hello.h", false)).isTrue();
    assertThat(r.ignored("hello", false)).isFalse();
  }

  @Test
  void aTrailingSlashMatchesDirectoriesOnly() {
    IgnoreRules r = rules("foo/");
    assertThat(r.matches("foo", true)).isTrue();
    assertThat(r.matches("foo", false)).isFalse();
    assertThat(r.ignored("a/foo/Dockerfile", false)).isTrue();
    assertThat(r.ignored("a/foo", false)).isFalse();
  }

  @Test
  void aSlashAtTheStartOrMiddleAnchorsThePattern() {
    IgnoreRules frotz = rules("doc/frotz/");
    assertThat(frotz.matches("doc/frotz", true)).isTrue();
    assertThat(frotz.matches("a/doc/frotz", true)).isFalse();
    IgnoreRules any = rules("frotz/");
    assertThat(any.matches("frotz", true)).isTrue();
    assertThat(any.matches("a/frotz", true)).isTrue();
    for (String p : List.of("doc/frotz", "/doc/frotz")) {
      assertThat(rules(p).matches("doc/frotz", false)).as(p).isTrue();
      assertThat(rules(p).matches("x/doc/frotz", false)).as(p).isFalse();
    }
    assertThat(rules("/bar").matches("bar", false)).isTrue();
    assertThat(rules("/bar").matches("a/bar", false)).isFalse();
  }

  @Test
  void anAsteriskDoesNotMatchASlash() {
    IgnoreRules r = rules("foo/*");
    assertThat(r.matches("foo/test.json", false)).isTrue();
    assertThat(r.matches("foo/bar", true)).isTrue();
    assertThat(r.matches("foo/bar/hello.c", false)).isFalse();
    assertThat(r.ignored("foo/bar/hello.c", false)).as("inside the ignored directory").isTrue();
    assertThat(rules("a?c").matches("abc", false)).isTrue();
    assertThat(rules("a?c").matches("a/c", false)).isFalse();
  }

  @Test
  void twoAsterisks() {
    IgnoreRules lead = rules("**/foo");
    assertThat(lead.matches("foo", false)).isTrue();
    assertThat(lead.matches("x/y/foo", true)).isTrue();
    IgnoreRules leadBar = rules("**/foo/bar");
    assertThat(leadBar.matches("foo/bar", false)).isTrue();
    assertThat(leadBar.matches("x/foo/bar", false)).isTrue();
    assertThat(leadBar.matches("x/foo/y/bar", false)).isFalse();
    IgnoreRules trail = rules("abc/**");
    assertThat(trail.matches("abc/x", false)).isTrue();
    assertThat(trail.matches("abc/x/y", false)).isTrue();
    assertThat(trail.matches("abc", true)).isFalse();
    IgnoreRules mid = rules("a/**/b");
    assertThat(mid.matches("a/b", false)).isTrue();
    assertThat(mid.matches("a/x/b", false)).isTrue();
    assertThat(mid.matches("a/x/y/b", false)).isTrue();
    assertThat(mid.matches("a/xb", false)).isFalse();
    IgnoreRules plain = rules("x**y");
    assertThat(plain.matches("xabcy", false)).as("other ** is a plain *").isTrue();
    assertThat(plain.matches("xa/by", false)).isFalse();
  }

  @Test
  void negationReincludesButNotBelowAnExcludedDirectory() {
    IgnoreRules r = rules("*.html", "!foo.html");
    assertThat(r.ignored("a.html", false)).isTrue();
    assertThat(r.ignored("d/foo.html", false)).isFalse();
    IgnoreRules onlyFooBar = rules("/*", "!/foo", "/foo/*", "!/foo/bar");
    assertThat(onlyFooBar.ignored("foo/bar/Dockerfile", false)).isFalse();
    assertThat(onlyFooBar.ignored("foo/baz/Dockerfile", false)).isTrue();
    assertThat(onlyFooBar.ignored("top/Dockerfile", false)).isTrue();
    IgnoreRules parent = rules("build/", "!build/keep");
    assertThat(parent.ignored("build/keep", false)).isTrue();
  }

  @Test
  void commentsEscapesAndTrailingSpaces() {
    IgnoreRules r = rules("# a comment", "", "\\#hash", "\\!bang", "trail   ", "space\\ ");
    assertThat(r.ignored("# a comment", false)).isFalse();
    assertThat(r.ignored("#hash", false)).isTrue();
    assertThat(r.ignored("!bang", false)).isTrue();
    assertThat(r.ignored("trail", false)).isTrue();
    assertThat(r.ignored("trail ", false)).isFalse();
    assertThat(r.ignored("space ", false)).isTrue();
    assertThat(r.ignored("space", false)).isFalse();
  }

  @Test
  void characterClasses() {
    IgnoreRules r = rules("[a-c].txt", "x[!0-9]", "[]]z");
    assertThat(r.ignored("b.txt", false)).isTrue();
    assertThat(r.ignored("d.txt", false)).isFalse();
    assertThat(r.ignored("xa", false)).isTrue();
    assertThat(r.ignored("x1", false)).isFalse();
    assertThat(r.ignored("]z", false)).isTrue();
    assertThat(rules("a[/]b").matches("a/b", false)).as("a class never matches /").isFalse();
  }

  @Test
  void patternsOfANestedFileAreRelativeToItsDirectory() {
    IgnoreRules r = new IgnoreRules().add("", List.of("*.log")).add("sub", List.of("/only",
        "!keep.log"));
    assertThat(r.ignored("sub/only", false)).isTrue();
    assertThat(r.ignored("only", false)).isFalse();
    assertThat(r.ignored("sub/x/only", false)).isFalse();
    assertThat(r.ignored("sub/keep.log", false)).isFalse();
    assertThat(r.ignored("keep.log", false)).isTrue();
  }
}
