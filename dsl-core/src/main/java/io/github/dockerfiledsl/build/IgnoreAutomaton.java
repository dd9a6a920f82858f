package io.github.dockerfiledsl.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The automaton of one {@code .dockerignore} pattern of the regular-expression kind, matched in
 * time linear in the path (issue 18).
 *
 * <p>moby/patternmatcher translates such a pattern to a Go regular expression ({@code *} to
 * {@code [^/]*}, {@code ?} to {@code [^/]}, {@code **} to <code>(.*&#47;)?</code> or, at the end, {@code
 * .*}, character classes and escapes kept) and matches the whole path with it. This class
 * compiles the pattern to the same language as a list of tokens, one NFA state before each, and
 * matches by simulating the automaton with the set of live states, one code point at a time (as
 * RE2 and {@code ShellPattern} do), instead of backtracking. A match costs O(n * m) for a path of
 * n code points and a pattern of m tokens (a class counts its ranges), whatever the pattern, and
 * uses no recursion. One pass over a path also tells whether any of its parent directories
 * matches (see {@link #matchesOrParent}).
 *
 * <p>Tokens: a code point; {@code ?}; a class ({@code [...]}, {@code [^...]}, with ranges and
 * escapes as Go's {@code filepath.Match} reads them; {@code !} is no negation); {@code *}; {@code
 * **} in its two forms; an escape, which stands for the escaped character, except that, as in the
 * regular expression, {@code \a \f \n \r \t \v} are control characters, {@code \d \D \s \S \w \W}
 * Go's ASCII classes, {@code \b \B} word-boundary assertions, {@code \A} the start and {@code \z}
 * the end of the path; an unescaped {@code ^} asserts the start too. Any other escape of a letter
 * or digit makes the pattern malformed, as a class range such as {@code [l-O]} does: {@link
 * #compile} returns null and the caller reports the pattern when it is used.
 *
 * <p>Instances are immutable and thread-safe; each match allocates its own work arrays.
 */
final class IgnoreAutomaton {
  /** A code point: {@code arg} is the code point. */
  private static final byte CHAR = 0;
  /** {@code ?}: any code point but {@code /}. */
  private static final byte ANY = 1;
  /** A character class: {@code arg} indexes {@link #classes}. */
  private static final byte CLASS = 2;
  /** {@code *}: any run of code points without {@code /}. */
  private static final byte STAR = 3;
  /**
   * {@code **} before more pattern: empty, or any run ending in {@code /}; this state reads
   * nothing, and the next one, {@link #DIRS_LOOP}, reads the run.
   */
  private static final byte DIRS = 4;
  /** The run of {@code **} before more pattern: any code point, and out after a {@code /}. */
  private static final byte DIRS_LOOP = 10;
  /** {@code **} at the end: any run. */
  private static final byte ALL = 5;
  /** {@code ^} and {@code \A}: the start of the path. */
  private static final byte BEGIN = 6;
  /** {@code \z}: the end of the path. */
  private static final byte END = 7;
  /** {@code \b}: a word boundary (Go's ASCII word characters). */
  private static final byte WORD_BOUNDARY = 8;
  /** {@code \B}: no word boundary. */
  private static final byte NOT_WORD_BOUNDARY = 9;

  /** A class's ranges, {@code lo, hi} pairs, with the negation already applied. */
  private final int[][] classes;
  private final byte[] types;
  private final int[] args;

  private IgnoreAutomaton(byte[] types, int[] args, int[][] classes) {
    this.types = types;
    this.args = args;
    this.classes = classes;
  }

  /**
   * Compiles a cleaned pattern whose syntax Go's {@code filepath.Match} accepts.
   *
   * @param pattern the pattern
   * @return the automaton, or null if the regular expression patternmatcher makes of the pattern
   *     would not compile (a reversed range, an unknown escape)
   */
  static IgnoreAutomaton compile(String pattern) {
    int n = pattern.length();
    byte[] types = new byte[2 * n + 1];
    int[] args = new int[2 * n + 1];
    List<int[]> classes = new ArrayList<>();
    int m = 0;
    for (int i = 0; i < n; ) {
      int ch = pattern.codePointAt(i);
      i += Character.charCount(ch);
      if (ch == '*') {
        if (i < n && pattern.charAt(i) == '*') {
          i++;
          if (i < n && pattern.charAt(i) == '/') {
            i++;
          }
          if (i >= n) {
            types[m++] = ALL;
          } else {
            types[m++] = DIRS;
            types[m++] = DIRS_LOOP;
          }
        } else {
          types[m++] = STAR;
        }
      } else if (ch == '?') {
        types[m++] = ANY;
      } else if (ch == '^') {
        types[m++] = BEGIN;
      } else if (ch == '\\') {
        if (i >= n) {
          // patternmatcher keeps a trailing backslash as a literal one
          types[m] = CHAR;
          args[m++] = '\\';
          continue;
        }
        int e = pattern.codePointAt(i);
        i += Character.charCount(e);
        switch (e) {
          case 'A' -> types[m++] = BEGIN;
          case 'z' -> types[m++] = END;
          case 'b' -> types[m++] = WORD_BOUNDARY;
          case 'B' -> types[m++] = NOT_WORD_BOUNDARY;
          default -> {
            int[] perl = perlClass(e);
            if (perl != null) {
              types[m] = CLASS;
              args[m++] = classes.size();
              classes.add(perl);
            } else {
              int c = escapedChar(e);
              if (c < 0) {
                return null;
              }
              types[m] = CHAR;
              args[m++] = c;
            }
          }
        }
      } else if (ch == '[') {
        int[] end = new int[1];
        int[] ranges = parseClass(pattern, i, end);
        if (ranges == null) {
          return null;
        }
        i = end[0];
        types[m] = CLASS;
        args[m++] = classes.size();
        classes.add(ranges);
      } else {
        types[m] = CHAR;
        args[m++] = ch;
      }
    }
    return new IgnoreAutomaton(
        Arrays.copyOf(types, m), Arrays.copyOf(args, m), classes.toArray(new int[0][]));
  }

  /**
   * Reads a class after its {@code [} the way {@code filepath.Match} does: an optional {@code ^},
   * then characters and ranges, a character being any but {@code -} and {@code ]} or an escaped
   * one, up to the first {@code ]} after at least one. Returns the ranges, negated if need be,
   * and sets {@code end[0]} to the index after the {@code ]}; null for a malformed class.
   */
  private static int[] parseClass(String p, int i, int[] end) {
    int n = p.length();
    boolean negated = i < n && p.charAt(i) == '^';
    if (negated) {
      i++;
    }
    int[] ranges = new int[8];
    int r = 0;
    boolean first = true;
    boolean afterPerl = false;
    while (true) {
      if (i >= n) {
        return null;
      }
      int c = p.codePointAt(i);
      if (c == ']' && !first) {
        i++;
        break;
      }
      first = false;
      if (c == ']' || c == '-' && !afterPerl) {
        // after a Perl class, Go's parser reads a '-' as itself
        return null;
      }
      i += Character.charCount(c);
      int lo = c;
      int[] perl = null;
      if (c == '\\') {
        if (i >= n) {
          return null;
        }
        int e = p.codePointAt(i);
        i += Character.charCount(e);
        perl = perlClass(e);
        lo = perl != null ? -1 : escapedChar(e);
        if (perl == null && lo < 0) {
          return null;
        }
      }
      int hi = lo;
      if (perl == null && i + 1 < n && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
        i++;
        int c2 = p.codePointAt(i);
        i += Character.charCount(c2);
        if (c2 == '\\') {
          if (i >= n) {
            return null;
          }
          int e = p.codePointAt(i);
          i += Character.charCount(e);
          c2 = escapedChar(e);
          if (c2 < 0) {
            return null;
          }
        }
        hi = c2;
        if (hi < lo) {
          return null;
        }
      }
      afterPerl = perl != null;
      int[] add = perl != null ? perl : new int[] {lo, hi};
      if (r + add.length > ranges.length) {
        ranges = Arrays.copyOf(ranges, Math.max(ranges.length * 2, r + add.length));
      }
      System.arraycopy(add, 0, ranges, r, add.length);
      r += add.length;
    }
    end[0] = i;
    ranges = Arrays.copyOf(ranges, r);
    return negated ? negate(ranges) : ranges;
  }

  /**
   * The code point an escape stands for in Go's regular expressions: a control character for
   * {@code a f n r t v}, the character itself for ASCII punctuation, -1 for another (Go rejects
   * an escaped non-ASCII character; octal and hexadecimal escapes are not supported).
   */
  private static int escapedChar(int e) {
    return switch (e) {
      case 'a' -> 7;
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 11;
      default -> e >= 128 || Character.isLetterOrDigit(e) ? -1 : e;
    };
  }

  /** Go's Perl classes {@code \d \s \w} and their negations, as ranges; null for another. */
  private static int[] perlClass(int e) {
    return switch (e) {
      case 'd' -> new int[] {'0', '9'};
      case 'D' -> negate(new int[] {'0', '9'});
      case 's' -> new int[] {'\t', '\n', '\f', '\r', ' ', ' '};
      case 'S' -> negate(new int[] {'\t', '\n', '\f', '\r', ' ', ' '});
      case 'w' -> new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
      case 'W' -> negate(new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});
      default -> null;
    };
  }

  /** The complement of a set of ranges over all code points. */
  private static int[] negate(int[] ranges) {
    int[] sorted = sortedMerged(ranges);
    int[] out = new int[sorted.length + 2];
    int r = 0;
    int next = 0;
    for (int i = 0; i < sorted.length; i += 2) {
      if (sorted[i] > next) {
        out[r++] = next;
        out[r++] = sorted[i] - 1;
      }
      next = sorted[i + 1] + 1;
    }
    if (next <= Character.MAX_CODE_POINT) {
      out[r++] = next;
      out[r++] = Character.MAX_CODE_POINT;
    }
    return Arrays.copyOf(out, r);
  }

  private static int[] sortedMerged(int[] ranges) {
    int k = ranges.length / 2;
    long[] pairs = new long[k];
    for (int i = 0; i < k; i++) {
      pairs[i] = ((long) ranges[2 * i] << 32) | ranges[2 * i + 1];
    }
    Arrays.sort(pairs);
    int[] out = new int[ranges.length];
    int r = 0;
    for (long pair : pairs) {
      int lo = (int) (pair >>> 32);
      int hi = (int) pair;
      if (r > 0 && lo <= out[r - 1] + 1) {
        out[r - 1] = Math.max(out[r - 1], hi);
      } else {
        out[r++] = lo;
        out[r++] = hi;
      }
    }
    return Arrays.copyOf(out, r);
  }

  /**
   * Returns whether the whole path matches.
   *
   * @param path the path
   * @return true on a match
   */
  boolean matches(String path) {
    return run(path, false);
  }

  /**
   * Returns whether the path, or one of its prefixes that ends right before a {@code /}, matches
   * (the path and its parent directories, in one pass). A prefix is matched as a path of its own:
   * at its end, {@code \z} holds and {@code \b} sees no next character.
   *
   * @param path the path
   * @return true on a match
   */
  boolean matchesOrParent(String path) {
    return run(path, true);
  }

  private boolean run(String s, boolean prefixes) {
    int m = types.length;
    int[] cur = new int[m + 1];
    int[] next = new int[m + 1];
    int[] marks = new int[m + 1];
    int[] scratch = prefixes ? new int[m + 1] : null;
    int gen = 0;
    int n = s.length();
    int prev = -1;
    int pos = 0;
    // the kernel: states entered by reading (or the start state)
    int kn = 1;
    cur[0] = 0;
    while (true) {
      if (gen > Integer.MAX_VALUE - 4) {
        Arrays.fill(marks, 0);
        gen = 0;
      }
      int c = pos < n ? s.codePointAt(pos) : -1;
      if (prefixes && c == '/' && accepts(cur, kn, scratch, marks, ++gen, prev, pos)) {
        return true;
      }
      // close the kernel over the moves that read nothing, in this position's context
      gen++;
      int cn = 0;
      int[] list = next;
      for (int i = 0; i < kn; i++) {
        cn = close(cur[i], list, cn, marks, gen, prev, c, pos, n);
      }
      if (c < 0) {
        for (int i = 0; i < cn; i++) {
          if (list[i] == m) {
            return true;
          }
        }
        return false;
      }
      // read c: the new kernel goes to cur
      gen++;
      kn = 0;
      for (int i = 0; i < cn; i++) {
        int st = list[i];
        if (st == m) {
          continue;
        }
        int to = -1;
        int stay = -1;
        switch (types[st]) {
          case CHAR -> to = args[st] == c ? st + 1 : -1;
          case ANY -> to = c != '/' ? st + 1 : -1;
          case CLASS -> to = inClass(classes[args[st]], c) ? st + 1 : -1;
          case STAR -> stay = c != '/' ? st : -1;
          case DIRS_LOOP -> {
            stay = st;
            to = c == '/' ? st + 1 : -1;
          }
          case ALL -> stay = st;
          default -> { }
        }
        if (stay >= 0 && marks[stay] != gen) {
          marks[stay] = gen;
          cur[kn++] = stay;
        }
        if (to >= 0 && marks[to] != gen) {
          marks[to] = gen;
          cur[kn++] = to;
        }
      }
      if (kn == 0) {
        return false;
      }
      prev = c;
      pos += Character.charCount(c);
    }
  }

  /**
   * Whether the kernel reaches the accepting state at the end of a prefix ending at {@code pos}
   * (so {@code \z} holds there and {@code \b} sees no next code point).
   */
  private boolean accepts(int[] kernel, int kn, int[] list, int[] marks, int gen, int prev,
      int pos) {
    int n = 0;
    for (int i = 0; i < kn; i++) {
      n = close(kernel[i], list, n, marks, gen, prev, -1, pos, pos);
    }
    for (int i = 0; i < n; i++) {
      if (list[i] == types.length) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds state {@code st} and the states it reaches without reading to {@code list}, skipping
   * states marked {@code gen}; returns the new length. Each state but {@link #DIRS} has at most one
   * such move, to the next state; {@link #DIRS} has two, to its loop (which has none) and past
   * it. So a loop, not recursion, follows them.
   */
  private int close(int st, int[] list, int n, int[] marks, int gen, int prev, int c, int pos,
      int end) {
    int m = types.length;
    while (marks[st] != gen) {
      marks[st] = gen;
      list[n++] = st;
      if (st == m) {
        break;
      }
      if (types[st] == DIRS) {
        int loop = st + 1;
        if (marks[loop] != gen) {
          marks[loop] = gen;
          list[n++] = loop;
        }
        st += 2;
      } else if (passes(st, prev, c, pos, end)) {
        st++;
      } else {
        break;
      }
    }
    return n;
  }

  /**
   * Whether state {@code st} moves on to {@code st + 1} without reading, at position {@code pos}
   * of a text of length {@code end}, between code points {@code prev} and {@code c} (-1 for
   * none).
   */
  private boolean passes(int st, int prev, int c, int pos, int end) {
    return switch (types[st]) {
      case STAR, ALL -> true;
      case BEGIN -> pos == 0;
      case END -> pos == end;
      case WORD_BOUNDARY -> isWord(prev) != isWord(c);
      case NOT_WORD_BOUNDARY -> isWord(prev) == isWord(c);
      default -> false;
    };
  }

  private static boolean isWord(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean inClass(int[] ranges, int c) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (c >= ranges[i] && c <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }
}
