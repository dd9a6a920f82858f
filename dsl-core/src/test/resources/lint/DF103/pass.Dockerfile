FROM debian:12
RUN mkdir /a && mkdir /b
