FROM debian
RUN true
