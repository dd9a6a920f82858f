package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.internal.Checks;
import java.util.regex.Pattern;

/**
 * A here-document of a RUN, COPY or ADD: the lines after the instruction up to a line equal to
 * the delimiter.
 *
 * <pre>
 * RUN &lt;&lt;EOF
 * apt-get update
 * EOF
 * </pre>
 *
 * <p>The instruction text names the heredoc with a marker word ({@code <<EOF}, {@code <<-EOF},
 * {@code <<'EOF'}, {@code 3<<EOF}); the model keeps that word in the command line or source list
 * and this record holds its body.
 *
 * @param name the delimiter, without quotes
 * @param body the raw body, each line ending with {@code \n} (so empty or ending with {@code
 *     \n}); with {@link #chomp()} leading tabs are kept here and removed by BuildKit
 * @param expand whether variables in the body are expanded (the delimiter was not quoted)
 * @param chomp whether the marker was {@code <<-}, which strips leading tabs
 * @param fileDescriptor the file descriptor before {@code <<} (0 when none was written)
 */
public record Heredoc(String name, String body, boolean expand, boolean chomp, int fileDescriptor) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /**
   * Creates a heredoc, checking that the body cannot end it early.
   *
   * @param name the delimiter
   * @param body the body
   * @param expand whether variables in the body are expanded
   * @param chomp whether leading tabs are stripped
   * @param fileDescriptor the file descriptor
   */
  public Heredoc {
    Checks.word(name, "heredoc name");
    Checks.check(
        NAME.matcher(name).matches(),
        "heredoc name (%s) must consist of letters, digits, '_', '.' and '-'",
        Checks.quote(name));
    Checks.check(
        !name.startsWith("-"),
        "heredoc name (%s) must not start with '-', which would be read as <<- (strip tabs)",
        Checks.quote(name));
    Checks.notNull(body, "heredoc body");
    // the messages quote the body, so they are built only on failure (once per line would make
    // the check quadratic)
    if (!(body.isEmpty() || body.endsWith("\n"))) {
      throw new IllegalArgumentException(String.format(
          "heredoc body of %s (%s) must be empty or end with a line break", name,
          Checks.quote(body)));
    }
    Checks.text(body, "heredoc body of " + Checks.quote(name));
    if (body.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(String.format(
          "heredoc body of %s (%s) must not contain \\r", name, Checks.quote(body)));
    }
    Checks.check(fileDescriptor >= 0, "heredoc file descriptor (%s) must not be negative", fileDescriptor);
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      int from = start;
      if (chomp) {
        while (from < end && body.charAt(from) == '\t') {
          from++;
        }
      }
      if (end - from == name.length() && body.startsWith(name, from)) {
        throw new IllegalArgumentException(String.format(
            "heredoc body of %s (%s) must not contain a line equal to its delimiter", name,
            Checks.quote(body)));
      }
      start = end + 1;
    }
  }

  /**
   * Creates a heredoc with variable expansion, adding a final line break when missing.
   *
   * @param name the delimiter
   * @param body the body
   * @return the heredoc
   */
  public static Heredoc of(String name, String body) {
    return new Heredoc(name, terminated(body), true, false, 0);
  }

  /**
   * Creates a heredoc whose body is taken literally (the marker is quoted, {@code <<'EOF'}),
   * adding a final line break when missing.
   *
   * @param name the delimiter
   * @param body the body
   * @return the heredoc
   */
  public static Heredoc literal(String name, String body) {
    return new Heredoc(name, terminated(body), false, false, 0);
  }

  private static String terminated(String body) {
    Checks.notNull(body, "heredoc body");
    return body.isEmpty() || body.endsWith("\n") ? body : body + "\n";
  }

  /**
   * Returns the marker word that introduces this heredoc in canonical form: {@code <<EOF},
   * {@code <<-EOF}, {@code <<'EOF'}, {@code 3<<EOF}.
   *
   * @return the marker
   */
  public String marker() {
    return (fileDescriptor == 0 ? "" : String.valueOf(fileDescriptor))
        + "<<"
        + (chomp ? "-" : "")
        + (expand ? name : "'" + name + "'");
  }

  /**
   * Returns the content BuildKit uses: the body, with leading tabs removed from each line when
   * {@link #chomp()} is set.
   *
   * @return the content
   */
  public String content() {
    return chomp ? body.replaceAll("(?m)^\t+", "") : body;
  }
}
