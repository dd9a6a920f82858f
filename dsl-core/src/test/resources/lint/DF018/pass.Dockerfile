FROM debian:12
COPY config/app.yaml /etc/app/
COPY keep.log /tmp/
