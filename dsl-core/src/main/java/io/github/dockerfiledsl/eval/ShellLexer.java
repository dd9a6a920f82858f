package io.github.dockerfiledsl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expands variables in a Dockerfile word and splits it into words, the way BuildKit's builder does.
 *
 * <p>Supported forms: {@code $v}, {@code ${v}}, {@code ${v:-w}}, {@code ${v-w}}, {@code ${v:+w}},
 * {@code ${v+w}}, {@code ${v:?m}}, {@code ${v?m}}, {@code ${v#p}}, {@code ${v##p}}, {@code
 * ${v%p}}, {@code ${v%%p}}, {@code ${v/p/r}} and {@code ${v//p/r}}, where patterns are globs with
 * {@code *} and {@code ?}. Single quotes stop expansion, double quotes allow it, the escape
 * character (backslash or backtick) escapes the next character. Other forms ({@code ${v:=w}},
 * {@code ${v:1:2}}, {@code ${#v}}, {@code ${}}, a missing {@code }}) throw {@link
 * SubstitutionException}.
 *
 * <pre>{@code
 * ShellLexer.standard().expand("${NAME:-x}/bin", Map.of("NAME", "/opt")::get)  // "/opt/bin"
 * ShellLexer.standard().words("80 '443 x'", name -> null)                        // [80, 443 x]
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the {@code withX} methods return modified copies.
 */
public final class ShellLexer {
  /**
   * The deepest nesting of {@code ${...}} substitutions accepted ({@code ${a:-${b:-x}}} nests two
   * levels); deeper nesting throws {@link SubstitutionException}, so the lexer's own recursion
   * stays bounded whatever the input.
   */
  public static final int MAX_NESTING_DEPTH = 100;

  /**
   * The longest expansion accepted, in UTF-16 units (1 MiB characters); a longer result, such as
   * the doubling {@code ARG A2=${A1}${A1}} chain, throws {@link SubstitutionException} instead
   * of exhausting memory.
   */
  public static final int MAX_EXPANDED_LENGTH = 1 << 20;

  private static final int EOF = -1;
  private static final ShellLexer STANDARD = new ShellLexer('\\', false, false, false, false);

  private final char escapeToken;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipUnsetEnv;
  private final boolean skipProcessQuotes;

  private ShellLexer(
      char escapeToken,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipUnsetEnv,
      boolean skipProcessQuotes) {
    this.escapeToken = escapeToken;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnsetEnv = skipUnsetEnv;
    this.skipProcessQuotes = skipProcessQuotes;
  }

  /**
   * Returns the lexer with backslash as escape character, quotes and escapes removed.
   *
   * @return the standard lexer
   */
  public static ShellLexer standard() {
    return STANDARD;
  }

  /**
   * Returns a lexer for the given escape character.
   *
   * @param escapeToken {@code '\\'} or {@code '`'}
   * @return a lexer using that escape character
   * @throws IllegalArgumentException for any other character
   */
  public static ShellLexer withEscape(char escapeToken) {
    if (escapeToken != '\\' && escapeToken != '`') {
      throw new IllegalArgumentException(
          "escape token (" + escapeToken + ") must be a backslash or a backtick");
    }
    return new ShellLexer(escapeToken, false, false, false, false);
  }

  /**
   * Returns a copy that keeps quote characters in the output (raw mode, used to detect heredocs).
   *
   * @param raw whether to keep quotes
   * @return the modified lexer
   */
  public ShellLexer withRawQuotes(boolean raw) {
    return new ShellLexer(escapeToken, raw, rawEscapes, skipUnsetEnv, skipProcessQuotes);
  }

  /**
   * Returns a copy that keeps escape characters in the output (raw mode, used to detect heredocs).
   *
   * @param raw whether to keep escape characters
   * @return the modified lexer
   */
  public ShellLexer withRawEscapes(boolean raw) {
    return new ShellLexer(escapeToken, rawQuotes, raw, skipUnsetEnv, skipProcessQuotes);
  }

  /**
   * Returns a copy that leaves references to unset variables as written instead of expanding them
   * to the empty string.
   *
   * @param skip whether to keep references to unset variables
   * @return the modified lexer
   */
  public ShellLexer withSkipUnsetEnv(boolean skip) {
    return new ShellLexer(escapeToken, rawQuotes, rawEscapes, skip, skipProcessQuotes);
  }

  /**
   * Returns a copy that treats quote characters as ordinary characters (used for heredoc bodies).
   *
   * @param skip whether quotes are ordinary characters
   * @return the modified lexer
   */
  public ShellLexer withSkipProcessQuotes(boolean skip) {
    return new ShellLexer(escapeToken, rawQuotes, rawEscapes, skipUnsetEnv, skip);
  }

  /**
   * Returns the escape character of this lexer.
   *
   * @return {@code '\\'} or {@code '`'}
   */
  public char escapeToken() {
    return escapeToken;
  }

  /**
   * Expands variables and removes quotes and escapes, keeping blanks between words.
   *
   * @param text the word to process
   * @param env variable lookup, returning {@code null} for an unset variable
   * @return the expanded text
   * @throws SubstitutionException for a rejected form or an unmatched quote or brace
   */
  public String expand(String text, Function<String, String> env) {
    return process(text, env).word();
  }

  /**
   * Expands variables like {@link #expand} and splits the result on blanks outside quotes, as
   * BuildKit does for EXPOSE-like contexts.
   *
   * @param text the text to process
   * @param env variable lookup, returning {@code null} for an unset variable
   * @return the words, never containing an empty word
   * @throws SubstitutionException for a rejected form or an unmatched quote or brace
   */
  public List<String> words(String text, Function<String, String> env) {
    return process(text, env).words();
  }

  /**
   * Expands variables with the values of a map.
   *
   * @param text the word to process
   * @param env the variables
   * @return the expanded text
   * @throws SubstitutionException for a rejected form or an unmatched quote or brace
   */
  public String expand(String text, Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    return expand(text, env::get);
  }

  /**
   * The result of processing a text: the expanded text and its split words.
   *
   * @param word the expanded text with blanks kept
   * @param words the words, split on blanks outside quotes
   */
  public record Result(String word, List<String> words) {
    /**
     * Creates a result.
     *
     * @param word the expanded text with blanks kept
     * @param words the words
     */
    public Result {
      Objects.requireNonNull(word, "word == null");
      words = List.copyOf(words);
    }
  }

  /**
   * Processes a text, returning both the expanded text and its words.
   *
   * @param text the text to process
   * @param env variable lookup, returning {@code null} for an unset variable
   * @return the expanded text and the words
   * @throws SubstitutionException for a rejected form or an unmatched quote or brace
   */
  public Result process(String text, Function<String, String> env) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(env, "env == null");
    Run run = new Run(text, env);
    StringBuilder word = new StringBuilder();
    List<String> words = run.stopOn(word, new int[0], false);
    return new Result(word.toString(), words);
  }

  static boolean isSpace(int ch) {
    return io.github.dockerfiledsl.internal.Checks.isSpace(ch);
  }

  /** Accumulates words the way BuildKit does: blanks from expansions split, quoted text never. */
  private static final class Words {
    private final StringBuilder word = new StringBuilder();
    private final List<String> words = new ArrayList<>();
    private boolean inWord;

    void addChar(int ch) {
      if (isSpace(ch)) {
        if (inWord && word.length() != 0) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      word.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String s) {
      for (int i = 0; i < s.length(); ) {
        int ch = s.codePointAt(i);
        addChar(ch);
        i += Character.charCount(ch);
      }
    }

    void addRawString(String s) {
      word.append(s);
      inWord = true;
    }

    List<String> get() {
      if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
      return words;
    }
  }

  /** One pass over a text. */
  private final class Run {
    private final String text;
    private final Function<String, String> env;
    private int pos;
    private int depth;

    Run(String text, Function<String, String> env) {
      this.text = text;
      this.env = env;
    }

    int peek() {
      return pos < text.length() ? text.codePointAt(pos) : EOF;
    }

    int next() {
      if (pos >= text.length()) {
        return EOF;
      }
      int ch = text.codePointAt(pos);
      pos += Character.charCount(ch);
      return ch;
    }

    SubstitutionException error(String message) {
      return new SubstitutionException(message, text, Math.min(pos, text.length()));
    }

    /** Throws when an expansion grows past {@link #MAX_EXPANDED_LENGTH}. */
    void checkLength(long length) {
      if (length > MAX_EXPANDED_LENGTH) {
        throw error("expanded value longer than " + MAX_EXPANDED_LENGTH + " characters");
      }
    }

    /**
     * Processes until one of the stop characters (consumed) or the end; with no stop characters
     * the end is expected.
     */
    List<String> stopOn(StringBuilder result, int[] stops, boolean keepEscapes) {
      Words words = new Words();
      while (peek() != EOF) {
        int ch = peek();
        for (int stop : stops) {
          if (ch == stop) {
            next();
            return words.get();
          }
        }
        if (ch == '$') {
          String tmp = dollar();
          checkLength((long) result.length() + tmp.length());
          result.append(tmp);
          words.addString(tmp);
        } else if (!skipProcessQuotes && (ch == '\'' || ch == '"')) {
          String tmp = ch == '\'' ? singleQuote() : doubleQuote();
          checkLength((long) result.length() + tmp.length());
          result.append(tmp);
          words.addRawString(tmp);
        } else {
          ch = next();
          if (ch == escapeToken) {
            if (rawEscapes || keepEscapes) {
              words.addRawChar(ch);
              result.appendCodePoint(ch);
            }
            ch = next();
            if (ch == EOF) {
              break;
            }
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result.appendCodePoint(ch);
        }
      }
      if (stops.length > 0) {
        throw error("unexpected end of statement while looking for matching " + describe(stops));
      }
      return words.get();
    }

    private String describe(int[] stops) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < stops.length; i++) {
        if (i > 0) {
          sb.append(" or ");
        }
        sb.append('\'').appendCodePoint(stops[i]).append('\'');
      }
      return sb.toString();
    }

    String singleQuote() {
      StringBuilder sb = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        sb.appendCodePoint(ch);
      }
      while (true) {
        ch = next();
        if (ch == EOF) {
          throw error("unexpected end of statement while looking for matching single-quote");
        }
        if (ch == '\'') {
          if (rawQuotes) {
            sb.appendCodePoint(ch);
          }
          return sb.toString();
        }
        sb.appendCodePoint(ch);
      }
    }

    String doubleQuote() {
      StringBuilder sb = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        sb.appendCodePoint(ch);
      }
      while (true) {
        int p = peek();
        if (p == EOF) {
          throw error("unexpected end of statement while looking for matching double-quote");
        }
        if (p == '"') {
          next();
          if (rawQuotes) {
            sb.append('"');
          }
          return sb.toString();
        }
        if (p == '$') {
          String tmp = dollar();
          checkLength((long) sb.length() + tmp.length());
          sb.append(tmp);
          continue;
        }
        ch = next();
        if (ch == escapeToken) {
          int q = peek();
          if (q == EOF) {
            continue;
          }
          if (q == '"' || q == '$' || q == escapeToken) {
            if (rawEscapes) {
              sb.appendCodePoint(ch);
            }
            ch = next();
          }
        }
        sb.appendCodePoint(ch);
      }
    }

    String lookup(String name) {
      return env.apply(name);
    }

    String dollar() {
      int start = pos;
      next();
      if (peek() != '{') {
        String name = name();
        if (name.isEmpty()) {
          return "$";
        }
        String value = lookup(name);
        if (value == null) {
          return skipUnsetEnv ? "$" + name : "";
        }
        return value;
      }
      next();
      int p = peek();
      if (p == EOF) {
        throw error("syntax error: missing '}' in " + text.substring(start));
      }
      if (p == '{' || p == '}' || p == ':') {
        throw error("syntax error: bad substitution in " + text.substring(start, pos + 1));
      }
      String name = name();
      if (name.isEmpty()) {
        throw error("syntax error: bad substitution in " + text.substring(start, pos));
      }
      int ch = next();
      if (ch == EOF) {
        throw error("syntax error: missing '}' in " + text.substring(start));
      }
      if (ch == '}') {
        String value = lookup(name);
        if (value == null) {
          return skipUnsetEnv ? "${" + name + "}" : "";
        }
        return value;
      }
      String modifier = new String(Character.toChars(ch));
      boolean nullIsUnset = false;
      if (ch == ':') {
        nullIsUnset = true;
        ch = next();
        if (ch == EOF) {
          throw error("syntax error: missing '}' in " + text.substring(start));
        }
        modifier += new String(Character.toChars(ch));
        if (ch != '-' && ch != '+' && ch != '?') {
          throw error(
              "unsupported modifier ("
                  + modifier
                  + ") in substitution "
                  + text.substring(start, pos));
        }
      }
      switch (ch) {
        case '-':
        case '+':
        case '?':
        case '#':
        case '%':
          {
            boolean pattern = ch == '#' || ch == '%';
            StringBuilder wordSb = new StringBuilder();
            stopOrMissingBrace(wordSb, new int[] {'}'}, pattern, start);
            String word = wordSb.toString();
            String value = lookup(name);
            boolean set = value != null;
            if (skipUnsetEnv && !set) {
              return "${" + name + modifier + word + "}";
            }
            String v = set ? value : "";
            boolean unset = !set || (nullIsUnset && v.isEmpty());
            switch (ch) {
              case '-':
                return unset ? word : v;
              case '+':
                return unset ? "" : word;
              case '?':
                if (unset) {
                  String message = !set ? "is not allowed to be unset" : "is not allowed to be empty";
                  throw error(name + ": " + (word.isEmpty() ? message : word));
                }
                return v;
              default:
                boolean greedy = !word.isEmpty() && word.codePointAt(0) == ch;
                if (greedy) {
                  word = word.substring(1);
                }
                return ch == '#' ? trimPrefix(word, v, greedy) : trimSuffix(word, v, greedy);
            }
          }
        case '/':
          {
            boolean all = peek() == '/';
            if (all) {
              next();
            }
            StringBuilder patternSb = new StringBuilder();
            int before = pos;
            stopOrMissingBrace(patternSb, new int[] {'/', '}'}, true, start);
            // did we stop on '/' (replacement follows) or on '}' (no replacement)?
            boolean hasReplacement = pos > before && text.charAt(pos - 1) == '/';
            String replacement = "";
            if (hasReplacement) {
              StringBuilder replSb = new StringBuilder();
              stopOrMissingBrace(replSb, new int[] {'}'}, false, start);
              replacement = replSb.toString();
            }
            String pattern = patternSb.toString();
            String value = lookup(name);
            if (skipUnsetEnv && value == null) {
              return "${" + name + (all ? "//" : "/") + pattern + "/" + replacement + "}";
            }
            String v = value == null ? "" : value;
            String replaced =
                pattern(pattern, true).replace(v, replacement, all, this::checkLength);
            checkLength(replaced.length());
            return replaced;
          }
        default:
          throw error(
              "unsupported modifier (" + modifier + ") in substitution " + text.substring(start, pos));
      }
    }

    private void stopOrMissingBrace(StringBuilder sb, int[] stops, boolean keepEscapes, int start) {
      if (depth >= MAX_NESTING_DEPTH) {
        throw error("variable substitutions nested deeper than " + MAX_NESTING_DEPTH + " levels");
      }
      depth++;
      try {
        stopOn(sb, stops, keepEscapes);
      } catch (SubstitutionException e) {
        if (peek() == EOF && !e.getMessage().startsWith("variable substitutions nested")
            && !e.getMessage().startsWith("expanded value longer")) {
          throw error("syntax error: missing '}' in " + text.substring(start));
        }
        throw e;
      } finally {
        depth--;
      }
    }

    String name() {
      StringBuilder sb = new StringBuilder();
      while (peek() != EOF) {
        int ch = peek();
        if (sb.length() == 0 && Character.isDigit(ch)) {
          while (peek() != EOF && Character.isDigit(peek())) {
            sb.appendCodePoint(next());
          }
          return sb.toString();
        }
        if (sb.length() == 0 && isSpecialParam(ch)) {
          next();
          return new String(Character.toChars(ch));
        }
        if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
          break;
        }
        sb.appendCodePoint(next());
      }
      return sb.toString();
    }

    private String trimPrefix(String word, String value, boolean greedy) {
      return pattern(word, greedy).trimPrefix(value);
    }

    private String trimSuffix(String word, String value, boolean greedy) {
      return pattern(word, greedy).trimSuffix(value);
    }

    private ShellPattern pattern(String glob, boolean greedy) {
      try {
        return ShellPattern.compile(glob, greedy);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }
  }

  private static boolean isSpecialParam(int ch) {
    switch (ch) {
      case '@':
      case '*':
      case '#':
      case '?':
      case '-':
      case '$':
      case '!':
      case '0':
        return true;
      default:
        return false;
    }
  }
}
