FROM registry.example.org/team/app:1.2
RUN true
