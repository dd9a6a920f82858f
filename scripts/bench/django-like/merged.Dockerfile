FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y python3 postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY app.py ./
EXPOSE 8000
CMD ["python3", "app.py"]
