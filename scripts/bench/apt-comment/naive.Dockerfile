FROM debian:bookworm-slim
RUN apt-get update
# the tools
RUN apt-get install -y --no-install-recommends curl
RUN curl --version
