FROM debian:12
USER app
USER root
