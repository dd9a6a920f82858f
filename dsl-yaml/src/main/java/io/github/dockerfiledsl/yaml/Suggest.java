package io.github.dockerfiledsl.yaml;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
final class Suggest {
  private Suggest() {}

  /**
   * Returns the closest candidate within a small edit distance, or null.
   *
   * @param word the unknown word
   * @param candidates the known words
   * @return the suggestion or null
   */
  static String closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(1, Math.min(3, w.length() / 3));
    return bestDistance <= allowed ? best : null;
  }

  /**
   * Returns {@code " (did you mean 'x'?)"} or the empty string.
   *
   * @param word the unknown word
   * @param candidates the known words
   * @return the hint
   */
  static String hint(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
