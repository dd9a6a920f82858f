FROM alpine:3.20
ADD app.py /app/
