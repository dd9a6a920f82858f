FROM debian:12
RUN pip3 install --no-cache-dir flask
RUN rm -rf /root/.cache /tmp/*
