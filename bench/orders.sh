#!/usr/bin/env bash
# Usage: bench/orders.sh [variant ...]   (variants: loom platform reactive)
# Order throughput with hot-product contention and without, and where the time goes.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -ntp -DskipTests -pl service-loom,service-reactive -am package
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'loomflux_bench'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE loomflux_bench"
exec taskset -c 0 java bench/OrdersBenchmark.java "$@"
