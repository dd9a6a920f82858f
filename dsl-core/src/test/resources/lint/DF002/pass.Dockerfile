FROM alpine:3.20 AS build
RUN true

from alpine:3.20 as other
run true
