package io.github.dockerfiledsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.registry.testing.Buildah;
import io.github.dockerfiledsl.registry.testing.LocalRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pin} and {@code rewrite --mirror} against a real registry (docker-registry on a loopback
 * port, images pushed with buildah), then a buildah build of the pinned Dockerfile that pulls
 * from that registry.
 */
class PinCommandTest {
  private static final String USER = "bob";
  private static final String PASSWORD = "pin-test-pw";

  private static LocalRegistry open;
  private static LocalRegistry secured;
  private static String host;
  private static String busybox;
  private static String index;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    Buildah.assume();
    open = LocalRegistry.start();
    host = open.host();
    Buildah.push("busybox:latest", host + "/hub/library/busybox:1.36", null);
    Buildah.push("busybox:latest", host + "/tools/busybox:1.36", null);
    Buildah.push("busybox:latest", host + "/tools/busybox:latest", null);
    Buildah.pushIndex(host + "/multi:1", null);
    busybox = open.headDigest("tools/busybox", "1.36", null);
    index = open.headDigest("multi", "1", null);
    secured = LocalRegistry.startWithAuth(USER, PASSWORD);
    Buildah.push("busybox:latest", secured.host() + "/private/app:1.0", USER + ":" + PASSWORD);
  }

  @AfterAll
  static void stop() throws IOException {
    Buildah.remove("localhost/dsl-registry-test-variant:moved");
    Buildah.remove("localhost/dsl-registry-test-variant:arm64");
    if (open != null) {
      open.close();
    }
    if (secured != null) {
      secured.close();
    }
  }

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000_000_000L));
    return f;
  }

  private static void assertUntouched(Path f, String text) throws IOException {
    assertThat(Files.readString(f)).isEqualTo(text);
    assertThat(Files.getLastModifiedTime(f)).isEqualTo(FileTime.fromMillis(1_000_000_000_000L));
    try (var s = Files.list(f.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void pinsEveryImageInPlaceAndLeavesEverythingElseAlone() throws IOException {
    String text = "# syntax=docker/dockerfile:1\n"
        + "ARG BASE=" + host + "/tools/busybox:1.36\n"
        + "FROM   " + host + "/tools/busybox:1.36   AS build\n"
        + "# keep me\n"
        + "RUN --mount=type=bind,from=" + host + "/multi:1,target=/m \\\n"
        + "    --mount=type=cache,target=/c \\\n"
        + "    ls /m\n"
        + "FROM ${BASE} AS fromvar\n"
        + "FROM build AS again\n"
        + "FROM scratch\n"
        + "COPY --from=build /bin/busybox /a\n"
        + "COPY --chown=0:0 \\\n"
        + "     --from=" + host + "/tools/busybox /bin/busybox /b\n"
        + "COPY --from=" + host + "/tools/busybox:1.36@" + busybox + " /bin/busybox /c\n";
    Path f = write("Dockerfile", text);

    Outcome o = run("pin", "--insecure-registry", host, f.toString());

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.err()).isEmpty();
    String latest = open.headDigest("tools/busybox", "latest", null);
    String expected = "# syntax=docker/dockerfile:1\n"
        + "ARG BASE=" + host + "/tools/busybox:1.36\n"
        + "FROM   " + host + "/tools/busybox:1.36@" + busybox + "   AS build\n"
        + "# keep me\n"
        + "RUN --mount=type=bind,from=" + host + "/multi:1@" + index + ",target=/m \\\n"
        + "    --mount=type=cache,target=/c \\\n"
        + "    ls /m\n"
        + "FROM ${BASE} AS fromvar\n"
        + "FROM build AS again\n"
        + "FROM scratch\n"
        + "COPY --from=build /bin/busybox /a\n"
        + "COPY --chown=0:0 \\\n"
        + "     --from=" + host + "/tools/busybox:latest@" + latest + " /bin/busybox /b\n"
        + "COPY --from=" + host + "/tools/busybox:1.36@" + busybox + " /bin/busybox /c\n";
    assertThat(Files.readString(f)).isEqualTo(expected);
    assertThat(index).isNotEqualTo(busybox);

    // now everything is pinned and matches its tag
    Outcome check = run("pin", "--check", "--insecure-registry", host, f.toString());
    assertThat(check.status()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).isEmpty();
  }

  @Test
  void checkListsUnpinnedAndStaleReferences() throws IOException {
    Buildah.push("busybox:latest", host + "/moving/app:1", null);
    String old = open.headDigest("moving/app", "1", null);
    String text = "FROM " + host + "/moving/app:1@" + old + "\n"
        + "COPY --from=" + host + "/tools/busybox:1.36 /bin/busybox /x\n";
    Path f = write("Dockerfile", text);

    Outcome fresh = run("pin", "--check", "--insecure-registry", host, f.toString());
    assertThat(fresh.status()).isEqualTo(1);
    assertThat(fresh.out()).isEqualTo(f + ":2:1: COPY --from=" + host
        + "/tools/busybox:1.36 is not pinned by digest\n");

    // the tag moves to another image
    Buildah.push(Buildah.variant("moved"), host + "/moving/app:1", null);
    String now = open.headDigest("moving/app", "1", null);
    assertThat(now).isNotEqualTo(old);
    Outcome stale = run("pin", "--check", "--insecure-registry", host, f.toString());
    assertThat(stale.status()).isEqualTo(1);
    assertThat(stale.out()).isEqualTo(
        f + ":1:1: FROM " + host + "/moving/app:1@" + old + " no longer matches its tag: "
            + host + "/moving/app:1 is now " + now + "\n"
        + f + ":2:1: COPY --from=" + host + "/tools/busybox:1.36 is not pinned by digest\n");
    assertUntouched(f, text);
  }

  @Test
  void anAuthenticatedRegistryIsAskedWithTheConfigJsonCredentials() throws IOException {
    String text = "FROM " + secured.host() + "/private/app:1.0\n";
    Path f = write("Dockerfile", text);
    Path config = write("config.json", "{\"auths\": {\"" + secured.host() + "\": {\"auth\": \""
        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(
            StandardCharsets.UTF_8)) + "\"}}}");

    Outcome denied = run("pin", "--insecure-registry", secured.host(), "--registry-config",
        dir.resolve("missing.json").toString(), f.toString());
    assertThat(denied.status()).isEqualTo(2);
    assertThat(denied.err()).contains("missing.json: no such file");

    Outcome o = run("pin", "--insecure-registry", secured.host(), "--registry-config",
        config.toString(), f.toString());

    assertThat(o.status()).as(o.err()).isZero();
    String digest = secured.headDigest("private/app", "1.0", "Basic " + Base64.getEncoder()
        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(f)).isEqualTo("FROM " + secured.host() + "/private/app:1.0@"
        + digest + "\n");
  }

  @Test
  void a401LeavesEveryFileUntouched() throws IOException {
    String good = "FROM " + host + "/tools/busybox:1.36\n";
    String bad = "FROM scratch\nCOPY --from=" + secured.host() + "/private/app:1.0 /a /a\n";
    Path g = write("Good.Dockerfile", good);
    Path b = write("Bad.Dockerfile", bad);
    Path empty = write("empty.json", "{}");

    Outcome o = run("pin", "--insecure-registry", host, "--insecure-registry", secured.host(),
        "--registry-config", empty.toString(), g.toString(), b.toString());

    assertThat(o.status()).isEqualTo(2);
    assertThat(o.err()).isEqualTo(b + ":2:1: cannot resolve '" + secured.host()
        + "/private/app:1.0': registry " + secured.host() + " requires authentication (401"
        + " Unauthorized, Basic realm=\"test-realm\") and no credentials for " + secured.host()
        + " were given (a config.json with 'auths', --registry-config)\n");
    assertUntouched(g, good);
    assertUntouched(b, bad);
  }

  @Test
  void a404NamesTheFileLineAndReference() throws IOException {
    Path g = write("Only.Dockerfile", "FROM " + host + "/tools/busybox:0.0-missing\n");
    Outcome o2 = run("pin", "--insecure-registry", host, g.toString());
    assertThat(o2.status()).isEqualTo(2);
    assertThat(o2.err()).isEqualTo(g + ":1:1: cannot resolve '" + host
        + "/tools/busybox:0.0-missing': registry " + host + " has no manifest"
        + " tools/busybox:0.0-missing (404 Not Found)\n");
    assertUntouched(g, "FROM " + host + "/tools/busybox:0.0-missing\n");
  }

  @Test
  void anUnreachableRegistryLeavesTheFileUntouched() throws IOException {
    int port = LocalRegistry.freePort();
    String text = "FROM 127.0.0.1:" + port + "/app:1\n";
    Path f = write("Dockerfile", text);

    Outcome o = run("pin", "--insecure-registry", "127.0.0.1:" + port, f.toString());

    assertThat(o.status()).isEqualTo(2);
    assertThat(o.err()).startsWith(f + ":1:1: cannot resolve '127.0.0.1:" + port
        + "/app:1': cannot reach registry 127.0.0.1:" + port + " at http://127.0.0.1:" + port);
    assertUntouched(f, text);
  }

  @Test
  void aRegistryThatNeverAnswersTimesOutAndLeavesTheFileUntouched() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept());
          }
        } catch (IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String silentHost = "127.0.0.1:" + silent.getLocalPort();
      String text = "FROM " + silentHost + "/app:1\n";
      Path f = write("Dockerfile", text);

      Outcome o = run("pin", "--insecure-registry", silentHost, "--timeout", "1", f.toString());

      assertThat(o.status()).isEqualTo(2);
      assertThat(o.err()).isEqualTo(f + ":1:1: cannot resolve '" + silentHost + "/app:1':"
          + " registry " + silentHost + " did not answer within 1s (HEAD http://" + silentHost
          + "/v2/app/manifests/1)\n");
      assertUntouched(f, text);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void mirrorThenPinThenBuildWithBuildahPullingFromTheRegistry() throws IOException {
    String text = "FROM busybox:1.36\n"
        + "COPY --from=" + host + "/multi:1 /bin/busybox /opt/busybox\n"
        + "RUN /opt/busybox true && echo pinned > /proof\n";
    Path f = write("Dockerfile", text);

    Outcome mirrored = run("rewrite", "--mirror", "docker.io=" + host + "/hub", f.toString());
    assertThat(mirrored.status()).as(mirrored.err()).isZero();
    assertThat(Files.readString(f)).isEqualTo(text.replace("FROM busybox:1.36",
        "FROM " + host + "/hub/library/busybox:1.36"));

    Outcome pinned = run("pin", "--insecure-registry", host, f.toString());
    assertThat(pinned.status()).as(pinned.err()).isZero();
    String hub = open.headDigest("hub/library/busybox", "1.36", null);
    String result = Files.readString(f);
    assertThat(result).isEqualTo("FROM " + host + "/hub/library/busybox:1.36@" + hub + "\n"
        + "COPY --from=" + host + "/multi:1@" + index + " /bin/busybox /opt/busybox\n"
        + "RUN /opt/busybox true && echo pinned > /proof\n");

    String tag = "localhost/dsl-pin-test-" + ProcessHandle.current().pid() + ":latest";
    try {
      String log = Buildah.run("bud", "--isolation", "chroot", "--tls-verify=false",
          "--pull=always", "--platform", "linux/amd64", "-t", tag, "-f", f.toString(),
          dir.toString());
      assertThat(log).contains("COMMIT");
      String proof = Buildah.run("inspect", "--type", "image", "--format",
          "{{.FromImageDigest}}", tag);
      assertThat(proof).isNotBlank();
    } finally {
      cleanUp(tag, host + "/hub/library/busybox@" + hub, host + "/multi@" + index);
    }
  }

  private static void cleanUp(String... names) {
    for (String n : names) {
      try {
        Buildah.run("rmi", n);
      } catch (IOException e) {
        // not there
      }
    }
  }
}
