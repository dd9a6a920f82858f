FROM Ubuntu:22.04
RUN true
