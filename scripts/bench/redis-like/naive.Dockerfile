FROM debian:bookworm-slim
COPY kvd.c Makefile /usr/src/kvd/
RUN apt-get update
RUN apt-get install -y gcc libc6-dev make
RUN make -C /usr/src/kvd
RUN make -C /usr/src/kvd install
EXPOSE 6379
CMD ["kvd"]
