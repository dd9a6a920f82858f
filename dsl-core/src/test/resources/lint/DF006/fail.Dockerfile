FROM golang:1.22 AS scratch
RUN go build
