package io.github.dockerfiledsl.eval;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A glob of a {@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}}, {@code ${v%%p}} or {@code
 * ${v/p/r}} substitution, matched in time linear in the value (issue 18).
 *
 * <p>The glob language is BuildKit's: {@code *} is any run of characters, {@code ?} any one
 * character (neither matches a newline), {@code \*}, {@code \?}, {@code \\}, {@code \}} and
 * {@code \/} stand for that character, any other escape and a backslash at the end are errors,
 * and every other character
 * (brackets included) stands for itself. BuildKit translates the glob to a Go regular expression
 * and takes the first match in the regular expression's preference order (Perl's leftmost-first
 * rule, with {@code .*} for a greedy and {@code .*?} for a lazy star); this class keeps exactly
 * that match but finds it by simulating the pattern's automaton one character at a time, keeping
 * the live states in preference order (Pike's VM, as RE2 does), instead of backtracking. A search
 * costs O(n * m) for a value of n characters and a glob of m tokens, whatever the glob, and uses
 * no recursion.
 *
 * <p>An instance keeps its work arrays: it is meant for one substitution and is not thread-safe.
 */
final class ShellPattern {
  /** Token for {@code ?}: any code point except a newline. */
  private static final int ANY = -1;
  /** Token for {@code *}: any run of code points without a newline. */
  private static final int STAR = -2;

  private final int[] tokens;
  private final boolean greedy;
  private int[] reversed;
  private final int[] states;
  private final int[] starts;
  private final int[] nextStates;
  private final int[] nextStarts;
  private final int[] marks;
  private final int[] stack;
  private int generation;

  private ShellPattern(int[] tokens, boolean greedy) {
    this.tokens = tokens;
    this.greedy = greedy;
    int size = tokens.length + 1;
    states = new int[size];
    starts = new int[size];
    nextStates = new int[size];
    nextStarts = new int[size];
    marks = new int[size];
    stack = new int[size];
  }

  /**
   * Compiles a glob.
   *
   * @param glob the glob, with its escapes
   * @param greedy whether {@code *} prefers the longest run ({@code ##}, {@code %%} and the
   *     replacement forms) or the shortest ({@code #}, {@code %})
   * @return the pattern
   * @throws IllegalArgumentException for an escape of another character than {@code * ? \ } /}
   */
  static ShellPattern compile(String glob, boolean greedy) {
    int[] out = new int[glob.length()];
    int n = 0;
    for (int i = 0; i < glob.length(); ) {
      int c = glob.codePointAt(i);
      i += Character.charCount(c);
      if (c == '*') {
        if (n == 0 || out[n - 1] != STAR) {
          // ** prefers the same match as *: a run of stars is one star
          out[n++] = STAR;
        }
      } else if (c == '?') {
        out[n++] = ANY;
      } else if (c == '\\') {
        if (i == glob.length()) {
          throw new IllegalArgumentException(
              "invalid escape '\\' at the end of pattern (" + glob + ")");
        }
        int e = glob.codePointAt(i);
        i += Character.charCount(e);
        if (e != '}' && e != '/' && e != '*' && e != '?' && e != '\\') {
          throw new IllegalArgumentException("invalid escape '\\" + new String(Character.toChars(e))
              + "' in pattern (" + glob + ")");
        }
        out[n++] = e;
      } else {
        out[n++] = c;
      }
    }
    return new ShellPattern(Arrays.copyOf(out, n), greedy);
  }

  /**
   * Removes the pattern's match at the start of a value ({@code ${v#p}}, {@code ${v##p}}).
   *
   * @param value the value
   * @return the value without its matched prefix, or the value if the pattern does not match there
   */
  String trimPrefix(String value) {
    long m = search(tokens, value, 0, true, false);
    return m < 0 ? value : value.substring(end(m));
  }

  /**
   * Removes the pattern's match at the end of a value ({@code ${v%p}}, {@code ${v%%p}}): the
   * match of the reversed pattern at the start of the reversed value, as BuildKit computes it,
   * here by reading the value backwards by code point.
   *
   * @param value the value
   * @return the value without its matched suffix, or the value if the pattern does not match there
   */
  String trimSuffix(String value) {
    if (reversed == null) {
      reversed = new int[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        reversed[i] = tokens[tokens.length - 1 - i];
      }
    }
    long m = search(reversed, value, value.length(), true, true);
    return m < 0 ? value : value.substring(0, end(m));
  }

  /**
   * Replaces the first match ({@code ${v/p/r}}) or every match ({@code ${v//p/r}}), searching
   * again where the last match ended (one character further after an empty match). As in Go's
   * {@code Regexp.ReplaceAllString}, which BuildKit uses, an empty match right where the previous
   * match ended is not replaced ({@code ${v//*\/x}} of {@code abc} is {@code x}, not {@code xx}).
   *
   * @param value the value
   * @param replacement the text for each match, taken literally
   * @param all whether to replace every match
   * @param lengthCheck called with the length of the result so far after each replacement, so
   *     that a caller can stop a result that grows too long
   * @return the value with the matches replaced
   */
  String replace(String value, String replacement, boolean all, LongConsumer lengthCheck) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int from = 0;
    int lastEnd = -1;
    while (from <= value.length()) {
      long m = find(value, from);
      if (m < 0) {
        break;
      }
      int matchStart = start(m);
      int matchEnd = end(m);
      if (matchEnd > matchStart || matchStart != lastEnd) {
        out.append(value, copied, matchStart).append(replacement);
        lengthCheck.accept(out.length());
        copied = matchEnd;
      }
      lastEnd = matchEnd;
      if (!all) {
        break;
      }
      if (matchEnd > matchStart) {
        from = matchEnd;
      } else if (matchEnd < value.length()) {
        from = matchEnd + Character.charCount(value.codePointAt(matchEnd));
      } else {
        break;
      }
    }
    return out.append(value, copied, value.length()).toString();
  }

  /**
   * Finds the first match at or after a position: the leftmost start, and at that start the
   * match the regular expression prefers.
   *
   * @param value the value
   * @param from the char index to search from
   * @return {@code start << 32 | end} in char indexes, or -1 without a match
   */
  long find(String value, int from) {
    return search(tokens, value, from, false, false);
  }

  /**
   * The start of a match from {@link #find}.
   *
   * @param match the match
   * @return its start
   */
  static int start(long match) {
    return (int) (match >>> 32);
  }

  /**
   * The end of a match from {@link #find}.
   *
   * @param match the match
   * @return its end
   */
  static int end(long match) {
    return (int) match;
  }

  /**
   * Runs the automaton of {@code tok} over {@code s} from {@code from}. The thread list holds at
   * most one thread per state, ordered by preference; a thread that reaches the accepting state
   * ends the threads after it, and a new thread starts at each position (unless anchored) after
   * the others until a match is found. Each step costs O(m), so the search costs O(n * m).
   */
  private long search(int[] tok, String s, int from, boolean anchored, boolean backward) {
    int m = tok.length;
    int[] cs = states;
    int[] cst = starts;
    int[] ns = nextStates;
    int[] nst = nextStarts;
    int cn = 0;
    long match = -1;
    int pos = from;
    int gen = nextGeneration();
    while (true) {
      if (match < 0 && (!anchored || pos == from)) {
        cn = add(tok, cs, cst, cn, 0, pos, gen);
      }
      if (cn == 0) {
        return match;
      }
      boolean atEnd = backward ? pos <= 0 : pos >= s.length();
      int c = atEnd ? -1 : backward ? s.codePointBefore(pos) : s.codePointAt(pos);
      int next = atEnd ? pos : backward ? pos - Character.charCount(c) : pos + Character.charCount(c);
      gen = nextGeneration();
      int nn = 0;
      for (int i = 0; i < cn; i++) {
        int st = cs[i];
        if (st == m) {
          // threads after this one are less preferred: this match beats them
          match = ((long) cst[i] << 32) | pos;
          break;
        }
        if (atEnd) {
          continue;
        }
        int t = tok[st];
        if (t == STAR) {
          if (c != '\n') {
            nn = add(tok, ns, nst, nn, st, cst[i], gen);
          }
        } else if (t == ANY ? c != '\n' : t == c) {
          nn = add(tok, ns, nst, nn, st + 1, cst[i], gen);
        }
      }
      if (atEnd) {
        return match;
      }
      int[] x = cs;
      cs = ns;
      ns = x;
      x = cst;
      cst = nst;
      nst = x;
      cn = nn;
      pos = next;
    }
  }

  /** A new mark for the next thread list (marks of older lists no longer count). */
  private int nextGeneration() {
    if (generation == Integer.MAX_VALUE) {
      Arrays.fill(marks, 0);
      generation = 0;
    }
    return ++generation;
  }

  /**
   * Adds a thread in state {@code st} and the states it reaches without reading, in preference
   * order, skipping states already in the list: a greedy star first keeps reading, then tries
   * what follows it; a lazy star the other way round. Iterative, so a run of stars costs no stack.
   */
  private int add(int[] tok, int[] list, int[] listStarts, int n, int st, int start, int gen) {
    int m = tok.length;
    if (greedy) {
      while (marks[st] != gen) {
        marks[st] = gen;
        list[n] = st;
        listStarts[n++] = start;
        if (st == m || tok[st] != STAR) {
          break;
        }
        st++;
      }
      return n;
    }
    int k = 0;
    while (marks[st] != gen) {
      marks[st] = gen;
      if (st < m && tok[st] == STAR) {
        stack[k++] = st++;
        continue;
      }
      list[n] = st;
      listStarts[n++] = start;
      break;
    }
    while (k > 0) {
      list[n] = stack[--k];
      listStarts[n++] = start;
    }
    return n;
  }
}
