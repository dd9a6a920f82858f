FROM alpine:3.20 AS Build
RUN true

FROM scratch
COPY --from=Build /etc/os-release /
