FROM alpine:3.20 AS Build
RUN true
