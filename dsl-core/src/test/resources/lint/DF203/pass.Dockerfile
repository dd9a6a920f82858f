FROM debian:12
RUN pip3 install --no-cache-dir flask && rm -rf /root/.cache /tmp/*
