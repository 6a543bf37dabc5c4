#!/usr/bin/env bash
# Usage: scripts/compare.sh [--profile quick|full] [--variants ...] [--scenarios ...] (via ./loomflux compare)
# Builds the jars the comparison starts, then runs it (dev.loomflux.comparison.CompareCommand) on the
# load CPU, so that its warm-up and scrapes never take time from the service under test.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp -DskipTests -pl downstream,service-loom,service-reactive,microbench,gatling -am package
classpath="gatling/target/classes:$(cat gatling/target/classpath.txt)"
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c "${LOOMFLUX_LOAD_CPUS:-0}"); fi
exec "${pin[@]}" java -cp "$classpath" dev.loomflux.comparison.CompareCommand "$@"
