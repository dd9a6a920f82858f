FROM registry.example.com/team/app:1.2
RUN true

FROM debian:12 AS base
RUN true

FROM base
RUN true
