#!/usr/bin/env bash
# Usage: bench/catalog.sh [variant ...]   (via ./loomflux bench; variants: loom platform reactive)
# GET /api/products/{id} on the Redis-hit path: each service pinned to CPU 1, wrk pinned to CPU 0.
# Warms up until throughput is steady, then measures several runs and reports the median and spread.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./mvnw -B -q -ntp -DskipTests -pl service-loom,service-reactive -am package
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'loomflux_bench'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE loomflux_bench"
exec java bench/CatalogBenchmark.java "$@"
