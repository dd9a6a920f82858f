FROM debian:12
LABEL org.opencontainers.image.authors=jane@example.com
