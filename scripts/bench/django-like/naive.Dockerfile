FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y python3
RUN apt-get install -y postgresql-client
WORKDIR /usr/src/app
COPY app.py ./
EXPOSE 8000
CMD ["python3", "app.py"]
