FROM debian:12
USER root
RUN apt-get install -y --no-install-recommends curl
