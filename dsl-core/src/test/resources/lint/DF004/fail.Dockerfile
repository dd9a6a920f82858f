FROM alpine:3.20
RUN true
run true
CMD ["sh"]
