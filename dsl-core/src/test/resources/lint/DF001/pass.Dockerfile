FROM alpine:3.20 AS build
RUN true

FROM scratch
COPY --from=build /etc/os-release /
