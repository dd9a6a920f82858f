# FROM golang:latest as builder
FROM golang:latest
WORKDIR /go/src/github.com/sparkdevo/href-counter/
RUN go get -d -v golang.org/x/net/html
COPY app.go    .
RUN CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .

FROM alpine:latest
RUN apk --no-cache add ca-certificates
WORKDIR /root/
# COPY --from=builder /go/src/github.com/sparkdevo/href-counter/app .
COPY --from=0 /go/src/github.com/sparkdevo/href-counter/app .
CMD ["./app"]
