# my dockerfile
FROM busybox
MAINTAINER easy@home.com
WORKDIR /test
RUN touch tmpfile1
COPY ["temfile2","."]
ADD ["temfile3.tar.gz","."]
ENV WELCOME "welcome"
CMD ["/bin/echo","Hello,world"]
