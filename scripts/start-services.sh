#!/usr/bin/env bash
# Usage: scripts/start-services.sh (via ./loomflux start)
# Builds and runs the downstream stub (:8090, admin on /admin/behaviours) and both services against
# the PostgreSQL database "loomflux" and Redis on localhost: service-loom on :8081 (management
# :9081), service-reactive on :8082 (:9082). SPRING_PROFILES_ACTIVE_LOOM=platform runs the
# platform-thread baseline instead. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp -DskipTests -pl downstream,service-loom,service-reactive -am package
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'loomflux'" \
  | grep -q 1 || psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "CREATE DATABASE loomflux"

mkdir -p target/run
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
java -jar downstream/target/downstream-*.jar > target/run/downstream.log 2>&1 &
pids+=($!)
SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE_LOOM:-} java --enable-native-access=ALL-UNNAMED \
  -jar service-loom/target/service-loom-*.jar > target/run/service-loom.log 2>&1 &
pids+=($!)
java --enable-native-access=ALL-UNNAMED \
  -jar service-reactive/target/service-reactive-*.jar > target/run/service-reactive.log 2>&1 &
pids+=($!)
echo "downstream stub  http://localhost:8090/recommendations/1 (log: target/run/downstream.log)"
echo "service-loom     http://localhost:8081/api/products/1   (log: target/run/service-loom.log)"
echo "service-reactive http://localhost:8082/api/products/1   (log: target/run/service-reactive.log)"
echo "Ctrl-C stops both."
wait
