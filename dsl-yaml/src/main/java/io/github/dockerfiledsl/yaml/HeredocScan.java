package io.github.dockerfiledsl.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the heredoc markers ({@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'}, {@code 3<<EOF}) of
 * a command line or source list, the way BuildKit does: shell words with quotes kept, each
 * matched against {@code (\d*)<<(-?)(.+)}.
 */
final class HeredocScan {
  private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");

  /**
   * A marker.
   *
   * @param name the delimiter without quotes
   * @param expand whether the delimiter was unquoted
   * @param chomp whether it was {@code <<-}
   * @param fd the file descriptor, 0 when none
   */
  record Marker(String name, boolean expand, boolean chomp, int fd) {}

  private HeredocScan() {}

  static List<Marker> markers(String line) {
    List<Marker> out = new ArrayList<>();
    for (String word : words(line)) {
      Marker m = marker(word);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  static Marker marker(String word) {
    Matcher m = MARKER.matcher(word);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(3);
    boolean quoted = rest.indexOf('"') >= 0 || rest.indexOf('\'') >= 0;
    String name = rest.replace("\"", "").replace("'", "");
    if (name.isEmpty()) {
      return null;
    }
    int fd = 0;
    if (!m.group(1).isEmpty()) {
      try {
        fd = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        fd = Integer.MAX_VALUE;
      }
    }
    return new Marker(name, !quoted, !m.group(2).isEmpty(), fd);
  }

  private static List<String> words(String line) {
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
      if (Character.isWhitespace(c)) {
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
