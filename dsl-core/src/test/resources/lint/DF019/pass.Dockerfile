FROM alpine:3.20
# FOO_VERSION the version of foo
ARG FOO_VERSION
