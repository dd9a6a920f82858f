FROM debian:12
RUN mkdir /a
RUN mkdir /b
