FROM debian:12
CMD ["a"]
CMD ["b"]
