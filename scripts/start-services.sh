#!/usr/bin/env bash
# Usage: scripts/start-services.sh (via ./loomflux start)
# Builds and runs the downstream stub (:8090, admin on /admin/behaviours) and both services against
# the PostgreSQL database "loomflux" (created if absent) and Redis on localhost: service-loom on :8081
# (management :9081), service-reactive on :8082 (:9082). SPRING_PROFILES_ACTIVE_LOOM=platform runs
# the platform-thread baseline instead. The services get the JVM flags the tests and the comparison
# give them (launcher/'s ServiceProcess). Prints the URLs once all three are ready; if any of them
# dies, stops the others and exits non-zero naming its log. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "loomflux: $*" >&2; }

./mvnw -B -q -ntp -DskipTests -pl downstream,service-loom,service-reactive,launcher -am package
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'loomflux'" \
  | grep -q 1 || psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "CREATE DATABASE loomflux"

names=(downstream service-loom service-reactive)
# what "ready" means for each: the readiness group on its management port (the services' includes
# the database, so a service that cannot reach PostgreSQL is not announced as up)
readiness=(http://localhost:9190/actuator/health/readiness http://localhost:9081/actuator/health/readiness
  http://localhost:9082/actuator/health/readiness)
pids=()

# Non-interactive bash starts background jobs with SIGINT ignored, so Ctrl-C reaches only this
# script: it has to stop the three itself, and wait for their graceful shutdown.
stop_all() {
  trap - EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() { # start NAME COMMAND...: runs COMMAND in the background, its output in target/run/NAME.log
  local name=$1
  shift
  "$@" > "target/run/$name.log" 2>&1 &
  pids+=($!)
}

# One side of the comparison missing would mislead whoever is trying the API: the first process found
# dead ends the script (the EXIT trap stops the other two), naming the log that says why.
exit_if_one_died() {
  local i status
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[i]}" 2>/dev/null; then
      wait "${pids[i]}" && status=0 || status=$?
      say "${names[i]} exited (status $status) $1; see target/run/${names[i]}.log"
      exit 1
    fi
  done
}

# the JVM flags the tests and the comparison start every service with (launcher's ServiceProcess)
mapfile -t flags < <(java -cp launcher/target/classes dev.loomflux.launcher.JvmFlags)
[ "${#flags[@]}" -gt 0 ] || { say "could not read the services' JVM flags from launcher/"; exit 1; }

mkdir -p target/run
start downstream java -jar downstream/target/downstream-*.jar
start service-loom env SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE_LOOM:-}" \
  java "${flags[@]}" -jar service-loom/target/service-loom-*.jar
start service-reactive java "${flags[@]}" -jar service-reactive/target/service-reactive-*.jar

say "starting the stub and both services (logs in target/run/), waiting until all three are ready"
# generous: on a loaded 2-core machine three JVMs starting at once took over two minutes
deadline=$((SECONDS + 300))
for i in "${!names[@]}"; do
  until curl -fs -o /dev/null --max-time 2 "${readiness[i]}"; do
    exit_if_one_died "during start-up"
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "${names[i]} was not ready after 300 s; see target/run/${names[i]}.log"
      exit 1
    fi
    sleep 1
  done
done

echo "downstream stub  http://localhost:8090/recommendations/1 (log: target/run/downstream.log)"
echo "test issuer      curl -X POST 'http://localhost:8090/test-issuer/token?sub=7' (a TEST token for customer 7)"
echo "service-loom     http://localhost:8081/api/products/1   (log: target/run/service-loom.log)"
echo "service-reactive http://localhost:8082/api/products/1   (log: target/run/service-reactive.log)"
echo "Ctrl-C stops all three."
while sleep 1; do
  exit_if_one_died "after start-up"
done
