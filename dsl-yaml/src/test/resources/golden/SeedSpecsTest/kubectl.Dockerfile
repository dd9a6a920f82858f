FROM alpine:3.7
COPY --from=lachlanevenson/k8s-kubectl:v1.10.3 /usr/local/bin/kubectl /usr/local/bin/kubectl
ENTRYPOINT ["kubectl"]
CMD ["help"]
