FROM debian:12
RUN apt-get install -y --no-install-recommends curl=7.88.1-10
