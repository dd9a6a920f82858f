FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
ENV TOOLS=curl
RUN apt-get install -y --no-install-recommends ca-certificates \
    && curl --version && test -d /etc/ssl/certs
