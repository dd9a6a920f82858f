package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Stage;
import io.github.dockerfiledsl.instruction.AddInstruction;
import io.github.dockerfiledsl.instruction.CopyInstruction;
import io.github.dockerfiledsl.instruction.Instruction;
import io.github.dockerfiledsl.instruction.RunInstruction;
import io.github.dockerfiledsl.instruction.WorkdirInstruction;
import io.github.dockerfiledsl.lint.LintContext;
import io.github.dockerfiledsl.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * DF201: a RUN deletes a file (or the directory holding it) that an earlier instruction of the
 * stage added (COPY, ADD, or a download with {@code curl -o}/{@code wget -O}). Every instruction is a layer, so the file is
 * still in the image; delete it in the same RUN that created it, or use a multi-stage build or a
 * bind mount.
 */
public final class DeletedInLaterLayer extends AbstractRule {

  /** Creates the rule. */
  public DeletedInLaterLayer() {
    super("DF201", "DeletedInLaterLayer", Severity.WARNING,
        "deleting a file in a later layer than the one that added it does not shrink the image",
        null, null);
  }

  /**
   * Returns the message.
   *
   * @param path the deleted path
   * @param keyword the instruction that added it
   * @return the message
   */
  public static String message(String path, String keyword) {
    return "'" + path + "' added by an earlier " + keyword
        + " is deleted in a later layer; the image does not shrink (delete it in the same RUN, or use a multi-stage build or a bind mount)";
  }

  private record Added(String path, Instruction by) {}

  @Override
  public void check(LintContext context) {
    for (Stage s : context.dockerfile().stages()) {
      String workdir = "/";
      List<Added> added = new ArrayList<>();
      for (Instruction i : s.instructions()) {
        if (i instanceof WorkdirInstruction w) {
          workdir = Paths.resolve(workdir, w.path());
        } else if (i instanceof CopyInstruction c) {
          add(added, workdir, c.sources(), c.destination(), i);
        } else if (i instanceof AddInstruction a) {
          add(added, workdir, a.sources(), a.destination(), i);
        } else if (i instanceof RunInstruction r) {
          boolean reported = false;
          List<Added> created = new ArrayList<>();
          for (Script.Simple c : Script.of(r).commands()) {
            String p = c.program();
            if (p.equals("rm") && !reported) {
              for (String target : c.args()) {
                if (target.startsWith("-") || target.contains("$")) {
                  continue;
                }
                String t = Paths.resolve(workdir, target.replaceAll("[*?\\[].*$", ""));
                for (Added a : added) {
                  boolean fresh = created.stream().anyMatch(x -> Paths.isWithin(x.path, t));
                  if (!t.equals("/") && !fresh && Paths.isWithin(a.path, t)) {
                    context.report(this, r, message(target, a.by.keyword()));
                    reported = true;
                    break;
                  }
                }
                if (reported) {
                  break;
                }
              }
            } else if (p.equals("curl") || p.equals("wget")) {
              List<String> args = c.args();
              for (int k = 0; k + 1 < args.size(); k++) {
                if (p.equals("curl") && (args.get(k).equals("-o") || args.get(k).equals("--output"))
                    || p.equals("wget") && (args.get(k).equals("-O") || args.get(k).equals("--output-document"))) {
                  String out = args.get(k + 1);
                  if (!out.equals("-") && !out.contains("$")) {
                    created.add(new Added(Paths.resolve(workdir, out), r));
                  }
                }
              }
            }
          }
          added.addAll(created);
        }
      }
    }
  }

  private static void add(List<Added> added, String workdir, List<String> sources, String dest,
      Instruction by) {
    if (dest.contains("$")) {
      return;
    }
    String d = Paths.resolve(workdir, dest);
    boolean intoDir = dest.endsWith("/") || sources.size() > 1;
    for (String src : sources) {
      if (src.contains("$") || src.matches(".*[*?\\[].*") || src.contains("://")) {
        continue;
      }
      String base = Paths.baseName(src);
      if (src.startsWith("<<")) {
        base = src.replaceFirst("^<<-?", "").replace("\"", "").replace("'", "");
      }
      boolean directory = src.endsWith("/") || base.equals(".") || base.isEmpty();
      added.add(new Added(intoDir && !directory ? Paths.resolve(d, base) : d, by));
    }
  }
}
