package com.example;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.Exec;

public final class Images {
  private Images() {}

  public static Dockerfile web() {
    return Dockerfile.from("nginx:1.27")
        .copy("site/", "/usr/share/nginx/html/")
        .expose(80)
        .build();
  }

  public static Dockerfile debug() {
    return Dockerfile.from("busybox:1.36").cmd(Exec.of("sh")).build();
  }
}
