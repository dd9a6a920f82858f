package io.github.dockerfiledsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds heredoc markers in an instruction line the way BuildKit does: the line is split into
 * shell words with quotes and escapes kept, and each word is matched against {@code
 * ^(\d*)<<(-?)([^<]*)$}.
 */
public final class HeredocMarkers {
  private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");

  /**
   * A marker found in a line.
   *
   * @param name the delimiter, quotes removed
   * @param expand whether the delimiter was unquoted
   * @param chomp whether the marker was {@code <<-}
   * @param fileDescriptor the file descriptor, 0 when none was written
   */
  public record Marker(String name, boolean expand, boolean chomp, int fileDescriptor) {}

  private HeredocMarkers() {}

  /**
   * Returns the heredoc markers of a line, in order.
   *
   * @param line the instruction line (after the keyword)
   * @return the markers
   */
  public static List<Marker> find(String line) {
    List<Marker> out = new ArrayList<>();
    for (String word : rawWords(line)) {
      Optional<Marker> m = marker(word);
      if (m.isPresent()) {
        out.add(m.get());
      }
    }
    return out;
  }

  /**
   * Returns the heredoc marker that a single raw word is, if it is one.
   *
   * @param word a raw word, quotes kept
   * @return the marker
   */
  public static Optional<Marker> marker(String word) {
    Matcher m = MARKER.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return Optional.empty();
    }
    String rest = m.group(3);
    boolean quoted = rest.indexOf('"') >= 0 || rest.indexOf('\'') >= 0;
    String name = rest.replace("\"", "").replace("'", "");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    int fd = 0;
    if (!m.group(1).isEmpty()) {
      try {
        fd = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        fd = Integer.MAX_VALUE;
      }
    }
    return Optional.of(new Marker(name, !quoted, !m.group(2).isEmpty(), fd));
  }

  /**
   * Returns whether the word, as written, would be read as a heredoc marker.
   *
   * @param word a raw word
   * @return true if it is a marker
   */
  public static boolean isMarker(String word) {
    return marker(word).isPresent();
  }

  /**
   * Splits a line into shell words at unquoted blanks (Go's {@code unicode.IsSpace}), keeping
   * quotes and backslashes.
   *
   * @param line the line
   * @return the words
   */
  public static List<String> rawWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        word.append(c);
        if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (Checks.isSpace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      word.append(c);
      if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '"' || c == '\'') {
        quote = c;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
