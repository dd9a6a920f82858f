package io.github.dockerfiledsl.cli;

import io.github.dockerfiledsl.ImageRef;
import io.github.dockerfiledsl.image.ImageResolutionException;
import io.github.dockerfiledsl.image.ImageRewrite;
import io.github.dockerfiledsl.registry.RegistryClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pin}: pins the images of Dockerfiles by digest, or checks that they are pinned. */
@Command(
    name = "pin",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Pins every image a Dockerfile pulls (FROM, COPY --from, RUN --mount=from=) to the digest"
          + " its tag names in the registry: name:tag@sha256:... (an untagged image is pinned as"
          + " name:latest@sha256:...). Stage names, scratch, references with variables and"
          + " already pinned references are left alone; only the references change in the"
          + " file. Files are rewritten in place, atomically and all or nothing; '-' reads"
          + " standard input and prints the result.",
      "With --check, nothing is written: exits 1 and lists every image that is not pinned or"
          + " whose tag no longer names its digest."
    })
final class PinCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegistryOptions registry;

  @Option(names = "--check", description = "List unpinned and stale references; exit 1 if any;"
      + " write nothing.")
  boolean check;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles ('-' for stdin).")
  List<String> files;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    RegistryClient client = registry.client();
    Map<String, String> digests = new HashMap<>();
    return ImageFiles.run(files, out, err, (name, text, located, findings) -> {
      if (check) {
        for (ImageLocations.Located l : located.uses()) {
          check(client, digests, located, l, findings);
        }
        return null;
      }
      try {
        return ImageRewrite.source(name, text, ImageRewrite.pin(ref -> digests
            .computeIfAbsent(ref.toString(), k -> client.digest(ref))));
      } catch (ImageResolutionException e) {
        throw new Failure(located.where(e.reference()) + ": " + e.getMessage());
      }
    });
  }

  private static void check(RegistryClient client, Map<String, String> digests,
      ImageLocations located, ImageLocations.Located l, List<String> findings) {
    ImageRef ref = l.use().reference();
    String where = located.where(l);
    if (ref.digest().isEmpty()) {
      findings.add(where + ": " + l.use().describe() + " is not pinned by digest");
      return;
    }
    if (ref.tag().isEmpty()) {
      return; // a digest alone: pinned, with no tag to compare
    }
    ImageRef tagged = ImageRef.parse(ref.name() + ":" + ref.tag().get());
    String now;
    try {
      now = digests.computeIfAbsent(tagged.toString(), k -> client.digest(tagged));
    } catch (ImageResolutionException e) {
      throw new Failure(where + ": " + e.getMessage());
    }
    if (!now.equals(ref.digest().get())) {
      findings.add(where + ": " + l.use().describe() + " no longer matches its tag: "
          + tagged + " is now " + now);
    }
  }
}
