FROM debian:latest
RUN true
