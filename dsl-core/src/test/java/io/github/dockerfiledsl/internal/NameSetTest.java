package io.github.dockerfiledsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The persistent name set behind the builder's stage-name check, against a HashSet. */
class NameSetTest {

  @Property(tries = 300)
  void behavesLikeAHashSetAndKeepsEveryVersion(
      @ForAll @Size(max = 60) List<@StringLength(max = 3) String> names,
      @ForAll @Size(max = 20) List<@StringLength(max = 3) String> probes) {
    List<NameSet> versions = new ArrayList<>();
    List<Set<String>> expected = new ArrayList<>();
    NameSet set = NameSet.EMPTY;
    Set<String> model = new HashSet<>();
    for (String n : names) {
      versions.add(set);
      expected.add(Set.copyOf(model));
      set = set.add(n);
      model.add(n);
    }
    versions.add(set);
    expected.add(Set.copyOf(model));
    for (int v = 0; v < versions.size(); v++) {
      assertThat(versions.get(v).size()).isEqualTo(expected.get(v).size());
      for (String p : probes) {
        assertThat(versions.get(v).contains(p)).isEqualTo(expected.get(v).contains(p));
      }
      for (String n : names) {
        assertThat(versions.get(v).contains(n)).isEqualTo(expected.get(v).contains(n));
      }
    }
  }

  @Test
  void manyNamesAndEqualHashes() {
    NameSet set = NameSet.EMPTY;
    for (int i = 0; i < 100_000; i++) {
      set = set.add("s" + i);
    }
    assertThat(set.size()).isEqualTo(100_000);
    assertThat(set.contains("s99999")).isTrue();
    assertThat(set.contains("s100000")).isFalse();
    // "Aa" and "BB" share a hash code, and so do their concatenations
    NameSet colliding = NameSet.EMPTY.add("AaAa").add("BBBB").add("AaBB").add("BBAa");
    assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode());
    assertThat(colliding.size()).isEqualTo(4);
    assertThat(colliding.contains("BBAa")).isTrue();
    assertThat(colliding.contains("AaAb")).isFalse();
    assertThat(colliding.add("AaBB")).isSameAs(colliding);
    // branches of one set do not see each other
    NameSet left = set.add("left");
    NameSet right = set.add("right");
    assertThat(left.contains("right")).isFalse();
    assertThat(right.contains("left")).isFalse();
    assertThat(set.contains("left")).isFalse();
  }

  @Test
  void foldCaseIsEqualsIgnoreCase() {
    String[] names = {"build", "BUILD", "BuIlD", "k", "\u212a", "K", "s", "\u017f", "i", "\u0130",
        "\u0131", "stage-1", "Stage-1", "\ud801\udc00", "\ud801\udc28"};
    for (String a : names) {
      for (String b : names) {
        assertThat(BuilderRoot.foldCase(a).equals(BuilderRoot.foldCase(b)))
            .as("%s vs %s", a, b)
            .isEqualTo(a.equalsIgnoreCase(b));
      }
    }
  }
}
