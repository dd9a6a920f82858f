FROM debian:12
VOLUME /data
RUN mkdir -p /data/db
