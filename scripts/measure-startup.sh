#!/usr/bin/env bash
# Usage: scripts/measure-startup.sh <runs> <executable jar>...
# Start-up until the readiness probe answers 200, from process launch, of each jar (a service or the
# stub; two builds of one module to compare them) in three forms:
#   jar        java -jar on the executable jar (./loomflux start, the comparison, the tests)
#   extracted  the layout the image runs: java -Djarmode=tools extract, then java -jar on it
#   aot        the same with the JDK AOT cache, trained as the Dockerfile trains it
# Every run starts each jar in each form in turn, so that a change in the machine's load hits all
# alike. Per start: ready ms, Spring's "Started in", the CPU seconds of the process and of its main
# thread at readiness, the 1-minute load average; at the end min/median/max per jar and form. JVM
# flags as the Dockerfile had them for docs/startup.md's figures (it now runs the comparison's
# heap). Services use the database loomflux_startup (migrated by a first start
# that is not counted), Redis database 7, ports 18080/19080; the stub 18090/19190. See
# docs/startup.md.
set -euo pipefail
runs=$1; shift
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
flags=(-XX:+UseG1GC -XX:MaxRAMPercentage=75.0 --enable-native-access=ALL-UNNAMED)
db=${LOOMFLUX_STARTUP_DB:-loomflux_startup}
export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATA_REDIS_DATABASE=7
export SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/$db SPRING_FLYWAY_URL=$SPRING_DATASOURCE_URL
export BFF_DOWNSTREAM_URL=http://127.0.0.1:18090
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
results=$(mktemp)

start_once() { # <jar> <form> <log>: prints "ready-ms started-s cpu-s main-thread-cpu-s"
  local jar=$1 form=$2 log=$3 name work start pid ready port=19080 tck
  name=$(basename "$jar" .jar); work=$(dirname "$jar")/startup/$name; tck=$(getconf CLK_TCK)
  case $name in downstream*) port=19190 ;; esac
  # extracted and aot run in the extracted directory, as trained: the cache records the class path
  # as given. AOTMode=on makes a cache that cannot be used an error, not a silent start without it
  case $form in
    jar) cmd=("$java" "${flags[@]}" -jar "$jar") ;;
    extracted) cmd=("$java" "${flags[@]}" -jar "$name.jar") ;;
    aot) cmd=("$java" "${flags[@]}" -XX:AOTMode=on -XX:AOTCache=app.aot -jar "$name.jar") ;;
  esac
  start=$(date +%s%N)
  (cd "$work/extracted" && SERVER_PORT=$((port - 1000)) MANAGEMENT_SERVER_PORT=$port exec "${cmd[@]}") > "$log" 2>&1 &
  pid=$!
  trap 'kill "${pid:-}" 2>/dev/null || true' EXIT # always called in a subshell: no JVM left behind
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name ($form) exited, see $log" >&2; return 1; }
    sleep 0.02
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  cpu=$(awk -v t="$tck" '{printf "%.2f", ($14 + $15) / t}' "/proc/$pid/stat")
  # the main thread (named "java" by the launcher) does nearly all of the start-up's own work
  main=$(for task in /proc/"$pid"/task/*; do
    if [ "$(cat "$task/comm" 2>/dev/null)" = java ]; then sed 's/.*) //' "$task/stat" 2>/dev/null || true; fi
  done | awk -v t="$tck" '{s += $12 + $13} END {printf "%.2f", s / t}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready $(grep -o 'Started [A-Za-z]* in [0-9.]*' "$log" | awk '{print $4}') $cpu $main"
}

for jar in "$@"; do # extract, train the cache, and migrate the database (first start, not counted)
  jar=$(realpath "$jar"); name=$(basename "$jar" .jar); work=$(dirname "$jar")/startup/$name
  rm -rf "$work" && mkdir -p "$work"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" > /dev/null
  (cd "$work/extracted" && "$java" "${flags[@]}" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
    -Dspring.flyway.enabled=false -jar "$name.jar" > ../training.log 2>&1)
  (start_once "$jar" jar "$work/first.log") > /dev/null
done
for run in $(seq "$runs"); do
  for jar in "$@"; do
    jar=$(realpath "$jar"); work=$(dirname "$jar")/startup/$(basename "$jar" .jar)
    for form in jar extracted aot; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      read -r ready started cpu main < <(start_once "$jar" "$form" "$work/$form-$run.log") && [ -n "$ready" ] || exit 1
      echo "$jar $form run=$run ready_ms=$ready started_s=$started cpu_s=$cpu main_s=$main load1=$load" \
        | tee -a "$results"
    done
  done
done
for jar in "$@"; do
  for form in jar extracted aot; do
    grep "^$(realpath "$jar") $form " "$results" | sed 's/.*ready_ms=\([0-9]*\).*/\1/' | sort -n \
      | awk -v j="$jar" -v f="$form" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
        printf "%s %s: ready median %d ms (min %d, max %d, %d runs)\n", j, f, m, v[1], v[NR], NR}'
  done
done
