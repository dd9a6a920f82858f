FROM alpine:3.20
# the version of foo
ARG FOO_VERSION
