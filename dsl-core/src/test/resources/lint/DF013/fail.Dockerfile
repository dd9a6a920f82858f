FROM alpine:3.20
ENV PATH /opt/bin:$PATH
LABEL maintainer "jane"
