#!/usr/bin/env bash
# Usage: bench/home-knee.sh [variant ...]   (variants: loom platform reactive reactive-one-loop)
# The home page at fixed arrival rates with the downstream at 100 ms: where p99 passes 250 ms.
# The service runs on CPU 1, this driver and the stub on CPU 0; PostgreSQL and Redis are unpinned.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp -DskipTests -pl downstream,service-loom,service-reactive -am package
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'loomflux_bench'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE loomflux_bench"
exec taskset -c "${OTHER_CPU:-0}" java bench/HomeKnee.java "$@"
