package io.github.dockerfiledsl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockerfiledsl.Dockerfile;
import io.github.dockerfiledsl.parse.DockerfileParser;
import org.junit.jupiter.api.Test;

/** The continuation indent option: only indentation outside shell quotes changes. */
class ContinuationIndentTest {
  static final String TEXT = """
      FROM alpine:3.20
      RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=token apk add curl \\
            && echo "two \\
          spaces inside quotes stay" \\
        # a comment
        && make
      COPY --chown=1000:1000 --chmod=0644 a-long-source-name another-long-source-name /app/
      """;

  @Test
  void twoSpaces() {
    Dockerfile d = DockerfileParser.parse(TEXT);
    RenderOptions two = RenderOptions.defaults().withColumnLimit(40).withContinuationIndent(2);

    String text = d.render(two);

    assertThat(text).isEqualTo("""
        FROM alpine:3.20
        RUN --mount=type=cache,target=/root/.cache \\
          --mount=type=secret,id=token \\
          apk add curl \\
          && echo "two \\
            spaces inside quotes stay" \\
          # a comment
          && make
        COPY --chown=1000:1000 \\
          --chmod=0644 \\
          a-long-source-name \\
          another-long-source-name \\
          /app/
        """);
    Dockerfile back = DockerfileParser.parse(text);
    assertThat(back).isEqualTo(DockerfileParser.parse(d.render(RenderOptions.defaults()
        .withColumnLimit(40))));
    assertThat(back.render(two)).isEqualTo(text);
  }

  @Test
  void fourIsTheDefaultAndTheRangeIsChecked() {
    Dockerfile d = DockerfileParser.parse(TEXT);
    assertThat(d.render(RenderOptions.defaults().withContinuationIndent(4))).isEqualTo(d.render());
    assertThat(new RenderOptions(100, (char) 0)).isEqualTo(RenderOptions.defaults());
    assertThatThrownBy(() -> RenderOptions.defaults().withContinuationIndent(0))
        .hasMessage("continuation indent (0) must be 1 to 16 spaces");
  }
}
