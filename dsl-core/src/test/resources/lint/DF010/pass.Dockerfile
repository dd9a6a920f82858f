FROM debian:12
WORKDIR /srv
WORKDIR app
