# syntax=docker/dockerfile:1

# ---- build: the Maven wrapper on a JDK 25 (the toolchains plugin takes the running JDK, as it is 21+) ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src

# dependencies first, so they stay in a cached layer until pom.xml changes
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline

# the sources, plus the tenant configuration (clients/) and operator files (config/) when the repository has them
COPY . .
# formatting and coverage are checked in CI, not in the image build
RUN ./mvnw -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package \
    && cp target/zorah-*.jar /tmp/app.jar \
    && java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher --destination /layers \
    && mkdir -p clients config

# ---- runtime: a JRE, a non-root user, the layers from the least to the most often changed ----
FROM eclipse-temurin:25-jre

# curl for the HEALTHCHECK below
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 zorah \
    && useradd --system --uid 10001 --gid zorah --home-dir /app --shell /usr/sbin/nologin zorah \
    && mkdir -p /app/var \
    && chown zorah:zorah /app/var

WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --from=build /src/clients/ ./clients/
COPY --from=build /src/config/ ./config/

# ./var holds the generated token key and, when no DATABASE_URL is set, the embedded PostgreSQL data: mount a volume
# there to keep them
USER 10001:10001

ENV PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseContainerSupport"
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/health/live" || exit 1

# exec: the JVM is PID 1 and gets SIGTERM for a graceful shutdown; extra arguments go to the application
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
