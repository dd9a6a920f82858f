FROM alpine:3.20 AS app
COPY --from=build /out/app /usr/bin/app

FROM golang:1.22 AS build
RUN go build -o /out/app .

FROM app
