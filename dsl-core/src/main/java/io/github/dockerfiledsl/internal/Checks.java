package io.github.dockerfiledsl.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Argument checks shared by the model: one null policy (no nulls anywhere, optional values are
 * {@link Optional}) and messages that name the field and the offending value.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns the value, or throws a {@link NullPointerException} naming the field.
   *
   * @param value the value
   * @param field the field name used in the message
   * @param <T> the value type
   * @return the value
   */
  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " == null");
    }
    return value;
  }

  /**
   * Returns an immutable copy of the list, rejecting a null list or null elements.
   *
   * @param list the list
   * @param field the field name used in the message
   * @param <T> the element type
   * @return an immutable copy
   */
  public static <T> List<T> list(Collection<? extends T> list, String field) {
    notNull(list, field);
    List<T> copy = new ArrayList<>(list.size());
    int i = 0;
    for (T t : list) {
      if (t == null) {
        throw new NullPointerException(field + "[" + i + "] == null");
      }
      copy.add(t);
      i++;
    }
    return List.copyOf(copy);
  }

  /**
   * Returns the optional, rejecting a null optional.
   *
   * @param value the optional
   * @param field the field name used in the message
   * @param <T> the value type
   * @return the optional
   */
  public static <T> Optional<T> optional(Optional<T> value, String field) {
    return notNull(value, field);
  }

  /**
   * Rejects a string that is empty or only white space.
   *
   * @param value the string
   * @param field the field name used in the message
   * @return the string
   */
  public static String notBlank(String value, String field) {
    notNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " (" + quote(value) + ") must not be blank");
    }
    return value;
  }

  /**
   * Rejects a string containing a line break ({@code \n} or {@code \r}), which no single-line
   * Dockerfile value can carry.
   *
   * @param value the string
   * @param field the field name used in the message
   * @return the string
   */
  public static String singleLine(String value, String field) {
    text(value, field);
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          field + " (" + quote(value) + ") must not contain a line break");
    }
    return value;
  }

  /**
   * Rejects a string that is blank or contains a line break.
   *
   * @param value the string
   * @param field the field name used in the message
   * @return the string
   */
  public static String word(String value, String field) {
    return singleLine(notBlank(value, field), field);
  }

  /**
   * Throws an {@link IllegalArgumentException} with the message unless the condition holds.
   *
   * @param condition the condition
   * @param message the message, formatted with {@link String#format}
   * @param args the message arguments
   */
  public static void check(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }

  /**
   * Returns whether BuildKit treats the character as white space when it trims lines and
   * instructions (Go's {@code unicode.IsSpace}): ASCII blanks and line breaks, {@code U+0085},
   * {@code U+00A0}, {@code U+1680}, {@code U+2000..U+200A}, {@code U+2028}, {@code U+2029},
   * {@code U+202F}, {@code U+205F} and {@code U+3000}. Java's {@link Character#isWhitespace}
   * differs (it excludes the no-break spaces and includes {@code U+001C..U+001F}).
   *
   * @param c the character
   * @return true for BuildKit white space
   */
  public static boolean isSpace(int c) {
    switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> {
        return true;
      }
      default -> {
        return c >= 0x2000 && c <= 0x200A;
      }
    }
  }

  /**
   * Returns whether the string is empty or only BuildKit white space (see {@link #isSpace}).
   *
   * @param value the string
   * @return true if BuildKit would read nothing
   */
  public static boolean isBlankSpace(String value) {
    return stripLeadingSpace(value).isEmpty();
  }

  /**
   * Removes leading BuildKit white space (see {@link #isSpace}).
   *
   * @param value the string
   * @return the string without leading white space
   */
  public static String stripLeadingSpace(String value) {
    int i = 0;
    while (i < value.length() && isSpace(value.charAt(i))) {
      i++;
    }
    return value.substring(i);
  }

  /**
   * Removes trailing BuildKit white space (see {@link #isSpace}).
   *
   * @param value the string
   * @return the string without trailing white space
   */
  public static String stripTrailingSpace(String value) {
    int e = value.length();
    while (e > 0 && isSpace(value.charAt(e - 1))) {
      e--;
    }
    return value.substring(0, e);
  }

  /**
   * Rejects a string with an unpaired surrogate, which no UTF-8 Dockerfile can carry.
   *
   * @param value the string
   * @param field the field name used in the message
   * @return the string
   */
  public static String text(String value, String field) {
    notNull(value, field);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            field + " (" + quote(value) + ") must not contain an unpaired surrogate character");
      }
    }
    return value;
  }

  /**
   * Folds case so that two strings fold alike exactly when {@link String#equalsIgnoreCase}
   * holds for them (each code point mapped to upper, then lower case, as that method compares
   * them), for maps keyed by names that BuildKit compares without regard to case.
   *
   * @param s the string
   * @return the folded string
   */
  public static String foldCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      sb.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c)));
      i += Character.charCount(c);
    }
    return sb.toString();
  }

  /**
   * Quotes a value for an error message, showing control, format, unpaired surrogate and
   * non-ASCII blank characters as Java escapes, so that the message shows what is there.
   *
   * @param value the value
   * @return the quoted value
   */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c != ' ' && (Character.isSpaceChar(c) || isSpace(c))
              || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)
                  && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                      && Character.isLowSurrogate(value.charAt(i + 1))
                  || Character.isLowSurrogate(c) && i > 0
                      && Character.isHighSurrogate(value.charAt(i - 1)))) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('\'').toString();
  }

  /**
   * Returns a text fit for a terminal: control characters (C0 but tab, DEL, C1), format
   * characters (such as bidirectional overrides) and unpaired surrogates are written as {@code
   * \\uXXXX} ({@code \\n}, {@code \\r} for line breaks unless kept), so that nothing from the
   * input can move the cursor, ring the bell or change colours.
   *
   * @param text the text
   * @param keepNewlines whether {@code \\n} stays a line break (for multi-line messages)
   * @return the escaped text ({@code text} itself when nothing needs escaping)
   */
  public static String escapeControls(String text, boolean keepNewlines) {
    int n = text.length();
    int i = 0;
    while (i < n && !needsEscape(text, i, keepNewlines)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!needsEscape(text, i, keepNewlines)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean needsEscape(String text, int i, boolean keepNewlines) {
    char c = text.charAt(i);
    if (c == '\t' || c == '\n' && keepNewlines) {
      return false;
    }
    if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.getType(c) == Character.FORMAT) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
    }
    if (Character.isLowSurrogate(c)) {
      return !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
    }
    return false;
  }
}
