#!/usr/bin/env bash
# Usage: scripts/measure-aot.sh <extracted-dir> <runs> [launcher]
# Starts an extracted service (the layout the Dockerfiles build: layers merged into one directory)
# <runs> times without and <runs> times with its app.aot, and prints per run the time until
# readiness answers 200, Spring's own "Started ... in" figure and the RSS 10 s after readiness.
# The service runs against the scratch database loomflux_aot and Redis database 7, on ports
# 18080/19080 so that it never meets a service someone else runs. "launcher" runs JarLauncher
# (extract --launcher) instead of java -jar.
set -euo pipefail
dir=$1; runs=$2; mode=${3:-jar}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
flags=(-XX:+UseG1GC -XX:MaxRAMPercentage=75.0 --enable-native-access=ALL-UNNAMED)
cd "$dir"
if [ "$mode" = launcher ]; then main=(-cp . org.springframework.boot.loader.launch.JarLauncher); else main=(-jar "$(ls ./*.jar)"); fi
export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/loomflux_aot
export SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/loomflux_aot
export SPRING_FLYWAY_URL=$SPRING_DATASOURCE_URL SPRING_DATA_REDIS_DATABASE=7
export SERVER_PORT=18080 MANAGEMENT_SERVER_PORT=19080 BFF_DOWNSTREAM_URL=http://127.0.0.1:18090
for cache in none aot; do
  for run in $(seq "$runs"); do
    extra=(); [ "$cache" = aot ] && extra=(-XX:AOTCache=app.aot)
    start=$(date +%s%N)
    "$java" "${flags[@]}" "${extra[@]}" "${main[@]}" > "measure-$cache-$run.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null http://127.0.0.1:19080/actuator/health/readiness; do
      kill -0 "$pid" 2>/dev/null || { echo "$dir exited, see measure-$cache-$run.log" >&2; exit 1; }
      sleep 0.05
    done
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 10
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    spring=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "measure-$cache-$run.log" | awk '{print $4}')
    echo "$(basename "$dir") cache=$cache run=$run ready_ms=$ready_ms spring_started_s=$spring rss_mb=$((rss_kb / 1024))"
  done
done
