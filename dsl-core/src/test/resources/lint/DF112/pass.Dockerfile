FROM debian:12
USER root
USER app
