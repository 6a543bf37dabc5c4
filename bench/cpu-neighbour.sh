#!/usr/bin/env bash
# Usage: bench/cpu-neighbour.sh [variant ...]   (variants: loom platform reactive reactive-inline)
# Light product reads (wrk, CPU 0) next to CPU-bound insights at the caps, each service pinned to
# CPU 1: the foreground latency shows whether the CPU work stalls the other requests.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -ntp -DskipTests -pl service-loom,service-reactive -am package
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'loomflux_bench'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE loomflux_bench"
exec taskset -c 0 java bench/CpuNeighbourBenchmark.java "$@"
