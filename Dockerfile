# Mutua image: built from the sources with Maven, run on a JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY kernel kernel
COPY catalog catalog
COPY ordering ordering
COPY billing billing
COPY app app
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/mutua mutua && mkdir -p /var/lib/mutua && chown mutua /var/lib/mutua
USER mutua
WORKDIR /var/lib/mutua
COPY --from=build /src/app/target/mutua.jar /opt/mutua/mutua.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    SPRING_PROFILES_ACTIVE=json-logs \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/opt/mutua/mutua.jar"]
