package com.example;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;
import java.util.function.Supplier;

public final class WorkerImage implements Supplier<Dockerfile> {
  @Override
  public Dockerfile get() {
    return Dockerfile.from("eclipse-temurin:17-jre")
        .workdir("/opt/worker")
        .copy("target/worker.jar", "worker.jar")
        .entrypoint(Exec.of("java", "-jar", "worker.jar"))
        .build();
  }
}
