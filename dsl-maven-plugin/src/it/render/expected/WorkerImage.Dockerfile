FROM eclipse-temurin:17-jre
WORKDIR /opt/worker
COPY target/worker.jar worker.jar
ENTRYPOINT ["java", "-jar", "worker.jar"]
