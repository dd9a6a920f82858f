FROM debian:bookworm-slim
# the tools
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && curl --version \
    && rm -rf /var/lib/apt/lists/*
