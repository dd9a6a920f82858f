FROM debian:12
RUN curl -fsSLo /tmp/app.tar.gz https://example.com/app.tar.gz && tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
