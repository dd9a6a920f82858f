package io.github.dockerfiledsl.internal;

import java.util.Arrays;

/**
 * A persistent set of strings: {@link #add} returns a new set that shares all but O(log n) of its
 * nodes with the old one, which stays unchanged, so every step of the builder can hold the stage
 * names visible to it and branches never see each other's names. A hash array mapped trie: 32-way
 * nodes indexed by 5 bits of the hash at each level (at most 7 levels), and a list at the bottom
 * for strings whose hashes are equal. {@code add} and {@code contains} cost O(1) in practice
 * (O(log32 n) nodes); the nodes are immutable, so a set may be shared between threads.
 */
final class NameSet {
  /** The empty set. */
  static final NameSet EMPTY = new NameSet(new Node(0, new Object[0]), 0);

  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;

  /**
   * A trie node: {@code bitmap} says which of the 32 slots are present; {@code slots} holds, in
   * slot order, a {@link String}, a {@link Node} one level down or, below the last level, a
   * {@code String[]} of strings with one hash.
   */
  private record Node(int bitmap, Object[] slots) {}

  private final Node root;
  private final int size;

  private NameSet(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  /**
   * Returns the number of strings.
   *
   * @return the size
   */
  int size() {
    return size;
  }

  /**
   * Returns whether the set holds a string.
   *
   * @param s the string
   * @return whether it is in the set
   */
  boolean contains(String s) {
    int h = s.hashCode();
    Node n = root;
    for (int shift = 0; ; shift += BITS) {
      if (shift >= Integer.SIZE) {
        return false; // unreachable: strings with one hash sit in a String[] above this level
      }
      int bit = 1 << ((h >>> shift) & MASK);
      if ((n.bitmap & bit) == 0) {
        return false;
      }
      Object slot = n.slots[Integer.bitCount(n.bitmap & (bit - 1))];
      if (slot instanceof Node child) {
        n = child;
      } else if (slot instanceof String t) {
        return t.equals(s);
      } else {
        return Arrays.asList((String[]) slot).contains(s);
      }
    }
  }

  /**
   * Returns the set with one more string; this set is unchanged.
   *
   * @param s the string
   * @return the new set, or this set if it already holds the string
   */
  NameSet add(String s) {
    if (contains(s)) {
      return this;
    }
    return new NameSet(add(root, s, s.hashCode(), 0), size + 1);
  }

  /** Copies the path to the string's slot; at most 7 levels deep, whatever the input. */
  private static Node add(Node n, String s, int h, int shift) {
    int bit = 1 << ((h >>> shift) & MASK);
    int index = Integer.bitCount(n.bitmap & (bit - 1));
    if ((n.bitmap & bit) == 0) {
      Object[] slots = new Object[n.slots.length + 1];
      System.arraycopy(n.slots, 0, slots, 0, index);
      slots[index] = s;
      System.arraycopy(n.slots, index, slots, index + 1, n.slots.length - index);
      return new Node(n.bitmap | bit, slots);
    }
    Object slot = n.slots[index];
    Object replacement;
    if (slot instanceof Node child) {
      replacement = add(child, s, h, shift + BITS);
    } else if (slot instanceof String t) {
      replacement = pair(t, s, shift + BITS);
    } else {
      String[] same = (String[]) slot;
      String[] more = Arrays.copyOf(same, same.length + 1);
      more[same.length] = s;
      replacement = more;
    }
    Object[] slots = n.slots.clone();
    slots[index] = replacement;
    return new Node(n.bitmap, slots);
  }

  /** The slot for two different strings that share a slot down to {@code shift}. */
  private static Object pair(String a, String b, int shift) {
    int ha = a.hashCode();
    int hb = b.hashCode();
    if (ha == hb) {
      return new String[] {a, b};
    }
    // a chain of one-slot nodes down to the first level where the hashes differ (iterative)
    int level = shift;
    while (((ha >>> level) & MASK) == ((hb >>> level) & MASK)) {
      level += BITS;
    }
    int slotA = (ha >>> level) & MASK;
    int slotB = (hb >>> level) & MASK;
    int bitmap = (1 << slotA) | (1 << slotB);
    Node n = slotA < slotB ? new Node(bitmap, new Object[] {a, b})
        : new Node(bitmap, new Object[] {b, a});
    for (int l = level - BITS; l >= shift; l -= BITS) {
      n = new Node(1 << ((ha >>> l) & MASK), new Object[] {n});
    }
    return n;
  }
}
