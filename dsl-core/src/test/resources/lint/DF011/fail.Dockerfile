FROM scratch
COPY app ${APPDIR}/
