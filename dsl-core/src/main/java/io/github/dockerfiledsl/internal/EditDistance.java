package io.github.dockerfiledsl.internal;

/** The Levenshtein distance behind "did you mean" hints (lint rules and the command line). */
public final class EditDistance {
  private EditDistance() {}

  /**
   * Returns the number of single-character insertions, deletions and substitutions that turn one
   * string into the other, in time proportional to the product of their lengths and space
   * proportional to the second's.
   *
   * @param a one string
   * @param b the other
   * @return the distance
   */
  public static int levenshtein(String a, String b) {
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
