FROM alpine:3.20 AS build
RUN true

FROM alpine:3.20 AS build
RUN false
