# syntax=docker/dockerfile:1.7
ARG GO_VERSION=1.22

FROM golang:${GO_VERSION} AS build-env
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /out/app .

# the runtime image
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build-env --chmod=755 /out/app /usr/local/bin/app
COPY <<EOF /etc/app.conf
listen = ":8080"
path = "C:\data"
EOF
HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8080/ || exit 1
EXPOSE 8080/tcp
STOPSIGNAL SIGQUIT
USER nobody
ENTRYPOINT ["/usr/local/bin/app"]

FROM runtime AS debug
RUN apk add --no-cache strace
