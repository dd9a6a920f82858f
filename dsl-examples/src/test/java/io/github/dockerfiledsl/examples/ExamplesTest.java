package io.github.dockerfiledsl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockerfiledsl.Dockerfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The seed Dockerfiles written with the builder render as expected and their mains print them. */
class ExamplesTest {

  private static String printed(Consumer<String[]> main) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      main.accept(new String[0]);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void django() {
    String expected = """
        FROM python:3.4

        RUN apt-get update \\
            && apt-get install -y --no-install-recommends postgresql-client \\
            && rm -rf /var/lib/apt/lists/*

        WORKDIR /usr/src/app
        COPY requirements.txt ./
        RUN pip install --no-cache-dir -r requirements.txt
        COPY . .

        EXPOSE 8000
        CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
        """;
    assertThat(DjangoExample.dockerfile().render()).isEqualTo(expected);
    assertThat(printed(DjangoExample::main)).isEqualTo(expected);
  }

  @Test
  void redisRendersTheSeedsSingleRunFromSeparateSteps() {
    String expected = """
        FROM debian:stretch

        RUN apt-get update \\
            && apt-get install -y --no-install-recommends gcc libc6-dev make wget \\
            && rm -rf /var/lib/apt/lists/* \\
            && wget -O redis.tar.gz "http://download.redis.io/releases/redis-5.0.3.tar.gz" \\
            && mkdir -p /usr/src/redis \\
            && tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1 \\
            && make -C /usr/src/redis \\
            && make -C /usr/src/redis install \\
            && rm redis.tar.gz \\
            && rm -r /usr/src/redis \\
            && apt-get purge -y --auto-remove gcc libc6-dev make wget
        """;
    assertThat(RedisExample.dockerfile().render()).isEqualTo(expected);
    assertThat(RedisExample.dockerfile().stages().get(0).steps().count()).isEqualTo(1);
    assertThat(printed(RedisExample::main)).isEqualTo(expected);
  }

  @Test
  void redisSeedTextExactlyFromTheSeedsOwnChain() {
    // the seed's "correct" RUN keeps its buildDeps variable for the whole chain, so it is one
    // step: as separate steps the assignment would run in a subshell, as it would in a RUN of its
    // own, and the later steps would not see the variable
    Dockerfile d = Dockerfile.from("debian:stretch")
        .blankLine()
        .run(io.github.dockerfiledsl.Run.chain("buildDeps='gcc libc6-dev make wget'",
            "apt-get update",
            "apt-get install -y $buildDeps",
            "wget -O redis.tar.gz \"http://download.redis.io/releases/redis-5.0.3.tar.gz\"",
            "mkdir -p /usr/src/redis",
            "tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1",
            "make -C /usr/src/redis",
            "make -C /usr/src/redis install",
            "rm -rf /var/lib/apt/lists/*", "rm redis.tar.gz", "rm -r /usr/src/redis",
            "apt-get purge -y --auto-remove $buildDeps"))
        .build();
    assertThat(d.render()).isEqualTo("""
        FROM debian:stretch

        RUN buildDeps='gcc libc6-dev make wget' \\
            && apt-get update \\
            && apt-get install -y $buildDeps \\
            && wget -O redis.tar.gz "http://download.redis.io/releases/redis-5.0.3.tar.gz" \\
            && mkdir -p /usr/src/redis \\
            && tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1 \\
            && make -C /usr/src/redis \\
            && make -C /usr/src/redis install \\
            && rm -rf /var/lib/apt/lists/* \\
            && rm redis.tar.gz \\
            && rm -r /usr/src/redis \\
            && apt-get purge -y --auto-remove $buildDeps
        """);
    // as separate steps, the variable stays in its subshell
    String separate = Dockerfile.from("debian:stretch")
        .run("buildDeps='gcc libc6-dev make wget'").run("apt-get install -y $buildDeps")
        .build().render();
    assertThat(separate).contains("RUN ( buildDeps='gcc libc6-dev make wget' )");
  }

  @Test
  void hrefCounter() {
    String expected = """
        FROM golang:latest AS builder
        WORKDIR /go/src/github.com/sparkdevo/href-counter/
        RUN go get -d -v golang.org/x/net/html
        COPY app.go .
        RUN CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .

        FROM alpine:latest
        RUN apk --no-cache add ca-certificates
        WORKDIR /root/
        COPY --from=builder /go/src/github.com/sparkdevo/href-counter/app .
        CMD ["./app"]
        """;
    assertThat(HrefCounterExample.dockerfile().render()).isEqualTo(expected);
    assertThat(printed(HrefCounterExample::main)).isEqualTo(expected);
  }

  @Test
  void kubectl() {
    String expected = """
        FROM alpine:3.20
        COPY --from=lachlanevenson/k8s-kubectl:v1.10.3 /usr/local/bin/kubectl /usr/local/bin/kubectl
        ENTRYPOINT ["kubectl"]
        """;
    assertThat(KubectlExample.dockerfile().render()).isEqualTo(expected);
    assertThat(printed(KubectlExample::main)).isEqualTo(expected);
  }

  @Test
  void busybox() {
    String expected = """
        # my dockerfile
        FROM busybox
        LABEL org.opencontainers.image.authors=easy@home.com
        WORKDIR /test
        RUN touch tmpfile1
        COPY ["temfile2", "."]
        ADD ["temfile3.tar.gz", "."]
        ENV WELCOME=welcome
        """;
    assertThat(BusyboxExample.dockerfile().render()).isEqualTo(expected);
    assertThat(printed(BusyboxExample::main)).isEqualTo(expected);
  }
}
