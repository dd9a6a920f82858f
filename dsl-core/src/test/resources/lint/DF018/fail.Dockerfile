FROM debian:12
COPY secrets/key.pem /etc/app/
COPY logs/app.log /tmp/
