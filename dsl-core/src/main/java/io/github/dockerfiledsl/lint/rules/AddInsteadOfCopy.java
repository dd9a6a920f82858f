package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.lint.Fix;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DF111: ADD of local files that are not archives: COPY does the same without ADD's surprises
 * (URL download, automatic unpacking). ADD is for URLs, git repositories and local archives to
 * unpack. The fix replaces ADD with COPY, keeping the flags they share.
 */
public final class AddInsteadOfCopy extends AbstractRule {
  private static final Pattern ARCHIVE = Pattern.compile(
      ".*\\.(tar|tgz|tbz|tbz2|txz|tzst|tar\\.gz|tar\\.bz2|tar\\.xz|tar\\.zst|gz|bz2|xz|zst|lz4|zip)$");

  /** Creates the rule. */
  public AddInsteadOfCopy() {
    super("DF111", "AddInsteadOfCopy", Severity.WARNING,
        "use COPY for local files; ADD only for URLs and archives to unpack", null, "DL3020");
  }

  /**
   * Returns the message.
   *
   * @param sources the sources
   * @return the message
   */
  public static String message(String sources) {
    return "ADD of local files (" + sources + ") should be COPY; ADD is for URLs and archives to unpack";
  }

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      for (Instruction i : s.instructions()) {
        check(context, i);
      }
    }
  }

  private void check(LintContext context, Instruction i) {
    if (!(i instanceof AddInstruction a) || a.hasRemoteSource() || a.keepGitDir()
        || a.checksum().isPresent() || a.unpack().isPresent()) {
      return;
    }
    boolean archiveOrUnknown = false;
    if (a.heredocs().isEmpty()) {
      for (String src : a.sources()) {
        if (src.contains("$") || ARCHIVE.matcher(src.toLowerCase(Locale.ROOT)).matches()) {
          archiveOrUnknown = true;
          break;
        }
      }
    }
    if (archiveOrUnknown) {
      return;
    }
    CopyInstruction copy = new CopyInstruction(a.sources(), a.destination(), a.heredocs(),
        Optional.empty(), a.chown(), a.chmod(), a.link(), false, a.excludes(), a.json());
    context.report(this, i, message(String.join(" ", a.sources())),
        new Fix("replace ADD with COPY", d -> Edit.replace(d, i, copy)));
  }
}
