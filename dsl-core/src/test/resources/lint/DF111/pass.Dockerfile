FROM debian:12
ADD rootfs.tar.gz /
COPY app.py /app/
