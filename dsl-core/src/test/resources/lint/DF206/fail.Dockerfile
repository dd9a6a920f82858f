FROM python:3.12-alpine
RUN true
