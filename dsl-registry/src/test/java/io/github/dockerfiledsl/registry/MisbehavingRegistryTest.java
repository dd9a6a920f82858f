package io.github.dockerfiledsl.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registries that answer badly, played by a raw loopback socket: headers and then a stalled
 * body, an endless body, a body that does not match its digest, a redirect.
 */
class MisbehavingRegistryTest {
  private ServerSocket server;
  private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket s : sockets) {
      s.close();
    }
  }

  /** Serves every connection with the given writer after reading the request headers. */
  private String serve(Consumer<OutputStream> answer) throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try {
        while (true) {
          Socket s = server.accept();
          sockets.add(s);
          InputStream in = s.getInputStream();
          int state = 0;
          while (state < 4) {
            int c = in.read();
            if (c < 0) {
              break;
            }
            state = (c == '\r' && state % 2 == 0) || (c == '\n' && state % 2 == 1)
                ? state + 1 : 0;
          }
          answer.accept(s.getOutputStream());
        }
      } catch (IOException e) {
        // closed
      }
    });
    t.setDaemon(true);
    t.start();
    return "127.0.0.1:" + server.getLocalPort();
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  private static RegistryClient client(String host) {
    return RegistryClient.builder().insecure(host).timeout(Duration.ofMillis(800))
        .connectTimeout(Duration.ofMillis(800)).build();
  }

  @Test
  void headersThenAStalledBodyTimeOut() throws IOException {
    String host = serve(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: "
        + Manifest.OCI_MANIFEST + "\r\nContent-Length: 100\r\n\r\n{\"sche"));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> client(host).manifest(ImageRef.parse(host + "/a:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessage("cannot resolve '" + host + "/a:1': registry " + host
            + " did not answer within 800ms (GET http://" + host + "/v2/a/manifests/1)");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anEndlessBodyIsRefusedAtFourMegabytes() throws IOException {
    String host = serve(out -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Type: " + Manifest.OCI_MANIFEST
          + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = "x".repeat(65536);
      for (int i = 0; i < 100; i++) {
        write(out, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
      }
    });
    assertThatThrownBy(() -> RegistryClient.builder().insecure(host).build()
        .manifest(ImageRef.parse(host + "/a:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("the answer is larger than 4194304 bytes");
  }

  @Test
  void aBodyThatDoesNotMatchItsDigestIsRefused() throws IOException {
    String claimed = "sha256:" + "0".repeat(64);
    String host = serve(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: "
        + Manifest.OCI_MANIFEST + "\r\nDocker-Content-Digest: " + claimed
        + "\r\nContent-Length: 2\r\n\r\n{}"));
    assertThatThrownBy(() -> client(host).manifest(ImageRef.parse(host + "/a:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessage("registry " + host + " served a manifest for '" + host + "/a:1' whose bytes"
            + " hash to sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a,"
            + " not to its Docker-Content-Digest " + claimed);
  }

  @Test
  void aRedirectIsNotFollowed() throws IOException {
    String host = serve(out -> write(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation:"
        + " http://elsewhere.test/x\r\nContent-Length: 0\r\n\r\n"));
    assertThatThrownBy(() -> client(host).digest(ImageRef.parse(host + "/a:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessage("cannot resolve '" + host + "/a:1': registry " + host + " redirected to"
            + " http://elsewhere.test/x, which a manifest request does not follow (307)");
  }

  @Test
  void controlCharactersInAnAnswerAreShownEscaped() throws IOException {
    String host = serve(out -> write(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation:"
        + " http://elsewhere.test/x\u001b[2Jy\r\nContent-Length: 0\r\n\r\n"));
    assertThatThrownBy(() -> client(host).digest(ImageRef.parse(host + "/a:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("cannot resolve '" + host + "/a:1': registry " + host)
        .hasMessageContaining("http://elsewhere.test/x\\u001b[2Jy")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
  }
}
