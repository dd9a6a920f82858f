FROM debian:bookworm-slim
COPY kvd.c Makefile /usr/src/kvd/
RUN buildDeps='gcc libc6-dev make' \
    && apt-get update \
    && apt-get install -y $buildDeps \
    && make -C /usr/src/kvd \
    && make -C /usr/src/kvd install \
    && rm -r /usr/src/kvd \
    && apt-get purge -y --auto-remove $buildDeps \
    && rm -rf /var/lib/apt/lists/*
EXPOSE 6379
CMD ["kvd"]
