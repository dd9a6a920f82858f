FROM alpine:3.20
# escape=`
RUN true
