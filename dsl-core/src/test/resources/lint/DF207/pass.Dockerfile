FROM debian:12
RUN mkdir -p /data/db
VOLUME /data
