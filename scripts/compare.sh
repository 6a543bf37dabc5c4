#!/usr/bin/env bash
# Usage: ./loomflux compare [--profile smoke|quick|full] [--variants a,b] [--scenarios x,y] [--service-cpus LIST]
#                           [--load-cpus LIST] [--results DIR] [--skip-microbench] [--aot-cache]
#                           [--target V=URL,... [--metrics V=URL,...] --stub URL] [-h|--help] [-V|--version]
# Runs every scenario against every variant and writes results/<run>/results.json, summary.md and report.html.
#   --profile NAME       smoke (every scenario once against loom and reactive, one short step, no verdicts:
#                        for trying the pipeline), quick (the default: every scenario once against loom and
#                        reactive, about 20 minutes on 2 cores) or full (every variant, every run twice, in ABBA
#                        order: about an hour on 2 cores)
#   --variants A,B       some of the variants below (default: the profile's: loom and reactive for smoke,
#                        those and the two floors for quick, all but reactive-one-loop and the Jetty builds
#                        (loom-jetty, floor-loom-jetty) for full; a floor runs only cached-read)
#   --scenarios X,Y      some of the scenarios below (default: every scenario of the profile; full
#                        has neither cached-read, so it starts no floor, nor orders, no claim's)
#   --service-cpus LIST  taskset CPU list for the service (default: 1)
#   --load-cpus LIST     taskset CPU list for Gatling and the stub (default: 0)
#   --results DIR        folder under which each run gets one (default: results)
#   --skip-microbench    leave out the JMH microbenchmarks (C6, C7)
#   --aot-cache          run each service from its extracted jar with a trained JDK AOT cache, as the image does
#   --target V=URL,...   load services someone else started (compose, Kubernetes) instead of starting its own:
#                        variant name = base URL; nothing is started, pinned or reset (docs/comparison.md)
#   --metrics V=URL,...  with --target: each one's /actuator/prometheus, for the server-side figures
#   --stub URL           with --target: the downstream stub they call, whose TEST issuer they trust
#   -h, --help           this help; -V, --version: the project's version
#
# Checks the options before any set-up or build, so that help and a mistyped option answer at once;
# CompareCommand (picocli) checks them again, and comparison's CompareScriptTest keeps the two in agreement.
# Then finds JDK 25, makes sure PostgreSQL and Redis answer, builds the jars the comparison starts and
# runs it (dev.loomflux.comparison.CompareCommand) on the load CPU, so that its warm-up and scrapes
# never take time from the service under test.
set -euo pipefail
cd "$(dirname "$0")/.."

profiles=(smoke quick full)                            # Profile.NAMES
variants=(loom platform reactive reactive-inline reactive-one-loop loom-jetty floor-loom floor-reactive floor-loom-jetty) # launcher's Variant.ALL

# a profile's scenarios: the keys under "scenarios:" in its YAML, the file CompareCommand reads
scenarios() { sed -n '/^scenarios:/,$s/^  \([a-z0-9-]*\):.*/\1/p' "comparison/src/main/resources/profiles/$1.yaml"; }

usage() {
  sed -n '2,24s/^# \{0,1\}//p' "$0"
  echo "variants:  ${variants[*]}"
  echo "scenarios: $(scenarios quick | xargs)"
}

fail() { echo "$*" >&2; exit 2; }

# one line per comma-separated value, empty ones included: "--variants=" must fail here, not after the build
split() { tr , '\n' <<< "$1"; }

# one_of OPTION VALUE VALID...: picocli's wording, as CompareCommand writes it
one_of() {
  local option=$1 value=$2 valid list
  shift 2
  for valid in "$@"; do [ "$value" = "$valid" ] && return; done
  list=$(printf ', %s' "$@")
  fail "Invalid value for option '$option': expected one of ${list#, } but was '$value'"
}

arguments=("$@") profile=quick chosen_variants=() chosen_scenarios=()
while [ $# -gt 0 ]; do
  option=${1%%=*} value=${1#*=}
  case $option in
    -h | --help) usage; exit 0 ;;
    -V | --version) exec ./loomflux --version ;;
    --skip-microbench | --aot-cache) ;;
    --profile | --variants | --scenarios | --service-cpus | --load-cpus | --results | --target | --metrics | --stub)
      if [[ $1 != *=* ]]; then # --profile full rather than --profile=full
        [ $# -ge 2 ] || fail "Missing required parameter for option '$option'"
        value=$2
        shift
      fi
      case $option in
        --profile) profile=$value ;;
        --variants) mapfile -t list < <(split "$value"); chosen_variants+=("${list[@]}") ;;
        --scenarios) mapfile -t list < <(split "$value"); chosen_scenarios+=("${list[@]}") ;;
      esac
      ;;
    *) fail "Unknown option: '$option'" ;;
  esac
  shift
done
one_of --profile "$profile" "${profiles[@]}"
for variant in "${chosen_variants[@]}"; do one_of --variants "$variant" "${variants[@]}"; done
mapfile -t known < <(scenarios "$profile")
for scenario in "${chosen_scenarios[@]}"; do one_of --scenarios "$scenario" "${known[@]}"; done

source scripts/setup.sh
use_jdk_25
ensure_postgres_and_redis_for_compare
./mvnw -B -q -ntp -DskipTests -pl downstream,service-loom,service-reactive,floor-loom,floor-reactive,service-loom-jetty,floor-loom-jetty,microbench,comparison -am package
classpath="comparison/target/classes:$(cat comparison/target/classpath.txt)"
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c "${LOOMFLUX_LOAD_CPUS:-0}"); fi
exec "${pin[@]}" java -Dloomflux.gatling.module=gatling -cp "$classpath" dev.loomflux.comparison.CompareCommand "${arguments[@]}"
