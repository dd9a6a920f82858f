package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by COPY and ADD. */
final class Sources {
  private static final Pattern URL = Pattern.compile("(?i)(https?://|git@|git://|ssh://).*");

  private Sources() {}

  static List<String> check(List<String> sources, String destination, String keyword) {
    List<String> copy = Checks.list(sources, keyword + " sources");
    Checks.check(!copy.isEmpty(), "%s needs at least one source", keyword);
    for (String s : copy) {
      Checks.word(s, keyword + " source");
    }
    // an empty destination ("COPY x ''") is what BuildKit's own tests build: the working directory
    Checks.singleLine(Checks.notNull(destination, keyword + " destination"), keyword + " destination");
    Checks.check(
        !destination.startsWith("<<"),
        "%s destination (%s) must not be a heredoc",
        keyword,
        Checks.quote(destination));
    return copy;
  }

  static boolean isUrl(String source) {
    return URL.matcher(source).matches();
  }
}
