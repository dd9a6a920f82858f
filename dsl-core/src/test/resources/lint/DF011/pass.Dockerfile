FROM scratch
ENV APPDIR=/app
COPY app ${APPDIR}/
