package io.github.dockerfiledsl.parse;

import java.util.Objects;

/**
 * One heredoc of an instruction as BuildKit reads it: {@code [fd]<<[-]NAME} and its body.
 *
 * @param name the delimiter with quotes removed
 * @param fileDescriptor the file descriptor before {@code <<}, {@code 0} when absent
 * @param expand whether the body is subject to variable expansion (no part of the delimiter was
 *     quoted)
 * @param chomp whether the delimiter was written {@code <<-} (leading tabs are stripped)
 * @param content the body, line terminators included, as written (tabs not yet stripped)
 */
public record Heredoc(
    String name, int fileDescriptor, boolean expand, boolean chomp, String content) {
  /**
   * Creates a heredoc.
   *
   * @param name the delimiter
   * @param fileDescriptor the file descriptor
   * @param expand whether the body is expanded
   * @param chomp whether leading tabs are stripped
   * @param content the body
   */
  public Heredoc {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(content, "content == null");
  }

  /**
   * Returns the body with leading tabs removed from every line when {@link #chomp()} is set.
   *
   * @return the effective body
   */
  public String effectiveContent() {
    if (!chomp) {
      return content;
    }
    StringBuilder sb = new StringBuilder(content.length());
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '\t') {
        continue;
      }
      sb.append(c);
      lineStart = c == '\n';
    }
    return sb.toString();
  }
}
