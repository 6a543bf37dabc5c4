# syntax=docker/dockerfile:1.7
# One Dockerfile for all three modules, so the images of the compared services can never differ in
# base, flags or layout. Build context: the repository root; docker compose passes the arguments:
#   docker build --build-arg MODULE=service-loom --build-arg SERVER_PORT=8081 \
#     --build-arg MANAGEMENT_PORT=9081 -t loomflux/service-loom:local .
#
# UNTESTED HERE: the machine this was written on has no Docker engine, so this image has never been
# built. Each step was run by hand on the host instead (the same Maven command, the same extract
# command, the same training run and launch flags; see README "Deployment").
#
# Multi-stage, Maven inside: `docker compose up` alone works on a machine with only Docker, and the
# jar in the image is always built from the sources next to it (no stale target/ from the host).

# the Maven module, its public (server.port) and management ports (EXPOSE, and the health check);
# deployment-check compares docker-compose.yml's values with the module's application.yaml
ARG MODULE
ARG SERVER_PORT
ARG MANAGEMENT_PORT

FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds, so the three images download dependencies once.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -pl "$MODULE" -am package \
 && cp "$MODULE"/target/"$MODULE"-*.jar /application.jar

FROM eclipse-temurin:25-jdk AS extract
WORKDIR /extract
COPY --from=build /application.jar application.jar
# Boot 4's tools jar mode. Without --launcher: application.jar with a Class-Path manifest over lib/,
# i.e. a plain class path the JVM's own application class loader reads, the layout Spring documents
# for the AOT cache. With --launcher, Spring's JarLauncher loads the classes itself: fewer come from
# the cache (service-loom up to refresh: 9,289 of 11,134 classes, against 12,342 of 12,860 here) and
# those of a custom loader get no AOT linking (JEP 483 links only the built-in loaders' classes).
RUN java -Djarmode=tools -jar application.jar extract --layers --destination /layers

# The load image (docker build --target load -t loomflux/gatling:local .): the comparison module's
# LoadJob with Gatling and the scenarios, for load tests of a deployed stack (the compose load
# profile, the k8s load-test Job; docs/deployment.md#load-testing-a-deployed-stack). Its own stages,
# before the services', so that a build without --target still ends with a service's image.
FROM eclipse-temurin:25-jdk AS load-build
WORKDIR /src
COPY . .
# the module's classes, and every library on its class path (classpath.txt, which its build writes)
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -pl comparison -am package \
 && mkdir -p /load/lib \
 && cp -r comparison/target/classes /load/classes \
 && tr ':' '\n' < comparison/target/classpath.txt | xargs -I{} cp {} /load/lib/

FROM eclipse-temurin:25-jre AS load
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /load
COPY --from=load-build /load/lib/ ./lib/
COPY --from=load-build /load/classes/ ./classes/
USER 10001
# the comparison's load-generator JVM (LoadGenerator.JVM_FLAGS): a fixed heap, the parallel GC
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", \
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED", \
    "-cp", "classes:lib/*", "dev.loomflux.comparison.LoadJob"]

FROM eclipse-temurin:25-jre
ARG SERVER_PORT
ARG MANAGEMENT_PORT
# not named MANAGEMENT_PORT at run time: Spring would read that as a (dead) property
ENV HEALTHCHECK_PORT=${MANAGEMENT_PORT}
# A fixed non-root user; k8s/ runs the pods with the same uid (runAsUser: 10001).
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /app
# Least to most often changing, so a code change rebuilds only the last layer. The files stay
# root's and world-readable: the process needs to read them, never to write them (no chown, which
# would also copy every jar into a layer of its own).
COPY --from=extract /layers/dependencies/ ./
COPY --from=extract /layers/spring-boot-loader/ ./
COPY --from=extract /layers/snapshot-dependencies/ ./
COPY --from=extract /layers/application/ ./

# The JVM flags the comparison measured the services with (ServiceProcess.JVM_FLAGS in the
# launcher; deployment-check holds the two equal): a fixed 2 GiB heap, so that the
# container limit can be sized from the RSS measured with it (k8s/base/compared-resources.yaml,
# docker-compose.yml) rather than the heap growing with whatever limit a platform sets; G1, pinned
# because below 2 CPUs or 1792 MB the JVM would pick Serial on its own, with a 50 ms pause goal
# (its default 200 ms is above the latency objectives the comparison judges); exit on OutOfMemoryError,
# so a service that runs out is restarted instead of limping on. JAVA_HEAP is separate so that a
# deployment can change the heap alone (the stub and k8s/overlays/small do).
# The training run below uses the same flags: the AOT cache is only used by a JVM whose class path
# and GC match the run that wrote it.
ENV JAVA_HEAP="-Xms2g -Xmx2g"
ENV JAVA_FLAGS="-XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED"

# JEP 483/514 (JDK 25): a training run at build time records the loaded and linked classes into
# app.aot; every start then maps them instead of loading them again. spring.context.exit=onRefresh
# stops after the context is refreshed, before servers and connections start, so no database or
# Redis is needed here; Flyway (which would connect during refresh) is switched off for this run only
# (the stub has no Flyway; the property is then simply unused).
RUN java $JAVA_HEAP $JAVA_FLAGS -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
    -Dspring.flyway.enabled=false -jar application.jar
USER 10001

# the public port (server.port) and the management port (probes, /actuator/prometheus)
EXPOSE ${SERVER_PORT} ${MANAGEMENT_PORT}
# The base image may not have curl or wget; bash's /dev/tcp speaks enough HTTP for a probe.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$HEALTHCHECK_PORT && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# exec: java is PID 1 and gets SIGTERM directly, so graceful shutdown runs. JAVA_TOOL_OPTIONS adds flags.
ENTRYPOINT ["bash", "-c", "exec java $JAVA_HEAP $JAVA_FLAGS -XX:AOTCache=app.aot -jar application.jar \"$@\"", "--"]
